package winnow

import (
	"testing"

	"github.com/winnow-dev/winnow/features/page"
)

// TestBylinesIgnoreVerdicts checks that the byline the markup marks is
// found whether or not the headline's block is kept: which blocks become
// bylines must not depend on the threshold, or raising it would move a
// byline back into the text (more words at a higher threshold).
func TestBylinesIgnoreVerdicts(t *testing.T) {
	p := &page.Page{Title: "River rises in the valley", Meta: page.Meta{AuthorHints: []string{"Jane Doe"}}}
	for _, headlineKept := range []bool{true, false} {
		blocks := []Block{
			{Text: "Home News Sport", Kind: page.KindText},
			{Text: "River rises in the valley", Kind: page.KindHeading, Level: 1, Content: headlineKept},
			{Text: "By Jane Doe, 4 April", Kind: page.KindParagraph, Content: true},
			{Text: "Residents of the valley woke to water in their streets after three days of rain.", Kind: page.KindParagraph, Content: true},
		}
		for i := range blocks {
			blocks[i].Role = RoleBoilerplate
			if blocks[i].Content {
				blocks[i].Role = RoleBody
			}
		}
		refineRoles(p, blocks, false)
		if blocks[2].Role != RoleByline {
			t.Errorf("headline kept %v: the byline's role is %v, want byline", headlineKept, blocks[2].Role)
		}
		if blocks[3].Role != RoleBody {
			t.Errorf("headline kept %v: the story's role is %v, want body", headlineKept, blocks[3].Role)
		}
	}
}

// TestPartsOfOtherPages checks that on a page that is not an article a
// kept block read as a byline or a caption is body (a forum post's
// header is part of the post), that a byline that is not kept stays a
// byline, and that an article keeps its parts.
func TestPartsOfOtherPages(t *testing.T) {
	p := &page.Page{Title: "Why did the ISO grow?", Meta: page.Meta{AuthorHints: []string{"jdoe"}}}
	newBlocks := func() []Block {
		return []Block{
			{Text: "Why did the ISO grow?", Kind: page.KindHeading, Level: 1, Content: true, Role: RoleTitle},
			{Text: "jdoe, 1 May 2025", Kind: page.KindParagraph, Content: true, Role: RoleBody},
			{Text: "The boot loader changed, so the kernel is there twice.", Kind: page.KindParagraph, Content: true, Role: RoleCaption},
			{Text: "asked by jdoe", Kind: page.KindText, Role: RoleByline},
		}
	}
	for _, tc := range []struct {
		notArticle bool
		want       []Role
	}{
		{false, []Role{RoleTitle, RoleByline, RoleCaption, RoleByline}},
		{true, []Role{RoleTitle, RoleBody, RoleBody, RoleByline}},
	} {
		blocks := newBlocks()
		refineRoles(p, blocks, tc.notArticle)
		for i, b := range blocks {
			if b.Role != tc.want[i] {
				t.Errorf("not an article %v: block %d (%q) is %v, want %v", tc.notArticle, i, b.Text, b.Role, tc.want[i])
			}
		}
	}
}
