package eval

import (
	"slices"
	"strings"
	"testing"
)

// TestCommentLeakPages checks that the role report names the pages whose
// comments reached the text, most comment blocks first and then by ID,
// counts them among the pages with comments, and that the leak table
// names at most leakingShown of a group's pages and the number left.
func TestCommentLeakPages(t *testing.T) {
	page := func(id string, blocks, inText int) pageRoles {
		return pageRoles{id: id, known: make([]bool, len(scoredRoles)), conf: make([]Confusion, len(scoredRoles)),
			hasComments: true, commentBlocks: blocks, commentsInText: inText}
	}
	prs := []pageRoles{page("b", 9, 2), page("a", 4, 2), page("c", 0, 0), page("d", 5, 0), page("e", 7, 6)}
	rr, ok := roleReport("default", "dragnet", prs)
	if !ok || rr.Comments == nil {
		t.Fatalf("no comment report: %+v", rr)
	}
	c := rr.Comments
	if c.Pages != 5 || c.PagesWithComments != 4 || c.PagesLeaking != 3 || c.BlocksInText != 10 {
		t.Errorf("pages %d, with comments %d, leaking %d, blocks in text %d; want 5, 4, 3, 10",
			c.Pages, c.PagesWithComments, c.PagesLeaking, c.BlocksInText)
	}
	var ids []string
	for _, l := range c.Leaking {
		ids = append(ids, l.ID)
	}
	if want := []string{"e", "a", "b"}; !slices.Equal(ids, want) {
		t.Errorf("leaking pages %v, want %v", ids, want)
	}

	var many []pageRoles
	for i := range leakingShown + 2 {
		many = append(many, page(string(rune('a'+i)), 3, 1))
	}
	rr2, _ := roleReport("default", "l3s-gn1", many)
	pooled, _ := roleReport("default", "all", append(prs, many...))
	tab := leakTable(&Report{Roles: []RoleReport{rr, rr2, pooled}})
	if len(tab.Rows) != 2 {
		t.Fatalf("%d rows, want one per group without the pooled one: %v", len(tab.Rows), tab.Rows)
	}
	if got := tab.Rows[0][2]; got != "e (6), a (2), b (2)" {
		t.Errorf("dragnet's row %q", got)
	}
	if got := tab.Rows[1][2]; strings.Count(got, "(1)") != leakingShown || !strings.HasSuffix(got, ", +2 more") {
		t.Errorf("l3s-gn1's row %q: want %d pages named and +2 more", got, leakingShown)
	}
}
