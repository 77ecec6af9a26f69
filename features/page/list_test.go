package page

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestItemNumbers checks Block.Item: the number a browser shows for an
// ordered list's item, 0 for any other block.
func TestItemNumbers(t *testing.T) {
	tests := []struct {
		name, page, reason string
		want               []int
	}{
		{"ol", `<ol><li>a<li>b<li>c</ol>`, "counting from 1", []int{1, 2, 3}},
		{"ul", `<ul><li>a<li>b</ul><p>p`, "bullets and paragraphs are not numbered", []int{0, 0, 0}},
		{"start", `<ol start="5"><li>a<li>b</ol>`, "the list's start", []int{5, 6}},
		{"value", `<ol><li>a<li value=10>b<li>c</ol>`, "an item's value renumbers the rest", []int{1, 10, 11}},
		{"bad start", `<ol start="x"><li>a</ol>`, "a start that is no number is ignored", []int{1}},
		{"nested", `<ol><li>a<ul><li>x</ul><li>b</ol>`, "an unordered list inside does not count", []int{1, 0, 2}},
		{"inner ol", `<ol><li>a<ol><li>x<li>y</ol></li><li>b</ol>`, "each list counts its own items", []int{1, 1, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseBytes([]byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, b := range p.Blocks {
				got = append(got, b.Item)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}
