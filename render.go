package winnow

import (
	"html"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/render"
	"github.com/winnow-dev/winnow/model"
)

// Article is the main content of a page, in its parts. Where the page's
// head (<meta>, OpenGraph, JSON-LD) gives the title, author, date or site
// name, the head wins; the blocks' roles fill the rest (see docs/article.md).
// A field the page does not give is "", never a guess.
type Article struct {
	// Title is the headline: the head's (og:title, twitter:title, JSON-LD
	// headline), else the block whose role is the title, else the first
	// h1 kept as content, else the first h1, else <title> without its
	// site-name part.
	Title string
	// Author is the author as the page names it: the head's (meta author,
	// article:author, JSON-LD author names joined with ", "), else the
	// author marks (rel=author, itemprop=author, class author) in the
	// byline blocks, else a byline block's "By ..." or lone name.
	Author string
	// Date is the publication date in ISO 8601: "2006-01-02", or the full
	// RFC 3339 form ("2006-01-02T15:04:05Z07:00") when the page gives the
	// time and its zone. It comes from the first of these that parses: the
	// head's date (article:published_time, JSON-LD datePublished, meta
	// date), the <time> marks of the byline blocks, the byline blocks' text.
	Date string
	// DateText is the date as written when the page gives one that does
	// not parse ("3 hours ago", "4/9/2024"); Date is then "". It is "" when
	// Date is set.
	DateText string
	// Text is the body as plain text: the blocks whose role is body,
	// paragraphs separated by blank lines, list items and table rows on
	// lines of their own. No headline, byline, captions or comments,
	// unless WithCaptions (captions in place) or WithComments (comments
	// after the body, a blank line apart) asked for them.
	Text string
	// Captions are the texts of the figure captions, in document order;
	// none on a page whose type is not article, where what reads as a
	// caption (or a byline) is part of the body (see refineRoles).
	Captions []string
	// Comments is the reader comments as plain text, as Text is written;
	// "" on a page whose type has no reader comments: a forum, whose
	// posts are its body, or documentation (see readerComments).
	Comments string
	// Language is the page's language as its markup declares it (<html
	// lang>, Content-Language, og:locale), lower-cased: "en", "de-at".
	Language string
	// URL is the page's canonical address (link rel=canonical, else
	// og:url), when it is an absolute http or https URL.
	URL string
	// SiteName is the site's name: og:site_name, else the JSON-LD
	// article's publisher.
	SiteName string
	// PageType is the kind of page, one of PageTypes ("article",
	// "listing", "product", ...), as the page-type models predict it from
	// the whole page; "" without page-type models (WithPageTypes(nil)).
	PageType string
	// Encoding is the character encoding the page was read as.
	Encoding string
	// Blocks are all the page's text blocks, kept or not, in document order.
	Blocks []Block

	// withCaptions and withComments: what Text, Markdown and HTML carry
	// besides the body (WithCaptions, WithComments).
	withCaptions, withComments bool
}

// Block is one text block of the page and the verdict on it.
type Block struct {
	Text  string
	Tag   string
	Kind  page.Kind
	Level int // heading level 1-6, or 0
	Row   int // table row, or -1
	// Content is the content model's verdict: the block is main content
	// rather than boilerplate (its probability reaches the threshold).
	// Role says which part of it the block is; a kept block whose Role is
	// RoleComment is a reader comment, which Text leaves out.
	Content bool
	// Role is what the block is to the article: the role models' verdict
	// (see Extractor.roles), completed from the markup (the headline, figure
	// captions, author, time and byline marks by the headline).
	Role Role
	// Rule is what decided Content: RuleThreshold when the model's
	// probability against the threshold did, else the post-processing rule
	// that overrode it.
	Rule Rule
	// Probability is the probability that the block is content: the
	// smoothing model's when there is one (WithSmoother; on a page of
	// records, the records smoothing model's when there is one,
	// WithRecordsSmoother), else the block model's.
	Probability float64
	// Path is the chain of decisions that classified the block in one tree
	// of the block model (see model.Model.Explain: for the default boosted
	// model, the tree that moved the probability most; the smoothing
	// model's decision is not in it); nil unless
	// WithExplanations was given.
	Path []model.Step
	// Item is the number of an ordered list's item, as the page shows it,
	// or 0 (page.Block.Item).
	Item int
}

// Markdown renders the article as Markdown: the title as a "#" heading,
// then the body with its headings, lists (ordered ones numbered), tables,
// quotes and fenced code, with the captions and comments that Text
// carries. Text is escaped (render.MarkdownText): what the page shows
// literally, "<script>" or "**" among it, is shown literally, never read
// as HTML or Markdown; a code block's fence is longer than any run of
// backticks in it.
func (a *Article) Markdown() string {
	var sb strings.Builder
	if a.Title != "" {
		sb.WriteString("# " + render.MarkdownHeading(a.Title))
	}
	add := func(s string) {
		if s == "" {
			return
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(s)
	}
	add(a.body(render.Markdown))
	if a.withComments {
		add(a.renderRoles(render.Markdown, RoleComment))
	}
	return sb.String()
}

// HTML renders the article as clean HTML: an <article> holding a <header>
// (the title as <h1>, the author as <address>, the date as <time>), the
// body's structural elements (h1-h6, p, ul/ol/li, table/tr/td, pre,
// blockquote), every caption as a <figure> with its <figcaption> where it
// stood, and, with WithComments, the comments in a <section> at the end.
// Elements carry no attributes but a <time>'s datetime and an <ol>'s start.
func (a *Article) HTML() string {
	var sb strings.Builder
	sb.WriteString("<article>\n")
	if a.Title != "" || a.Author != "" || a.Date != "" || a.DateText != "" {
		sb.WriteString("<header>\n")
		if a.Title != "" {
			sb.WriteString("<h1>" + html.EscapeString(a.Title) + "</h1>\n")
		}
		if a.Author != "" {
			sb.WriteString("<address>" + html.EscapeString(a.Author) + "</address>\n")
		}
		switch {
		case a.Date != "":
			d := html.EscapeString(a.Date)
			sb.WriteString(`<time datetime="` + d + `">` + d + "</time>\n")
		case a.DateText != "":
			sb.WriteString("<time>" + html.EscapeString(a.DateText) + "</time>\n")
		}
		sb.WriteString("</header>\n")
	}
	if body := a.renderRoles(render.HTML, RoleBody, RoleCaption); body != "" {
		sb.WriteString(body + "\n")
	}
	if a.withComments {
		if c := a.renderRoles(render.HTML, RoleComment); c != "" {
			sb.WriteString("<section>\n" + c + "\n</section>\n")
		}
	}
	sb.WriteString("</article>")
	return sb.String()
}

// ContentText is every block kept as content, whatever its role, as plain
// text: the headline, byline, captions and reader comments included, as
// the labelled sets that mark only content and boilerplate draw the line.
// Evaluation scores it (leaving comments out on the sets that mark them).
func (a *Article) ContentText() string { return a.renderContent(render.Text) }

// renderContent writes the blocks kept as content in format f.
func (a *Article) renderContent(f render.Format) string {
	return render.Blocks(len(a.Blocks), func(i int) render.Block {
		return a.Blocks[i].render(a.Blocks[i].Content)
	}, f)
}

// body renders the body in format f, with the captions in place if asked.
func (a *Article) body(f render.Format) string {
	if a.withCaptions {
		return a.renderRoles(f, RoleBody, RoleCaption)
	}
	return a.renderRoles(f, RoleBody)
}

// text is Text: the body, then the comments if asked.
func (a *Article) text() string {
	t := a.body(render.Text)
	if a.withComments {
		if c := a.renderRoles(render.Text, RoleComment); c != "" && t != "" {
			t += "\n\n" + c
		} else if c != "" {
			t = c
		}
	}
	return t
}

// renderRoles writes the blocks of a whose role is one of roles in format f.
func (a *Article) renderRoles(f render.Format, roles ...Role) string {
	var want [len(roleNames)]bool
	for _, r := range roles {
		want[r] = true
	}
	return render.Blocks(len(a.Blocks), func(i int) render.Block {
		b := &a.Blocks[i]
		rb := b.render(int(b.Role) < len(want) && want[b.Role])
		// A caption that is a paragraph or a generic text block renders as
		// a <figcaption> does (a <figure>'s caption in HTML); one that is a
		// list item, table cell, heading or code keeps its element, so that
		// the structure around it holds.
		if b.Role == RoleCaption && (b.Kind == page.KindParagraph || b.Kind == page.KindText) {
			rb.Kind = page.KindCaption
		}
		return rb
	}, f)
}

func (b *Block) render(keep bool) render.Block {
	return render.Block{Text: b.Text, Kind: b.Kind, Level: b.Level, Row: b.Row, Item: b.Item, Keep: keep}
}

// assemble builds the Article of page from the pipeline's results: the
// page's type, the model's probabilities, the final decisions, the blocks'
// roles, the rule that decided each block (nil: the threshold decided all)
// and the decision paths (nil unless explaining).
func assemble(page *page.Page, pageType string, probs []float64, keep []bool, roles []Role, why []Rule, paths [][]model.Step, cfg *config) *Article {
	a := &Article{Encoding: page.Encoding, Blocks: make([]Block, len(page.Blocks)), PageType: pageType,
		withCaptions: cfg.captions, withComments: cfg.comments}
	for i := range page.Blocks {
		b := &page.Blocks[i]
		a.Blocks[i] = Block{Text: b.Text, Tag: b.Tag, Kind: b.Kind, Level: b.Level, Row: b.Row, Content: keep[i], Role: roles[i], Probability: probs[i], Item: b.Item}
		if why != nil {
			a.Blocks[i].Rule = why[i]
		}
		if paths != nil {
			a.Blocks[i].Path = paths[i]
		}
	}
	refineRoles(page, a.Blocks, !articleParts(pageType))
	a.fillMetadata(page)
	a.Text = a.text()
	return a
}
