package features

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/shareddata"
)

// pagesDir holds one folder per test page, each with a page.html.
const pagesDir = "../testdata/pages"

// testPage is one test page: the path of its page.html and its bytes.
type testPage struct {
	path string
	raw  []byte
}

// readTestPages reads every test page under pagesDir, in path order. It
// fails tb if there are fewer than 10 or one cannot be read.
func readTestPages(tb testing.TB) []testPage {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(pagesDir, "*", "page.html"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) < 10 {
		tb.Fatalf("%d test pages in %s, want at least 10", len(files), pagesDir)
	}
	pages := make([]testPage, len(files))
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		pages[i] = testPage{f, raw}
	}
	return pages
}

// parseString parses s with the default options.
func parseString(t *testing.T, s string) *page.Page {
	t.Helper()
	p, err := page.ParseBytes([]byte(s), page.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// addPageSeeds seeds a fuzz target with the golden pages and the seed page.
func addPageSeeds(f *testing.F) {
	f.Helper()
	pages, _ := filepath.Glob(filepath.Join(pagesDir, "*", "page.html"))
	pages = append(pages, "../testdata/seed/news.html")
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// dataDir returns the folder of the shared labelled sets joined with sub
// (internal/shareddata: it skips when WINNOW_DATA is unset and fails when
// the folder is missing).
func dataDir(tb testing.TB, sub string) string {
	tb.Helper()
	return shareddata.Dir(tb, sub)
}
