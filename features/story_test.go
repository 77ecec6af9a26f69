package features

import (
	"slices"
	"strings"
	"testing"
)

// TestStoryNodeLeavesOutColumns checks that the story node is the post, not
// the longer sidebar, footer or reader comments beside it, and that a page
// builder's "widget" classes do not keep a post's words out of it.
func TestStoryNodeLeavesOutColumns(t *testing.T) {
	post := `<div class="post"><h2>A short post</h2><p>One line about the picture below, and a little more.</p></div>`
	long := strings.Repeat(`<p>About me: I write about design, type and the city I live in, and I post most days.</p>`, 6)
	tests := []struct{ name, html string }{
		{"sidebar class", `<div id="page">` + post + `<div class="sidebar">` + long + `</div></div>`},
		{"aside element", `<div id="page">` + post + `<aside><div>` + long + `</div></aside></div>`},
		{"footer class", `<div id="page">` + post + `<div class="site-footer"><div>` + long + `</div></div></div>`},
		{"footer element", `<div id="page">` + post + `<footer><div>` + long + `</div></footer></div>`},
		{"comments", `<div id="page">` + post + `<div class="comments"><div>` + long + `</div></div></div>`},
	}
	in := slices.Index(Names(), "InStoryNode")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parseString(t, "<html><body>"+tt.html+"</body></html>")
			vecs := Vectors(p)
			for i, b := range p.Blocks {
				want := 0.0
				if strings.HasPrefix(b.Text, "One line") || b.Text == "A short post" {
					want = 1
				}
				if vecs[i][in] != want {
					t.Errorf("block %q: InStoryNode %v, want %v", b.Text, vecs[i][in], want)
				}
			}
		})
	}
	t.Run("page builder widgets", func(t *testing.T) {
		w := `<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">`
		p := parseString(t, "<html><body>"+w+strings.Repeat(`<p>The story's paragraph, long enough to be the story of this page.</p>`, 4)+
			`</div></div><div class="menu"><p>Home</p></div></body></html>`)
		vecs := Vectors(p)
		if vecs[0][in] != 1 {
			t.Errorf("the story under widget classes: InStoryNode %v, want 1", vecs[0][in])
		}
	})
}
