package winnow

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/render"
)

func TestRender(t *testing.T) {
	para := func(s string) Block {
		return Block{Text: s, Kind: page.KindParagraph, Row: -1, Content: true, Role: RoleBody}
	}
	head := func(s string, l int) Block {
		return Block{Text: s, Kind: page.KindHeading, Level: l, Row: -1, Content: true, Role: RoleBody}
	}
	item := func(s string) Block {
		return Block{Text: s, Kind: page.KindListItem, Row: -1, Content: true, Role: RoleBody}
	}
	numbered := func(s string, n int) Block {
		return Block{Text: s, Kind: page.KindListItem, Row: -1, Content: true, Role: RoleBody, Item: n}
	}
	cell := func(s string, row int) Block {
		return Block{Text: s, Kind: page.KindTableCell, Row: row, Content: true, Role: RoleBody}
	}
	dropped := Block{Text: "Share this", Kind: page.KindParagraph, Row: -1}
	pre := Block{Text: "a := 1\n  b := 2", Kind: page.KindPre, Row: -1, Content: true, Role: RoleBody}

	tests := []struct {
		name, reason string
		blocks       []Block
		text, md     string
	}{
		{
			name: "paragraphs", reason: "paragraphs are separated by blank lines; dropped blocks vanish",
			blocks: []Block{head("Title", 1), para("One."), dropped, para("Two.")},
			text:   "Title\n\nOne.\n\nTwo.",
			md:     "# Title\n\nOne.\n\nTwo.",
		},
		{
			name: "list", reason: "list items are consecutive lines, the list a paragraph of its own",
			blocks: []Block{para("Intro."), item("a"), item("b"), para("After.")},
			text:   "Intro.\n\na\nb\n\nAfter.",
			md:     "Intro.\n\n- a\n- b\n\nAfter.",
		},
		{
			name: "ordered list", reason: "ordered items keep their numbers in Markdown, a list of bullets after them is another list",
			blocks: []Block{para("Steps:"), numbered("one", 1), numbered("two", 2), numbered("four", 4), item("note")},
			text:   "Steps:\n\none\ntwo\nfour\n\nnote",
			md:     "Steps:\n\n1. one\n2. two\n4. four\n\n- note",
		},
		{
			name: "table", reason: "cells of a row render on one line; Markdown gets a header rule",
			blocks: []Block{cell("h1", 1), cell("h2", 1), cell("a", 2), cell("b", 2)},
			text:   "h1 | h2\na | b",
			md:     "| h1 | h2 |\n| --- | --- |\n| a | b |",
		},
		{
			name: "pre", reason: "code keeps its line breaks and is fenced in Markdown",
			blocks: []Block{para("Code:"), pre},
			text:   "Code:\n\na := 1\n  b := 2",
			md:     "Code:\n\n```\na := 1\n  b := 2\n```",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Blocks: tt.blocks}
			if diff := cmp.Diff(tt.text, a.text()); diff != "" {
				t.Errorf("text (%s) mismatch (-want +got):\n%s", tt.reason, diff)
			}
			if diff := cmp.Diff(tt.md, a.Markdown()); diff != "" {
				t.Errorf("markdown (%s) mismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestRenderHTMLEscapes(t *testing.T) {
	a := &Article{Title: "<b>", Author: "A & B", Date: "2024-04-09", Blocks: []Block{
		{Text: "<script>x</script> & co", Kind: page.KindParagraph, Row: -1, Content: true, Role: RoleBody},
		{Text: "one", Kind: page.KindListItem, Row: -1, Content: true, Role: RoleBody},
		{Text: "two", Kind: page.KindListItem, Row: -1, Content: true, Role: RoleBody, Item: 2},
		{Text: "<caption>", Kind: page.KindCaption, Row: -1, Content: true, Role: RoleCaption},
		{Text: "A photo's caption in a <p>.", Kind: page.KindParagraph, Row: -1, Content: true, Role: RoleCaption},
	}}
	want := "<article>\n<header>\n<h1>&lt;b&gt;</h1>\n<address>A &amp; B</address>\n<time datetime=\"2024-04-09\">2024-04-09</time>\n</header>\n" +
		"<p>&lt;script&gt;x&lt;/script&gt; &amp; co</p>\n<ul>\n<li>one</li>\n</ul>\n<ol start=\"2\">\n<li>two</li>\n</ol>\n" +
		"<figure><figcaption>&lt;caption&gt;</figcaption></figure>\n<figure><figcaption>A photo&#39;s caption in a &lt;p&gt;.</figcaption></figure>\n</article>"
	if diff := cmp.Diff(want, a.HTML()); diff != "" {
		t.Errorf("HTML mismatch (-want +got):\n%s", diff)
	}
}

// TestRenderEscapesEveryField checks that a field set by hand (Date is
// always ISO 8601 when Extract sets it) is escaped in HTML as the others
// are, and that Markdown escapes the title and the text.
func TestRenderEscapesEveryField(t *testing.T) {
	a := &Article{Title: "<img src=x onerror=alert(1)>", Date: `2024"><script>alert(1)</script>`, Blocks: []Block{
		{Text: "Shown literally: &lt;script&gt;", Kind: page.KindParagraph, Row: -1, Content: true, Role: RoleBody},
	}}
	h := a.HTML()
	if want := `<time datetime="2024&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">2024&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</time>`; !strings.Contains(h, want) {
		t.Errorf("HTML lacks %s:\n%s", want, h)
	}
	if want := "# &lt;img src=x onerror=alert(1)>\n\nShown literally: &amp;lt;script&amp;gt;"; a.Markdown() != want {
		t.Errorf("Markdown = %q, want %q", a.Markdown(), want)
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"Russia, China to talk | The Business Standard", "Russia, China to talk", "site after a bar"},
		{"BBC News - Floods hit the north of England", "Floods hit the north of England", "site before a dash"},
		{"Plain title", "Plain title", "no separator"},
		{"  spaced  ", "spaced", "trimmed"},
	}
	for _, tt := range tests {
		if got := stripSiteName(tt.in); got != tt.want {
			t.Errorf("stripSiteName(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

// TestRenderPage checks that render.Page, with which evaluation renders a
// baseline's decisions, gives every test page the text, Markdown and HTML
// its Article renders of the blocks kept as content.
func TestRenderPage(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range goldenPages(t) {
		b, err := os.ReadFile(p.page)
		if err != nil {
			t.Fatal(err)
		}
		page, err := page.ParseBytes(b, page.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p.page, err)
		}
		a, err := x.FromPage(page)
		if errors.Is(err, ErrNoContent) {
			continue // nothing kept: nothing to render
		}
		if err != nil {
			t.Fatalf("%s: %v", p.page, err)
		}
		keep := make([]bool, len(a.Blocks))
		for i, b := range a.Blocks {
			keep[i] = b.Content
		}
		for _, f := range []render.Format{render.Text, render.Markdown, render.HTML} {
			if diff := cmp.Diff(a.renderContent(f), render.Page(page, keep, f)); diff != "" {
				t.Errorf("%s, format %d: render.Page differs from the Article (-article +page):\n%s", p.page, f, diff)
			}
		}
	}
}
