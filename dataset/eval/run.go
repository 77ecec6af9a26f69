package eval

import (
	"context"
	"html"
	"sort"
	"strings"
	"sync"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/render"
	"github.com/winnow-dev/winnow/model"
)

// System is one thing an evaluation scores: a model through the
// extractor, or a baseline rule whose decisions are rendered by
// internal/render exactly as the model's are.
type System struct {
	name string
	// x is the extractor of a model; nil for a baseline.
	x *winnow.Extractor
	// m is the model of x, for its description and importances.
	m *model.Model
	// path is where the model was read from ("default" for the embedded one).
	path string
	// smoothed says the model's blocks are decided by a smoothing model
	// (winnow.WithSmoother).
	smoothed bool
	// recordsSmoothed says a records smoothing model decides the pages of
	// records (winnow.WithRecordsSmoother).
	recordsSmoothed bool
	// rule decides the blocks of a baseline from the page's feature vectors.
	rule func(vecs [][]float64) []bool
}

// Name is the system's name in the report.
func (s *System) Name() string { return s.name }

// Model is the system's model; nil for a baseline.
func (s *System) Model() *model.Model { return s.m }

func (s *System) isModel() bool { return s.x != nil }

// NewModelSystem makes the system of model m, named name in the report,
// read from path ("default" for the embedded model), with the threshold
// and rules of o.
func NewModelSystem(name, path string, m *model.Model, o Options) (*System, error) {
	opts := []winnow.Option{winnow.WithModel(m), winnow.WithThreshold(o.Threshold), winnow.WithRules(o.Rules...),
		winnow.WithTypeThresholds(!o.FixedThreshold)}
	// The models beside the model file, each given when its loader is.
	var smooth, records *model.Heads
	for _, part := range []struct {
		of   func(path string) (*model.Heads, error)
		with func(*model.Heads) winnow.Option
		got  **model.Heads
	}{
		{o.RolesOf, winnow.WithRoles, nil},
		{o.PageTypesOf, winnow.WithPageTypes, nil},
		{o.SmoothOf, winnow.WithSmoother, &smooth},
		{o.RecordsSmoothOf, winnow.WithRecordsSmoother, &records},
	} {
		if part.of == nil {
			continue
		}
		h, err := part.of(path)
		if err != nil {
			return nil, err
		}
		opts = append(opts, part.with(h))
		if part.got != nil {
			*part.got = h
		}
	}
	smoothed := smooth.Head(winnow.SmootherHead) != nil
	recordsSmoothed := smoothed && records.Head(winnow.SmootherHead) != nil
	x, err := winnow.New(opts...)
	if err != nil {
		return nil, err
	}
	return &System{name: name, x: x, m: m, path: path, smoothed: smoothed, recordsSmoothed: recordsSmoothed}, nil
}

// NewModelSystemRoles is NewModelSystem with the role models h (nil:
// none), whatever o.RolesOf says.
func NewModelSystemRoles(name, path string, m *model.Model, h *model.Heads, o Options) (*System, error) {
	o.RolesOf = func(string) (*model.Heads, error) { return h, nil }
	return NewModelSystem(name, path, m, o)
}

// ModelSystems makes the systems of the model files at paths, read with
// load and named by ModelNames, with the threshold and rules of o.
func ModelSystems(paths []string, load func(path string) (*model.Model, error), o Options) ([]*System, error) {
	names := ModelNames(paths)
	var out []*System
	for i, path := range paths {
		m, err := load(path)
		if err != nil {
			return nil, err
		}
		s, err := NewModelSystem(names[i], path, m, o)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Baselines are the systems every evaluation scores beside the models:
// keep everything, and boilerpipe's number-of-words and densitometric
// rules (baselines.go).
func Baselines() []*System {
	var out []*System
	for _, b := range baselines() {
		out = append(out, &System{name: b.name, rule: b.decide})
	}
	return out
}

// Mistake is a block a system got wrong, quoted for the worst-pages list.
type Mistake struct {
	Block int    `json:"block"`
	Kind  string `json:"kind"` // "boilerplate kept" or "content dropped"
	Words int    `json:"words"`
	// Fine is L3S-GN1's finer label of the block (related, comments, ...).
	Fine string `json:"fine,omitempty"`
	Text string `json:"text"`
}

// pageScore is how one system did on one page.
type pageScore struct {
	conf Confusion // blocks with a known label
	// Text level; only when the page has a gold text.
	hasGold         bool
	bowP, bowR, bow float64
	tp, fp, fn      float64 // normalised shingle counts
	f1              float64 // per-page shingle F1
	f1ok            bool
	empty           bool // nothing extracted
	// Snippets.
	withFound, withTotal, withoutLeaked, withoutTotal int
	// Models only: P(content) and truth of the blocks with a known label,
	// the block decisions, and the biggest mistakes.
	scores   []float64
	truth    []bool
	keep     []bool
	mistakes []Mistake
	// kinds counts the blocks of each fine label and the wrong ones, by
	// dataset.FineLabel; nil unless the page has fine labels.
	kinds []kindCount
	// rules counts, by winnow.Rule, the blocks with a known label whose
	// verdict a post-processing rule decided; models only.
	rules []ruleCount
	// comment counts the reader-comment blocks kept (comments.go).
	comment commentCount
	// roles are the block roles' scores; models only.
	roles pageRoles
	// pageType is the page's type as the model's extractor predicts it
	// (Article.PageType); models only.
	pageType string
}

// ruleCount is how many blocks a rule decided on one page or more, and how
// many of those verdicts the labels agree with.
type ruleCount struct{ pages, blocks, right int }

// newRuleCounts returns zero counts indexed by winnow.Rule.
func newRuleCounts() []ruleCount { return make([]ruleCount, len(winnow.Rules())+1) }

// kindCount is how many blocks of one fine label a model decided, and got wrong.
type kindCount struct{ blocks, wrong int }

// pageEval is every system's score on one page.
type pageEval struct {
	page *dataset.LabelledPage
	sys  []pageScore
	// chars says the page's texts are scored by characters (tokens.go).
	chars bool
}

// maxQuote is the longest quoted text of a mistake, in bytes.
const maxQuote = 240

// mistakesPerKind is how many mistakes of each kind a page keeps.
const mistakesPerKind = 3

// evalPage runs every system on one labelled page whose feature vectors
// are vecs.
func evalPage(p *dataset.LabelledPage, vecs [][]float64, systems []*System) pageEval {
	pe := pageEval{page: p, sys: make([]pageScore, len(systems)), chars: scoredByCharacters(p)}
	for k, s := range systems {
		var a *winnow.Article
		if s.isModel() {
			// ErrNoContent still returns the article, with nothing kept.
			a, _ = s.x.FromVectors(p.Page, vecs)
		} else {
			a = baselineArticle(p.Page, s.rule(vecs))
		}
		pe.sys[k] = scorePage(p, a, s.isModel())
	}
	return pe
}

// baselineArticle is the Article of a baseline's decisions keep, its text
// rendered by internal/render as the model's articles are.
func baselineArticle(p *page.Page, keep []bool) *winnow.Article {
	a := &winnow.Article{Encoding: p.Encoding, Blocks: make([]winnow.Block, len(p.Blocks))}
	for i := range p.Blocks {
		b := &p.Blocks[i]
		a.Blocks[i] = winnow.Block{Text: b.Text, Tag: b.Tag, Kind: b.Kind, Level: b.Level, Row: b.Row, Content: keep[i]}
	}
	a.Text = render.Page(p, keep, render.Text)
	return a
}

// keptText renders as plain text the blocks of a that kept says are kept,
// as Article.ContentText renders the content blocks.
func keptText(a *winnow.Article, kept func(*winnow.Block) bool) string {
	return render.Blocks(len(a.Blocks), func(i int) render.Block {
		b := &a.Blocks[i]
		return render.Block{Text: b.Text, Kind: b.Kind, Level: b.Level, Row: b.Row, Item: b.Item, Keep: kept(b)}
	}, render.Text)
}

// scorePage scores one system's article against a page's labels, gold and
// snippets.
func scorePage(p *dataset.LabelledPage, a *winnow.Article, isModel bool) pageScore {
	var ps pageScore
	// Each set is scored by its own line: where it marks reader comments
	// apart (dataset.CommentLabelled), a block the model kept but took for a
	// comment is not content; elsewhere comments are content, as the set's
	// gold keeps them.
	apart := dataset.CommentLabelled(p.Set)
	kept := func(b *winnow.Block) bool { return b.Content && !(apart && b.Role == winnow.RoleComment) }
	for i := range a.Blocks {
		l := p.Labels[i]
		if l == dataset.Unknown {
			continue
		}
		truth := l == dataset.Content
		ps.conf.Add(kept(&a.Blocks[i]), truth)
		if isModel {
			ps.scores = append(ps.scores, a.Blocks[i].Probability)
			ps.truth = append(ps.truth, truth)
		}
	}
	// The gold is content against boilerplate: headline, byline and
	// captions count, as in ContentText, not the body-only Text.
	content := a.ContentText()
	if apart {
		content = keptText(a, kept)
	}
	ps.empty = strings.TrimSpace(content) == ""
	ps.comment = commentCountOf(p, a)
	if strings.TrimSpace(p.Gold) != "" {
		ps.hasGold = true
		ps.bowP, ps.bowR, ps.bow = dataset.BagOfWords(content, p.Gold)
		ps.tp, ps.fp, ps.fn = dataset.Shingles(content, p.Gold)
		ps.f1, ps.f1ok = dataset.PageF1(ps.tp, ps.fp, ps.fn)
	}
	if len(p.With) > 0 || len(p.Without) > 0 {
		text := normalizeSnippet(content)
		// Snippets may carry HTML entities (WCXB has "&amp;"); the text is decoded.
		for _, w := range p.With {
			if w = normalizeSnippet(html.UnescapeString(w)); w != "" {
				ps.withTotal++
				if strings.Contains(text, w) {
					ps.withFound++
				}
			}
		}
		for _, w := range p.Without {
			if w = normalizeSnippet(html.UnescapeString(w)); w != "" {
				ps.withoutTotal++
				if strings.Contains(text, w) {
					ps.withoutLeaked++
				}
			}
		}
	}
	if isModel {
		ps.keep = make([]bool, len(a.Blocks))
		for i := range a.Blocks {
			ps.keep[i] = kept(&a.Blocks[i]) // as the block scores count it
		}
		ps.mistakes = biggestMistakes(p, ps.keep)
		ps.rules = ruleCounts(p, a)
		ps.roles = scoreRoles(p, a, ps.comment)
		ps.pageType = a.PageType
		if p.Fine != nil {
			ps.kinds = make([]kindCount, len(dataset.FineLabels()))
			for i, f := range p.Fine {
				if l := p.Labels[i]; l != dataset.Unknown && int(f) < len(ps.kinds) {
					ps.kinds[f].blocks++
					if ps.keep[i] != (l == dataset.Content) {
						ps.kinds[f].wrong++
					}
				}
			}
		}
	}
	return ps
}

// normalizeSnippet reduces s to its word tokens (dataset.Tokens: lower
// case, letters and digits), space-separated and space-framed, so that a
// snippet matches across line breaks, capitalisation, typographic quotes
// ("it’s" and "it's") and spacing around punctuation, and only on whole
// words. It returns "" for text without a word.
func normalizeSnippet(s string) string {
	toks := dataset.Tokens(s)
	if len(toks) == 0 {
		return ""
	}
	return " " + strings.Join(toks, " ") + " "
}

// biggestMistakes lists the longest blocks kept though labelled boilerplate
// and dropped though labelled content, longest first.
func biggestMistakes(p *dataset.LabelledPage, keep []bool) []Mistake {
	var kept, dropped []Mistake
	for i, k := range keep {
		b := &p.Page.Blocks[i]
		fine := ""
		if p.Fine != nil {
			fine = p.Fine[i].String()
		}
		switch {
		case k && p.Labels[i] == dataset.Boilerplate:
			kept = append(kept, Mistake{Block: i, Kind: "boilerplate kept", Words: b.Words, Fine: fine, Text: quote(b.Text)})
		case !k && p.Labels[i] == dataset.Content:
			dropped = append(dropped, Mistake{Block: i, Kind: "content dropped", Words: b.Words, Fine: fine, Text: quote(b.Text)})
		}
	}
	top := func(ms []Mistake) []Mistake {
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].Words > ms[b].Words })
		return ms[:min(len(ms), mistakesPerKind)]
	}
	// Never nil, so that the JSON report always has a list.
	return append(append([]Mistake{}, top(kept)...), top(dropped)...)
}

// quote shortens text to about maxQuote bytes on a rune boundary.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= maxQuote {
		return s
	}
	cut := maxQuote
	for cut > 0 && s[cut]&0xc0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// evalPages runs every system over pages on workers goroutines, each page
// with the vectors vecsOf gives for it (features.Vectors when vecsOf is
// nil). Results are in the order of pages whatever the scheduling; tick,
// when not nil, is called once per finished page from the calling goroutine.
func evalPages(ctx context.Context, pages []*dataset.LabelledPage, systems []*System, vecsOf func(*dataset.LabelledPage) [][]float64, workers int, tick func()) ([]pageEval, error) {
	if vecsOf == nil {
		vecsOf = pageVectors
	}
	out := make([]pageEval, len(pages))
	next := make(chan int)
	done := make(chan struct{}, len(pages))
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = evalPage(pages[i], vecsOf(pages[i]), systems)
				done <- struct{}{}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range pages {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	for range done {
		if tick != nil {
			tick()
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// ruleCounts counts, by rule, the blocks of a with a known label that a
// post-processing rule decided, and the verdicts the labels agree with.
func ruleCounts(p *dataset.LabelledPage, a *winnow.Article) []ruleCount {
	counts := newRuleCounts()
	for i, b := range a.Blocks {
		l := p.Labels[i]
		if b.Rule == winnow.RuleThreshold || l == dataset.Unknown || int(b.Rule) >= len(counts) {
			continue
		}
		c := &counts[b.Rule]
		if c.blocks == 0 {
			c.pages = 1
		}
		c.blocks++
		if b.Content == (l == dataset.Content) {
			c.right++
		}
	}
	return counts
}
