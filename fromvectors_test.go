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
// computed gives the Article FromPage gives, with and without explanations.
func TestFromVectors(t *testing.T) {
	files, _ := filepath.Glob("testdata/pages/*/page.html")
	files = append(files, "testdata/seed/news.html")
	for _, explain := range []bool{false, true} {
		x, err := New(WithExplanations(explain))
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
				t.Errorf("%s (explain %v): FromVectors differs from FromPage (errors %v, %v)", f, explain, gerr, werr)
			}
		}
	}
}
