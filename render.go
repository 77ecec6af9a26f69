package winnow

import (
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/render"
	"github.com/winnow-dev/winnow/model"
)

// Article is the main content of a page.
type Article struct {
	// Title is the page's headline: see chooseTitle for the order of sources.
	Title string
	// Text is the main content as plain text: paragraphs separated by blank
	// lines, list items and table rows on lines of their own.
	Text string
	// Encoding is the character encoding the page was read as.
	Encoding string
	// Blocks are all the page's text blocks, kept or not, in document order.
	Blocks []Block
}

// Block is one text block of the page and the verdict on it.
type Block struct {
	Text  string
	Tag   string
	Kind  page.Kind
	Level int // heading level 1-6, or 0
	Row   int // table row, or -1
	// Content says whether the block is part of the main content, after
	// the threshold and the rules: a block whose Role is RoleComment never
	// is (reader comments are not the article).
	Content bool
	// Role is what the block is to the article (see Extractor.roles).
	Role Role
	// Rule is what decided Content: RuleThreshold when the model's
	// probability against the threshold did, else the post-processing rule
	// that overrode it.
	Rule Rule
	// Probability is the model's probability that the block is content.
	Probability float64
	// Path is the chain of decisions that classified the block in one tree
	// of the model (see model.Model.Explain: for the default boosted model,
	// the tree that moved the probability most); nil unless
	// WithExplanations was given.
	Path []model.Step
}

// Markdown renders the main content as Markdown: headings, lists, tables,
// quotes and fenced code kept.
func (a *Article) Markdown() string { return a.render(render.Markdown) }

// HTML renders the main content as clean HTML: only structural elements
// (h1-h6, p, ul/li, table/tr/td, pre, blockquote, figcaption), no attributes.
func (a *Article) HTML() string { return a.render(render.HTML) }

// render writes the blocks of a that are content in format f.
func (a *Article) render(f render.Format) string {
	return render.Blocks(len(a.Blocks), func(i int) render.Block {
		b := &a.Blocks[i]
		return render.Block{Text: b.Text, Kind: b.Kind, Level: b.Level, Row: b.Row, Keep: b.Content}
	}, f)
}

// assemble builds the Article of page from the pipeline's results: the
// model's probabilities, the final decisions, the blocks' roles, the rule that decided each
// block (nil: the threshold decided all) and the decision paths (nil
// unless explaining).
func assemble(page *page.Page, probs []float64, keep []bool, roles []Role, why []Rule, paths [][]model.Step) *Article {
	a := &Article{Encoding: page.Encoding, Blocks: make([]Block, len(page.Blocks))}
	for i := range page.Blocks {
		b := &page.Blocks[i]
		a.Blocks[i] = Block{Text: b.Text, Tag: b.Tag, Kind: b.Kind, Level: b.Level, Row: b.Row, Content: keep[i] && roles[i] != RoleComment, Role: roles[i], Probability: probs[i]}
		if why != nil {
			a.Blocks[i].Rule = why[i]
		}
		if paths != nil {
			a.Blocks[i].Path = paths[i]
		}
	}
	a.Title = chooseTitle(page, a.Blocks)
	a.Text = a.render(render.Text)
	return a
}
