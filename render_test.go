package winnow

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/features/page"
)

func TestRender(t *testing.T) {
	para := func(s string) Block { return Block{Text: s, Kind: page.KindParagraph, Row: -1, Content: true} }
	head := func(s string, l int) Block {
		return Block{Text: s, Kind: page.KindHeading, Level: l, Row: -1, Content: true}
	}
	item := func(s string) Block { return Block{Text: s, Kind: page.KindListItem, Row: -1, Content: true} }
	cell := func(s string, row int) Block {
		return Block{Text: s, Kind: page.KindTableCell, Row: row, Content: true}
	}
	dropped := Block{Text: "Share this", Kind: page.KindParagraph, Row: -1}
	pre := Block{Text: "a := 1\n  b := 2", Kind: page.KindPre, Row: -1, Content: true}

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
			if diff := cmp.Diff(tt.text, a.render(formatText)); diff != "" {
				t.Errorf("text (%s) mismatch (-want +got):\n%s", tt.reason, diff)
			}
			if diff := cmp.Diff(tt.md, a.Markdown()); diff != "" {
				t.Errorf("markdown (%s) mismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestRenderHTMLEscapes(t *testing.T) {
	a := &Article{Blocks: []Block{
		{Text: "<script>x</script> & co", Kind: page.KindParagraph, Row: -1, Content: true},
		{Text: "one", Kind: page.KindListItem, Row: -1, Content: true},
	}}
	want := "<p>&lt;script&gt;x&lt;/script&gt; &amp; co</p>\n<ul>\n<li>one</li>\n</ul>"
	if diff := cmp.Diff(want, a.HTML()); diff != "" {
		t.Errorf("HTML mismatch (-want +got):\n%s", diff)
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

func TestSmooth(t *testing.T) {
	blk := func(words, links int) page.Block { return page.Block{Words: words, LinkWords: links} }
	tests := []struct {
		name, reason string
		blocks       []page.Block
		probs        []float64
		keep, want   []bool
	}{
		{
			name: "fill uncertain gap", reason: "a short paragraph between two kept ones, scored 0.3, is restored",
			blocks: []page.Block{blk(50, 0), blk(5, 0), blk(50, 0)},
			probs:  []float64{0.9, 0.3, 0.9},
			keep:   []bool{true, false, true},
			want:   []bool{true, true, true},
		},
		{
			name: "confident gap stays", reason: "a promo between paragraphs that the model is sure of stays out",
			blocks: []page.Block{blk(50, 0), blk(12, 0), blk(50, 0)},
			probs:  []float64{0.9, 0.05, 0.9},
			keep:   []bool{true, false, true},
			want:   []bool{true, false, true},
		},
		{
			name: "linked gap stays", reason: "a link between paragraphs is not restored",
			blocks: []page.Block{blk(50, 0), blk(4, 4), blk(50, 0)},
			probs:  []float64{0.9, 0.4, 0.9},
			keep:   []bool{true, false, true},
			want:   []bool{true, false, true},
		},
		{
			name: "promo between paragraphs", reason: "an uncertain, linked block between two kept paragraphs of prose is dropped",
			blocks: []page.Block{blk(50, 0), blk(14, 5), blk(40, 1)},
			probs:  []float64{0.99, 0.65, 0.99},
			keep:   []bool{true, true, true},
			want:   []bool{true, false, true},
		},
		{
			name: "linked heading stays", reason: "a section heading that is a link, between two paragraphs, is left to the model",
			blocks: []page.Block{blk(50, 0), {Words: 2, LinkWords: 2, Kind: page.KindHeading, Level: 2}, blk(40, 0)},
			probs:  []float64{0.99, 0.7, 0.99},
			keep:   []bool{true, true, true},
			want:   []bool{true, true, true},
		},
		{
			name: "sure linked block stays", reason: "a paragraph with many links that the model is sure of is kept",
			blocks: []page.Block{blk(50, 0), blk(30, 12), blk(40, 0)},
			probs:  []float64{0.99, 0.9, 0.99},
			keep:   []bool{true, true, true},
			want:   []bool{true, true, true},
		},
		{
			name: "linked block in a list stays", reason: "without prose on both sides the veto does not apply",
			blocks: []page.Block{blk(5, 0), blk(6, 3), blk(40, 0)},
			probs:  []float64{0.9, 0.6, 0.99},
			keep:   []bool{true, true, true},
			want:   []bool{true, true, true},
		},
		{
			name: "far runs stay", reason: "kept blocks far from the main run are left to the model",
			blocks: []page.Block{blk(8, 0), blk(1, 1), blk(1, 1), blk(1, 1), blk(1, 1), blk(1, 1), blk(200, 0)},
			probs:  []float64{0.6, 0, 0, 0, 0, 0, 0.95},
			keep:   []bool{true, false, false, false, false, false, true},
			want:   []bool{true, false, false, false, false, false, true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Smooth(tt.blocks, tt.probs, append([]bool(nil), tt.keep...))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}
