package winnow

import (
	"slices"
	"testing"

	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features/page"
)

func TestRoleNames(t *testing.T) {
	want := []string{"boilerplate", "body", "title", "byline", "caption", "comment"}
	for i, w := range want {
		if got := Role(i).String(); got != w {
			t.Errorf("Role(%d) = %q, want %q", i, got, w)
		}
	}
	// The heads winnow train writes are named by dataset.RoleHeads; the
	// pipeline reads them by RoleHeads: the two must agree in name and order.
	var ds []string
	for _, h := range dataset.RoleHeads() {
		ds = append(ds, h.String())
	}
	if !slices.Equal(ds, RoleHeads()) {
		t.Fatalf("dataset.RoleHeads %v, RoleHeads %v", ds, RoleHeads())
	}
}

func TestRolesAssignment(t *testing.T) {
	x := &Extractor{}
	p := &page.Page{Blocks: make([]page.Block, 6)}
	keep := []bool{true, true, true, true, false, false}
	heads := [][]float64{
		{0, 0, 0, 0.9, 0.8, 0},   // comment
		{0.7, 0.9, 0, 0, 0, 0.2}, // title
		{0, 0, 0.6, 0, 0, 0},     // byline
		{0, 0, 0, 0, 0, 0},       // caption
	}
	got := x.roles(p, keep, keep, heads, false)
	want := []Role{RoleBody, RoleTitle, RoleByline, RoleComment, RoleComment, RoleBoilerplate}
	if !slices.Equal(got, want) {
		t.Fatalf("roles %v, want %v", got, want)
	}
	// On a forum page the posts are the content: the kept block the
	// comment head marks is body, the other is boilerplate.
	got = x.roles(p, keep, keep, heads, true)
	want = []Role{RoleBody, RoleTitle, RoleByline, RoleBody, RoleBoilerplate, RoleBoilerplate}
	if !slices.Equal(got, want) {
		t.Fatalf("forum: roles %v, want %v", got, want)
	}
	// Comments follow the article: a block the comment head claims with
	// commentBodyAfter words of body after it is body when kept, and
	// boilerplate otherwise; the comments after the body stay comments.
	q := &page.Page{Blocks: []page.Block{{Words: 30}, {Words: 20}, {Words: 10}, {Words: commentBodyAfter}, {Words: 40}, {Words: 5}}}
	qkeep := []bool{true, true, false, true, true, true}
	qheads := [][]float64{
		{0, 0.9, 0.9, 0, 0.9, 0.9}, // comment
		make([]float64, 6), make([]float64, 6), make([]float64, 6),
	}
	got = x.roles(q, qkeep, qkeep, qheads, false)
	want = []Role{RoleBody, RoleBody, RoleBoilerplate, RoleBody, RoleComment, RoleComment}
	if !slices.Equal(got, want) {
		t.Fatalf("comments before the body: roles %v, want %v", got, want)
	}
	for _, c := range []struct {
		pageType        string
		comments, parts bool
	}{
		{"article", true, true}, {"", true, true}, {"product", true, false},
		{pageTypeForum, false, false}, {pageTypeDocumentation, false, false},
	} {
		if got := readerComments(c.pageType); got != c.comments {
			t.Errorf("readerComments(%q) = %v, want %v", c.pageType, got, c.comments)
		}
		if got := articleParts(c.pageType); got != c.parts {
			t.Errorf("articleParts(%q) = %v, want %v", c.pageType, got, c.parts)
		}
	}
	// A block the block model gives less than partFloor is not read as a
	// byline.
	got = x.roles(p, keep, []bool{true, true, false, true, false, false}, heads, false)
	want = []Role{RoleBody, RoleTitle, RoleBody, RoleComment, RoleComment, RoleBoilerplate}
	if !slices.Equal(got, want) {
		t.Fatalf("byline kept by smoothing alone: roles %v, want %v", got, want)
	}
	got = x.roles(p, keep, keep, nil, false)
	want = []Role{RoleBody, RoleBody, RoleBody, RoleBody, RoleBoilerplate, RoleBoilerplate}
	if !slices.Equal(got, want) {
		t.Fatalf("without heads: roles %v, want %v", got, want)
	}
}

func TestCommentNeverInText(t *testing.T) {
	x := &Extractor{}
	p := &page.Page{Blocks: []page.Block{{Text: "The story.", Kind: page.KindParagraph}, {Text: "Great post!", Kind: page.KindParagraph}}}
	keep := []bool{true, true}
	roles := x.roles(p, keep, keep, [][]float64{{0, 0.9}, {0, 0}, {0, 0}, {0, 0}}, false)
	a := assemble(p, "", []float64{1, 1}, keep, roles, nil, nil, &config{})
	// The comment stays content (the content model kept it) but is no
	// part of the text; it is the Article's Comments.
	if a.Text != "The story." || a.Blocks[1].Role != RoleComment || a.Comments != "Great post!" {
		t.Fatalf("text %q, comment block role %v, comments %q", a.Text, a.Blocks[1].Role, a.Comments)
	}
}
