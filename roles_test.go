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
		refineRoles(p, blocks)
		if blocks[2].Role != RoleByline {
			t.Errorf("headline kept %v: the byline's role is %v, want byline", headlineKept, blocks[2].Role)
		}
		if blocks[3].Role != RoleBody {
			t.Errorf("headline kept %v: the story's role is %v, want body", headlineKept, blocks[3].Role)
		}
	}
}
