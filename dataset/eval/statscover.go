package eval

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/winnow-dev/winnow/dataset"
)

// GoldCoverage describes a set's gold text as its labelled blocks cover
// it, article and reader comments apart, with the tokenisation the gold is
// scored with and the set's comment blocks.
type GoldCoverage struct {
	// Coverage compares the content blocks with the article gold, and the
	// comment blocks with the comments' gold (dataset.Coverage).
	Coverage dataset.Coverage
	// CharacterPages counts the pages with gold text that is aligned and
	// scored by characters (dataset.Characters) rather than by words.
	CharacterPages int
	// CommentPages counts the pages with comment labels
	// (LabelledPage.Comment set: dataset.CommentLabelled sets only),
	// CommentedPages those of them with a comment block, and CommentBlocks
	// their comment blocks.
	CommentPages, CommentedPages, CommentBlocks int
}

// add counts one page.
func (g *GoldCoverage) add(p *dataset.LabelledPage) {
	g.Coverage.Add(p)
	if p.Gold != "" && p.Tokenisation() == dataset.Characters {
		g.CharacterPages++
	}
	if p.Comment == nil {
		return
	}
	g.CommentPages++
	n := 0
	for _, c := range p.Comment {
		if c {
			n++
		}
	}
	g.CommentBlocks += n
	if n > 0 {
		g.CommentedPages++
	}
}

// writeCoverage prints the gold-coverage table of the sets with gold text.
func writeCoverage(w io.Writer, stats []*SetStats) error {
	var rows []*SetStats
	for _, s := range stats {
		if s.Coverage.Article.Pages() > 0 {
			rows = append(rows, s)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	if _, err := io.WriteString(w, "\nGold text covered by the labelled blocks (bag of words, mean over pages), article and reader comments apart\n"); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SET\tGOLD PAGES\tBY CHARACTERS\tARTICLE P/R\tIN PAGE\tCOMMENT GOLD PAGES\tCOMMENTS P/R\tIN PAGE\tCOMMENT BLOCKS")
	for _, s := range rows {
		a, c := s.Coverage.Article, s.Coverage.Comments
		comments, commentsIn := "-", "-"
		if c.Pages() > 0 {
			comments, commentsIn = fmt.Sprintf("%.3f/%.3f", c.Precision(), c.Recall()), f3(c.InPage())
		}
		blocks := "-"
		if s.CommentPages > 0 {
			blocks = fmt.Sprintf("%d on %d/%d pages", s.CommentBlocks, s.CommentedPages, s.CommentPages)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f/%.3f\t%.3f\t%d\t%s\t%s\t%s\n", s.Set, a.Pages(), s.CharacterPages,
			a.Precision(), a.Recall(), a.InPage(), c.Pages(), comments, commentsIn, blocks)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, `
BY CHARACTERS: gold pages aligned and scored by characters (CJK text without spaces), the others by
words. ARTICLE: the content blocks against the gold text (as GOLD above); COMMENTS: the comment
blocks against the reader comments a person copied (Dragnet pages with a comments part). P: share of
the blocks' tokens in the gold part; R: share of the gold part's tokens in the blocks; IN PAGE: share
of the gold part's tokens found in any block of the page (the most a labelling could cover). COMMENT
BLOCKS: blocks labelled reader comments, on pages with one / pages with comment labels; "-" where the
set does not label comments (whether a block is a comment is unknown there).
`)
	return err
}
