package winnow

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the expected outputs (testdata/seed, testdata/pages/*, testdata/pageset) from this build")

// goldenPage is a test page and the folder of its expected outputs.
type goldenPage struct{ name, page, dir string }

// goldenPages are testdata/seed/news.html and every testdata/pages/*/page.html.
func goldenPages(t *testing.T) []goldenPage {
	t.Helper()
	pages := []goldenPage{{name: "seed", page: "testdata/seed/news.html", dir: "testdata/seed"}}
	found, err := filepath.Glob("testdata/pages/*/page.html")
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 {
		t.Fatal("no testdata/pages/*/page.html")
	}
	for _, p := range found {
		dir := filepath.Dir(p)
		pages = append(pages, goldenPage{name: filepath.Base(dir), page: p, dir: dir})
	}
	return pages
}

// TestGoldenPages extracts every test page with the defaults and compares
// the text (expected.txt: what `winnow extract` prints) and the verdict on
// every block (expected.json) with the files in the page's folder. After
// an intended change, rewrite them with `go test -run GoldenPages . -update`
// and review the diff.
func TestGoldenPages(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range goldenPages(t) {
		t.Run(p.name, func(t *testing.T) {
			b, err := os.ReadFile(p.page)
			if err != nil {
				t.Fatal(err)
			}
			a, err := x.ExtractBytes(b)
			if err != nil && !errors.Is(err, ErrNoContent) {
				t.Fatalf("%s: %v", p.page, err)
			}
			checkGolden(t, filepath.Join(p.dir, "expected.txt"), []byte(a.Text+"\n"))
			checkGolden(t, filepath.Join(p.dir, "expected.json"), verdictsJSON(t, a))
		})
	}
}

// checkGolden compares got with the file at path, or writes it there under
// -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (write it with -update)", err)
	}
	// Line by line, so that the diff quotes whole lines.
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n")); diff != "" {
		t.Errorf("%s differs (-want +got); if the change is intended, rerun with -update:\n%s", path, diff)
	}
}

// goldenBlock is one line of expected.json: the verdict on a block, its
// probability exactly, and the start of its text to recognise it by.
type goldenBlock struct {
	Content     bool    `json:"content"`
	Role        string  `json:"role"`
	Rule        string  `json:"rule"`
	Probability float64 `json:"p"`
	Kind        string  `json:"kind"`
	Text        string  `json:"text"`
}

// goldenTextRunes is how much of a block's text expected.json quotes.
const goldenTextRunes = 60

// verdictsJSON writes the metadata, encoding, captions and block verdicts
// of a as JSON with one block per line, so that a diff shows the blocks
// that changed.
func verdictsJSON(t *testing.T, a *Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	put := func(v any) {
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
	}
	buf.WriteString("{")
	for i, f := range []struct {
		name string
		v    any
	}{
		{"title", a.Title}, {"author", a.Author}, {"date", a.Date}, {"date_text", a.DateText},
		{"language", a.Language}, {"url", a.URL}, {"site_name", a.SiteName}, {"encoding", a.Encoding},
		{"captions", a.Captions},
	} {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n  \"" + f.name + "\": ")
		put(f.v)
	}
	buf.WriteString(",\n  \"blocks\": [")
	for i, b := range a.Blocks {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		put(goldenBlock{Content: b.Content, Role: b.Role.String(), Rule: b.Rule.String(), Probability: b.Probability, Kind: b.Kind.String(), Text: prefix(b.Text, goldenTextRunes)})
	}
	buf.WriteString("\n  ]\n}\n")
	return buf.Bytes()
}

// prefix returns the first n runes of s, with "…" when it cut.
func prefix(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}
