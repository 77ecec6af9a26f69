package winnow

import (
	"time"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

// DefaultThreshold is the probability of content above which a block is kept.
const DefaultThreshold = 0.5

// config is the immutable configuration of an Extractor.
type config struct {
	model     *model.Model
	threshold float64
	rules     ruleSet // the post-processing rules that run
	parse     page.Options
	explain   bool

	perPage    time.Duration // per page; see timeout()
	timeoutSet bool
}

// Option configures Extract and New.
type Option func(*config)

// WithModel uses m instead of the embedded default model.
func WithModel(m *model.Model) Option { return func(c *config) { c.model = m } }

// WithThreshold keeps blocks whose probability of content is at least t
// (default 0.5). Lower keeps more (recall), higher keeps less (precision).
func WithThreshold(t float64) Option { return func(c *config) { c.threshold = t } }

// WithSmoothing turns the post-processing over the block sequence on or off
// (default on): every rule of Rules, that is Smooth's and a fallback for
// pages on which the kept blocks hold at most 50 words, which also keeps
// the most probable dropped blocks when the best of them reaches half the
// threshold.
func WithSmoothing(on bool) Option {
	return func(c *config) {
		c.rules = 0
		if on {
			c.rules = allRules
		}
	}
}

// WithRules runs only the given post-processing rules (default: all of
// Rules); with none, the threshold's verdicts stand. RuleThreshold is
// ignored. It replaces what an earlier WithSmoothing or WithRules set.
func WithRules(rules ...Rule) Option { return func(c *config) { c.rules = ruleSetOf(rules) } }

// WithMaxBytes sets the largest page accepted (default page.DefaultMaxBytes).
func WithMaxBytes(n int64) Option { return func(c *config) { c.parse.MaxBytes = n } }

// WithMaxBlocks sets the most text blocks a page may have (default page.DefaultMaxBlocks).
func WithMaxBlocks(n int) Option { return func(c *config) { c.parse.MaxBlocks = n } }

// WithMaxDepth sets the deepest element nesting accepted (default and
// upper bound page.DefaultMaxDepth, 512). Deeper pages fail with an
// error wrapping page.ErrTooDeep.
func WithMaxDepth(n int) Option { return func(c *config) { c.parse.MaxDepth = n } }

// WithTimeout sets the time allowed per page by ExtractContext and
// ExtractBytesContext (default DefaultTimeout); d ≤ 0 means no limit beyond
// the caller's context. A page that takes longer fails with an error
// wrapping ErrTimeout.
func WithTimeout(d time.Duration) Option {
	return func(c *config) { c.perPage, c.timeoutSet = d, true }
}

// WithContentType passes the HTTP Content-Type header of the page, whose
// charset then overrides declarations inside the page.
func WithContentType(ct string) Option { return func(c *config) { c.parse.ContentType = ct } }

// WithExplanations records, for every block, the path of decisions in the
// model's tree that moved its probability most (Block.Path; see
// model.Model.Explain). It costs an allocation per block.
func WithExplanations(on bool) Option { return func(c *config) { c.explain = on } }
