package winnow

import (
	"slices"
	"time"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

// DefaultThreshold is the probability of content at or above which a block
// is kept.
const DefaultThreshold = 0.5

// PrecisionThreshold and RecallThreshold are the thresholds of `winnow
// extract -precision` and `-recall` (WithThreshold): keeping less text,
// surer to be content, or more of the content with more boilerplate
// (docs/article.md has the measurements behind them).
const (
	PrecisionThreshold = 0.7
	RecallThreshold    = 0.4
)

// DefaultTimeout is the time an Extractor allows per page unless
// WithTimeout says otherwise.
const DefaultTimeout = 30 * time.Second

// config is the immutable configuration of an Extractor.
type config struct {
	model     *model.Model
	threshold float64
	// typeThresholds: the threshold is scaled by page type
	// (typeThresholdScale; WithTypeThresholds).
	typeThresholds bool
	parse          page.Options
	explain        bool
	roles          *model.Heads // role models (RoleHeads); nil: none
	rolesSet       bool         // WithRoles was given
	// pageTypes are the page-type models (PageTypes); nil: none.
	pageTypes    *model.Heads
	pageTypesSet bool // WithPageTypes was given
	// smooth is the smoothing model (SmootherHead,
	// SmootherCorrectionHead and the second round's SmootherAgainHead);
	// nil: none.
	smooth    *model.Heads
	smoothSet bool // WithSmoother was given
	// smoothRecords is the records smoothing model, for the pages of
	// records (RecordPage); nil: the smoothing model decides them too.
	smoothRecords    *model.Heads
	smoothRecordsSet bool // WithRecordsSmoother was given
	// captions and comments: Article.Text and the renderings carry them
	// (WithCaptions, WithComments).
	captions, comments bool
	// repeat: RuleRepeat runs (WithRules).
	repeat bool

	perPage    time.Duration // per page; see timeout()
	timeoutSet bool
}

// timeout is the time allowed per page; 0 or less means no limit.
func (c *config) timeout() time.Duration {
	if !c.timeoutSet {
		return DefaultTimeout
	}
	return c.perPage
}

// Option configures Extract and New.
type Option func(*config)

// WithModel uses m instead of the embedded default model.
func WithModel(m *model.Model) Option { return func(c *config) { c.model = m } }

// WithRoles uses h (read with LoadRoles) as the role models instead of
// the embedded ones (DefaultRoles); WithRoles(nil) assigns roles without
// them: kept blocks are body, the rest boilerplate.
func WithRoles(h *model.Heads) Option { return func(c *config) { c.roles, c.rolesSet = h, true } }

// WithPageTypes uses h (read with LoadPageTypes) as the page-type models
// instead of the embedded ones (DefaultPageTypes); WithPageTypes(nil)
// leaves Article.PageType empty.
func WithPageTypes(h *model.Heads) Option {
	return func(c *config) { c.pageTypes, c.pageTypesSet = h, true }
}

// WithSmoother uses h (read with LoadSmoother) as the smoothing model,
// which decides each block again from the block model's probabilities
// around it and the block's own marks (in two rounds when h has
// SmootherAgainHead); WithSmoother(nil) decides by the block model alone. Without
// it, the embedded smoothing model (DefaultSmoother) goes with the
// embedded block model, and none with a model given by WithModel, since a
// smoothing model is trained for one block model.
func WithSmoother(h *model.Heads) Option {
	return func(c *config) { c.smooth, c.smoothSet = h, true }
}

// WithRecordsSmoother uses h (read with LoadRecordsSmoother) as the
// records smoothing model, which decides in the smoothing model's place
// on the pages taken for a forum thread, listing, collection, product,
// documentation or service page (RecordPage), with the blocks that look
// alike; WithRecordsSmoother(nil) leaves those pages to the smoothing
// model. Without it, the embedded one (DefaultRecordsSmoother) goes with
// the embedded smoothing model, and none with a smoothing model given by
// WithSmoother or a model given by WithModel.
func WithRecordsSmoother(h *model.Heads) Option {
	return func(c *config) { c.smoothRecords, c.smoothRecordsSet = h, true }
}

// WithThreshold keeps blocks whose probability of content is at least t
// (default DefaultThreshold). Lower keeps more (recall), higher keeps less
// (precision): a higher threshold never keeps a block that a lower one
// drops. New refuses a t outside [0, 1], NaN included.
func WithThreshold(t float64) Option { return func(c *config) { c.threshold = t } }

// WithTypeThresholds says whether the threshold is lowered on pages whose
// predicted type is listing, documentation or service (see
// Extractor.threshold; the default is true). With false, every page is
// decided by the threshold as given.
func WithTypeThresholds(on bool) Option { return func(c *config) { c.typeThresholds = on } }

// WithRules chooses the post-processing rules to run after the threshold
// (default Rules(): all of them); WithRules() runs none. RuleThreshold is
// no rule and is ignored.
func WithRules(rules ...Rule) Option {
	return func(c *config) { c.repeat = slices.Contains(rules, RuleRepeat) }
}

// WithSmoothing is WithRules' older name: true runs every post-processing
// rule (the default), false none.
func WithSmoothing(on bool) Option {
	if on {
		return WithRules(Rules()...)
	}
	return WithRules()
}

// WithMaxBytes sets the largest page accepted (default page.DefaultMaxBytes).
func WithMaxBytes(n int64) Option { return func(c *config) { c.parse.MaxBytes = n } }

// WithMaxBlocks sets the most text blocks a page may have (default page.DefaultMaxBlocks).
func WithMaxBlocks(n int) Option { return func(c *config) { c.parse.MaxBlocks = n } }

// WithMaxNodes sets the most nodes the parsed tree of a page may have
// (default page.DefaultMaxNodes; a page of n bytes may have at most
// page.MinNodeBudget + page.NodesPerByte×n whatever it says). The tree is
// measured before it is built, and a page over the limit fails with an
// error wrapping page.ErrTooLarge.
func WithMaxNodes(n int) Option { return func(c *config) { c.parse.MaxNodes = n } }

// WithMaxDepth sets the deepest element nesting accepted (default and
// upper bound page.DefaultMaxDepth, 512). Deeper pages fail with an
// error wrapping page.ErrTooDeep.
func WithMaxDepth(n int) Option { return func(c *config) { c.parse.MaxDepth = n } }

// WithTimeout sets the time allowed per page (default DefaultTimeout);
// d ≤ 0 means no limit beyond the caller's context. A page that takes
// longer fails with an error wrapping ErrTimeout.
func WithTimeout(d time.Duration) Option {
	return func(c *config) { c.perPage, c.timeoutSet = d, true }
}

// WithContentType passes the HTTP Content-Type header the page was served
// with (as a WARC record or an HTTP response gives it); its charset then
// overrides declarations inside the page.
func WithContentType(ct string) Option { return func(c *config) { c.parse.ContentType = ct } }

// WithExplanations records, for every block, the path of decisions in the
// model's tree that moved its probability most (Block.Path; see
// model.Model.Explain). It costs an allocation per block.
func WithExplanations(on bool) Option { return func(c *config) { c.explain = on } }

// WithCaptions(true) keeps the figure captions in the body: in
// Article.Text, and in Markdown, where they stand on the page. They are
// in Article.Captions either way, and in Article.HTML as figures.
func WithCaptions(on bool) Option { return func(c *config) { c.captions = on } }

// WithComments(true) puts the reader comments after the body in
// Article.Text (a blank line apart), Markdown and HTML (a <section>).
// They are in Article.Comments either way.
func WithComments(on bool) Option { return func(c *config) { c.comments = on } }
