package winnow

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
)

// TestFromVectors checks that classifying a page from vectors the caller
// computed gives the Article FromPage gives, with and without explanations,
// at the default threshold and at a low and a high one, with the smoothing
// model and without (without it, FromPage scores the byline and caption
// heads of the kept blocks only).
func TestFromVectors(t *testing.T) {
	files, _ := filepath.Glob("testdata/pages/*/page.html")
	files = append(files, "testdata/seed/news.html")
	for _, c := range []struct {
		explain   bool
		threshold float64 // 0: the default
		noSmooth  bool
	}{{false, 0, false}, {true, 0, false}, {false, 0.1, false}, {false, 0.9, false}, {false, 0.1, true}, {false, 0.9, true}} {
		opts := []Option{WithExplanations(c.explain)}
		if c.noSmooth {
			opts = append(opts, WithSmoother(nil))
		}
		if c.threshold > 0 {
			opts = append(opts, WithThreshold(c.threshold))
		}
		explain := c.explain
		x, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			page, err := page.ParseBytes(b, page.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want, werr := x.FromPage(page)
			got, gerr := x.FromVectors(page, features.Vectors(page))
			if werr != gerr || !reflect.DeepEqual(want, got) {
				t.Errorf("%s (explain %v, threshold %v, no smoothing %v): FromVectors differs from FromPage (errors %v, %v)", f, explain, c.threshold, c.noSmooth, gerr, werr)
			}
		}
	}
}
