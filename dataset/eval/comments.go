package eval

import (
	"fmt"
	"strconv"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
)

// Reader comments: on the pages of sets that label them
// (dataset.CommentLabelled: Dragnet, L3S-GN1), the comment blocks a system
// keeps as content are counted apart. The block scores count them as
// boilerplate with the rest of the page furniture.

// CommentScore counts the reader-comment blocks one system kept as content
// over the pages of a group that have comment labels.
type CommentScore struct {
	// Pages counts the pages with comment labels; PagesWithComments those
	// with at least one comment block.
	Pages             int `json:"pages"`
	PagesWithComments int `json:"pages_with_comments"`
	// Blocks counts the comment blocks, KeptBlocks those kept as content,
	// KeptShare is KeptBlocks/Blocks (0 without comment blocks), and
	// PagesKept counts the pages where at least one was kept.
	Blocks     int     `json:"blocks"`
	KeptBlocks int     `json:"kept_blocks"`
	KeptShare  float64 `json:"kept_share"`
	PagesKept  int     `json:"pages_kept"`
}

// commentCount is one system's comment blocks on one page.
type commentCount struct {
	labelled     bool // the page has comment labels
	blocks, kept int
}

// commentCountOf counts the comment blocks of p that a keeps as content.
func commentCountOf(p *dataset.LabelledPage, a *winnow.Article) commentCount {
	if p.Comment == nil {
		return commentCount{}
	}
	keep := make([]bool, len(a.Blocks))
	for i, b := range a.Blocks {
		keep[i] = b.Content && b.Role != winnow.RoleComment // in the text
	}
	kept, blocks := dataset.CommentsKept(p, keep)
	return commentCount{labelled: true, blocks: blocks, kept: kept}
}

// commentScoreOf pools system k's comment counts over evals; nil when no
// page has comment labels.
func commentScoreOf(evals []pageEval, k int) *CommentScore {
	var cs CommentScore
	for _, pe := range evals {
		c := pe.sys[k].comment
		if !c.labelled {
			continue
		}
		cs.Pages++
		cs.Blocks += c.blocks
		cs.KeptBlocks += c.kept
		if c.blocks > 0 {
			cs.PagesWithComments++
		}
		if c.kept > 0 {
			cs.PagesKept++
		}
	}
	if cs.Pages == 0 {
		return nil
	}
	cs.KeptShare = share(float64(cs.KeptBlocks), float64(cs.Blocks))
	return &cs
}

// commentTable shows, per group with comment labels, how many reader
// comment blocks each system keeps as content.
func commentTable(r *Report) *table {
	t := &table{Title: "Reader comments kept as content (comment blocks of Dragnet and L3S-GN1; counted as boilerplate in the block scores)",
		Head: []string{"group", "system", "pages", "with comments", "comment blocks", "kept", "kept %", "pages with one kept"}}
	for _, g := range r.Groups {
		name := g.Name
		for _, s := range g.Systems {
			c := s.Comments
			if c == nil {
				continue
			}
			t.add(name, s.System, strconv.Itoa(c.Pages), strconv.Itoa(c.PagesWithComments), strconv.Itoa(c.Blocks),
				strconv.Itoa(c.KeptBlocks), fmt.Sprintf("%.1f", 100*c.KeptShare), strconv.Itoa(c.PagesKept))
			name = ""
		}
	}
	return t
}
