package dataset

import "strings"

// Coverage figures: how well the blocks a page's labels select reproduce
// the text a person selected, for sets labelled through gold text, where
// no block truth exists to compare with (compare MeasureAlignment for the
// block-labelled sets). Texts are compared as bags of tokens (BagOfWords,
// so CJK gold is compared by characters).

// CoverSum accumulates per-page bag-of-words figures of one part of the
// gold (the article or the comments) over pages; the means are over the
// pages added. The zero value is empty and reports zeros.
type CoverSum struct {
	n                 int
	prec, rec, inPage float64
}

func (c *CoverSum) add(labelled, all, gold string) {
	p, r, _ := BagOfWords(labelled, gold)
	_, inPage, _ := BagOfWords(all, gold)
	c.n++
	c.prec += p
	c.rec += r
	c.inPage += inPage
}

// Pages is the number of pages added.
func (c CoverSum) Pages() int { return c.n }

// Precision is the mean share of the selected blocks' tokens found in the
// gold part.
func (c CoverSum) Precision() float64 { return meanOf(c.prec, c.n) }

// Recall is the mean share of the gold part's tokens found in the
// selected blocks: how much of the gold the labelled blocks cover.
func (c CoverSum) Recall() float64 { return meanOf(c.rec, c.n) }

// InPage is the mean share of the gold part's tokens found in the text of
// all the page's blocks: the most any labelling of these blocks could
// cover (text the person copied from images, scripts or another page
// version is not in any block).
func (c CoverSum) InPage() float64 { return meanOf(c.inPage, c.n) }

// Coverage holds the coverage figures of a set's pages: Article compares
// the Content blocks with Gold on every page with gold text; Comments
// compares the comment blocks (LabelledPage.Comment) with CommentGold on
// every page that has comment gold (Dragnet pages with a comments part).
type Coverage struct {
	Article, Comments CoverSum
}

// Add counts one page; a page without gold text adds nothing.
func (c *Coverage) Add(p *LabelledPage) {
	if p.Gold == "" {
		return
	}
	var content, comments, all strings.Builder
	for i, b := range p.Page.Blocks {
		all.WriteString(b.Text)
		all.WriteByte('\n')
		switch {
		case p.Labels[i] == Content:
			content.WriteString(b.Text)
			content.WriteByte('\n')
		case p.Comment != nil && p.Comment[i]:
			comments.WriteString(b.Text)
			comments.WriteByte('\n')
		}
	}
	c.Article.add(content.String(), all.String(), p.Gold)
	if p.CommentGold != "" {
		c.Comments.add(comments.String(), all.String(), p.CommentGold)
	}
}

// MeasureCoverage returns the Coverage of each set among pages, by set name.
func MeasureCoverage(pages []*LabelledPage) map[string]*Coverage {
	out := map[string]*Coverage{}
	for _, p := range pages {
		c := out[p.Set]
		if c == nil {
			c = &Coverage{}
			out[p.Set] = c
		}
		c.Add(p)
	}
	return out
}

// CommentsKept counts, on a page with comment labels, the comment blocks
// and how many of them a prediction keeps as content (content[i] true for
// block i kept); both are 0 when the page has no comment labels
// (CommentLabelled false for its set).
func CommentsKept(p *LabelledPage, content []bool) (kept, comments int) {
	for i, c := range p.Comment {
		if !c {
			continue
		}
		comments++
		if i < len(content) && content[i] {
			kept++
		}
	}
	return kept, comments
}
