package page

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite ../../testdata/pages/*/blocks.golden from the current segmentation")

// pagesDir holds one folder per test page: page.html and blocks.golden.
const pagesDir = "../../testdata/pages"

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

// goldenBlocks renders a page's blocks one per line, tab-separated: index,
// tag, kind, the last three elements of the tag path, words, link words and
// the first 60 characters of the text. The first line names the title and
// the encoding the page was read as.
func goldenBlocks(p *Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# encoding=%s title=%q\n", p.Encoding, preview(p.Title, 80))
	for _, bl := range p.Blocks {
		path := p.Path(bl.Element)
		if len(path) > 3 {
			path = path[len(path)-3:]
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%d\t%d\t%s\n", bl.Index, bl.Tag, bl.Kind, strings.Join(path, ">"),
			bl.Words, bl.LinkWords, preview(bl.Text, 60))
	}
	return b.String()
}

// preview is the first n runes of s on one line, with an ellipsis if cut.
func preview(s string, n int) string {
	s = strings.NewReplacer("\n", "⏎", "\t", " ").Replace(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func TestGolden(t *testing.T) {
	for _, page := range readTestPages(t) {
		dir := filepath.Dir(page.path)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p, err := ParseBytes(page.raw, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := goldenBlocks(p)
			golden := filepath.Join(dir, "blocks.golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./features/page -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("blocks differ from %s (-want +got); if the change is intended, run go test ./features/page -update:\n%s", golden, diff)
			}
		})
	}
}

// TestGoldenEncodings checks that the pages stored in legacy encodings, with
// and without a declaration, are read in the right one: the undeclared ones
// give the same blocks as the declared ones.
func TestGoldenEncodings(t *testing.T) {
	for _, enc := range []struct{ name, want string }{
		{"windows-1251", "windows-1251"}, {"gbk", "gbk"}, {"shift_jis", "shift_jis"},
	} {
		t.Run(enc.name, func(t *testing.T) {
			read := func(variant string) *Page {
				b, err := os.ReadFile(filepath.Join(pagesDir, enc.name+"-"+variant, "page.html"))
				if err != nil {
					t.Fatal(err)
				}
				p, err := ParseBytes(b, Options{})
				if err != nil {
					t.Fatal(err)
				}
				return p
			}
			decl, undecl := read("declared"), read("undeclared")
			if decl.Encoding != enc.want {
				t.Errorf("declared page read as %s, want %s", decl.Encoding, enc.want)
			}
			if diff := cmp.Diff(texts(decl), texts(undecl)); diff != "" {
				t.Errorf("undeclared page (read as %s) differs from the declared one (-declared +undeclared):\n%s", undecl.Encoding, diff)
			}
		})
	}
}
