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
	// The caption head claims a caption of at most captionMaxWords words;
	// a longer block it claims is body.
	c := &page.Page{Blocks: []page.Block{{Words: 12}, {Words: captionMaxWords}, {Words: captionMaxWords + 1}}}
	ckeep := []bool{true, true, true}
	cheads := [][]float64{make([]float64, 3), make([]float64, 3), make([]float64, 3), {0.9, 0.9, 0.9}}
	got = x.roles(c, ckeep, ckeep, cheads, false)
	want = []Role{RoleCaption, RoleCaption, RoleBody}
	if !slices.Equal(got, want) {
		t.Fatalf("captions: roles %v, want %v", got, want)
	}
	// Comments follow the article: a block the comment head claims with
	// commentBodyAfter words of body after it is body when kept, and
	// boilerplate otherwise; the comments after the body stay comments.
	// (The body between them is more than commentRunMax blocks: no gap
	// among comments, see TestCommentRuns.)
	q := &page.Page{Blocks: []page.Block{{Words: 30}, {Words: 20}, {Words: 10},
		{Words: 20}, {Words: 10}, {Words: 10}, {Words: commentBodyAfter - 40}, {Words: 40}, {Words: 5}}}
	qkeep := []bool{true, true, false, true, true, true, true, true, true}
	qheads := [][]float64{
		{0, 0.9, 0.9, 0, 0, 0, 0, 0.9, 0.9}, // comment
		make([]float64, 9), make([]float64, 9), make([]float64, 9),
	}
	got = x.roles(q, qkeep, qkeep, qheads, false)
	want = []Role{RoleBody, RoleBody, RoleBoilerplate, RoleBody, RoleBody, RoleBody, RoleBody, RoleComment, RoleComment}
	if !slices.Equal(got, want) {
		t.Fatalf("comments before the body: roles %v, want %v", got, want)
	}
	// In a comment section, body after the last comment counts only if it
	// has as many words as the section's comments: a short kept sidebar
	// under a long comment section does not turn the section into body,
	// one comment after another. The same sidebar after short claims, or
	// on a page without a comment section's heading, does.
	// (The sidebar is more than commentRunMax blocks: not the comment
	// section's end, see fillTail.)
	r := &page.Page{Blocks: []page.Block{{Text: "The story.", Words: 200}, {Text: "Comments", Words: 1},
		{Words: 40}, {Words: 40}, {Words: 40}, {Words: 15}, {Words: 15}, {Words: 15}, {Words: 15}}}
	rkeep := []bool{true, false, false, false, false, true, true, true, true}
	z9 := func() []float64 { return make([]float64, 9) }
	rheads := [][]float64{{0, 0, 0.9, 0.9, 0.9, 0, 0, 0, 0}, z9(), z9(), z9()}
	got = x.roles(r, rkeep, rkeep, rheads, false)
	want = []Role{RoleBody, RoleBoilerplate, RoleComment, RoleComment, RoleComment, RoleBody, RoleBody, RoleBody, RoleBody}
	if !slices.Equal(got, want) {
		t.Fatalf("a sidebar under the comments: roles %v, want %v", got, want)
	}
	r.Blocks[1].Text = "Notes"
	got = x.roles(r, rkeep, rkeep, rheads, false)
	want = []Role{RoleBody, RoleBoilerplate, RoleBoilerplate, RoleBoilerplate, RoleBoilerplate, RoleBody, RoleBody, RoleBody, RoleBody}
	if !slices.Equal(got, want) {
		t.Fatalf("no comment section: roles %v, want %v", got, want)
	}
	r.Blocks[1].Text = "Comments"
	r.Blocks[2].Words, r.Blocks[3].Words, r.Blocks[4].Words = 10, 10, 10
	got = x.roles(r, rkeep, rkeep, rheads, false)
	want = []Role{RoleBody, RoleBoilerplate, RoleBoilerplate, RoleBoilerplate, RoleBoilerplate, RoleBody, RoleBody, RoleBody, RoleBody}
	if !slices.Equal(got, want) {
		t.Fatalf("body after short claims: roles %v, want %v", got, want)
	}
	// Up to commentRunMax blocks after the section's last comment are
	// its end, whatever their words: comments.
	rkeep[5], rkeep[6] = false, false
	got = x.roles(r, rkeep, rkeep, rheads, false)
	want = []Role{RoleBody, RoleBoilerplate, RoleComment, RoleComment, RoleComment, RoleBoilerplate, RoleBoilerplate, RoleComment, RoleComment}
	if !slices.Equal(got, want) {
		t.Fatalf("the section's end: roles %v, want %v", got, want)
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

// TestCommentRuns checks that the comment head's gaps among comments are
// filled, and that neither a long run of body, nor the body before a
// comment section's heading, nor the runs of a page without one is.
func TestCommentRuns(t *testing.T) {
	block := func(text string, words int) page.Block { return page.Block{Text: text, Words: words} }
	cases := []struct {
		name   string
		blocks []page.Block
		keep   []bool
		pc     []float64 // the comment head's probabilities
		want   []Role
	}{{
		name: "gaps under the section's heading",
		blocks: []page.Block{
			block("The story's paragraph.", 60),                      // 0
			block("Comments", 1),                                     // 1: opens the section
			block("The first comment.", 8),                           // 2
			block("Posted by: Ann | May 1", 5),                       // 3: claimed
			block("The second comment.", 6),                          // 4
			block("Share this", 2),                                   // 5: boilerplate
			block("Its second paragraph.", 4),                        // 6
			block("Posted by: Bob | May 2", 5),                       // 7: claimed
			block("About the author of this blog, in a sidebar.", 9), // 8: boilerplate
		},
		keep: []bool{true, true, true, true, true, false, true, true, false},
		pc:   []float64{0, 0.1, 0.4, 0.9, 0.3, 0, 0.2, 0.9, 0},
		want: []Role{RoleBody, RoleComment, RoleComment, RoleComment, RoleComment, RoleBoilerplate,
			RoleComment, RoleComment, RoleBoilerplate},
	}, {
		// Four body blocks between two comments are not a gap, the body
		// before a comment section's heading is not in it, and the block
		// after its last comment, to the page's end, is a comment.
		name: "long run, body before the heading",
		blocks: []page.Block{
			block("A quote the comment head takes for a comment.", 9), // 0: claimed
			block("One.", 1), block("Two.", 1), block("Three.", 1), block("Four.", 1),
			block("Posted by: Ann | May 1", 5), // 5: claimed
			block("More of the story.", 4),     // 6
			block("12 Comments", 2),            // 7: opens the section, not kept
			block("Posted by: Bob | May 2", 5), // 8: claimed
			block("The comments to this entry are closed.", 7),
		},
		keep: []bool{true, true, true, true, true, true, true, false, true, true},
		pc:   []float64{0.9, 0, 0, 0, 0, 0.9, 0, 0, 0.9, 0},
		want: []Role{RoleComment, RoleBody, RoleBody, RoleBody, RoleBody, RoleComment, RoleBody, RoleBoilerplate,
			RoleComment, RoleComment},
	}, {
		// More than commentRunMax body blocks after the last comment are
		// not the section's end.
		name: "long tail",
		blocks: []page.Block{
			block("The story's paragraph.", 60),
			block("Comments", 1),               // 1: opens the section
			block("Posted by: Ann | May 1", 5), // 2: claimed
			block("One.", 1), block("Two.", 1), block("Three.", 1), block("Four.", 1),
		},
		keep: []bool{true, true, true, true, true, true, true},
		pc:   []float64{0, 0, 0.9, 0, 0, 0, 0},
		want: []Role{RoleBody, RoleBody, RoleComment, RoleBody, RoleBody, RoleBody, RoleBody},
	}, {
		// Without a heading that opens a comment section no run is
		// filled: the comment head's claims among an article's paragraphs
		// (a list of tips that ends the article) do not take the
		// paragraphs between them.
		name: "no comment section",
		blocks: []page.Block{
			block("The article's first paragraph, long enough.", 60),
			block("Tip one: a claimed paragraph.", 30), block("A subheading", 2), block("Tip two: another.", 30),
		},
		keep: []bool{true, true, true, true},
		pc:   []float64{0, 0.9, 0, 0.9},
		want: []Role{RoleBody, RoleComment, RoleBody, RoleComment},
	}, {
		// A heading that opens a comment section right after a comment
		// starts a run of its own.
		name: "heading after a comment",
		blocks: []page.Block{
			block("Posted by: Ann | May 1", 5), block("Comments", 1), block("A comment.", 2), block("Posted by: Bob | May 2", 5),
		},
		keep: []bool{true, true, true, true},
		pc:   []float64{0.9, 0, 0, 0.9},
		want: []Role{RoleComment, RoleComment, RoleComment, RoleComment},
	}}
	x := &Extractor{}
	for _, c := range cases {
		z := make([]float64, len(c.pc))
		got := x.roles(&page.Page{Blocks: c.blocks}, c.keep, c.keep, [][]float64{c.pc, z, z, z}, false)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: roles\n%v, want\n%v", c.name, got, c.want)
		}
	}
}

// TestFillTail checks which runs after a comment section's last comment
// become comments: at most commentRunMax body blocks, boilerplate among
// them or not, and none after a title, byline or caption.
func TestFillTail(t *testing.T) {
	const (
		b = RoleBody
		c = RoleComment
		x = RoleBoilerplate
	)
	cases := []struct {
		name    string
		section int
		in      []Role
		want    []Role
	}{
		{"notice", 0, []Role{b, c, b}, []Role{b, c, c}},
		{"three and boilerplate", 0, []Role{c, b, x, b, b}, []Role{c, c, x, c, c}},
		{"four", 0, []Role{c, b, b, b, b}, []Role{c, b, b, b, b}},
		{"caption", 0, []Role{c, RoleCaption, b}, []Role{c, RoleCaption, b}},
		{"byline", 0, []Role{c, b, RoleByline}, []Role{c, b, RoleByline}},
		{"comment before the section", 2, []Role{c, b, b, b}, []Role{c, b, b, b}},
		{"no comment", 0, []Role{b, b}, []Role{b, b}},
	}
	for _, tc := range cases {
		got := slices.Clone(tc.in)
		fillTail(got, tc.section)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
