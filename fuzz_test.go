package winnow

import (
	"bytes"
	"errors"
	"github.com/winnow-dev/winnow/internal/text"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"github.com/winnow-dev/winnow/features/page"
)

// FuzzExtract runs the whole pipeline on arbitrary bytes, seeded with the
// golden pages, the seed fixture and pages that hit the limits. It must
// never panic or hang; every error must be one of the documented ones;
// block text must come from the page, in page order; and the same input
// must give the same output, through a reader or a byte slice.
func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob("testdata/pages/*/page.html")
	pages = append(pages, "testdata/seed/news.html")
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(strings.Repeat("<div>", 600) + "deep" + strings.Repeat("</div>", 600)))
	f.Add([]byte(strings.Repeat("<b><i>", 300) + "deep inline"))
	f.Add([]byte("<table><tr><td>cell<p>foster</table>text after<script>var x</script><pre>\n pre\n</pre>"))
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0\x82\xa2 &amp; &#0; &#xD800;</p>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00x\x00"))
	f.Add([]byte(`<meta property="og:title" content="T | S"><meta property="og:site_name" content="S"><script type="application/ld+json">` +
		`{"@graph":[{"@type":"NewsArticle","author":[{"name":"A"},"B"],"datePublished":"9.4.2024"}]}</script>` +
		`<h1>T</h1><p>By <a rel=author>A</a> <time datetime="2024-04-09T01:02:03+05:30">today</time></p><ol start=3><li>x<li value=9>y</ol>`))
	x, err := New(WithMaxBlocks(5000), WithThreshold(0.3))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := x.ExtractBytes(in)
		if err != nil && !errors.Is(err, ErrNoContent) {
			if a != nil {
				t.Fatalf("an article with error %v", err)
			}
			if !page.IsInputError(err) {
				t.Fatalf("undocumented error %v", err)
			}
		}
		a2, err2 := x.ExtractContext(t.Context(), bytes.NewReader(in))
		if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
			t.Fatalf("errors differ: %v, then %v", err, err2)
		}
		if a == nil {
			return
		}
		if a2 != nil && a.Encoding != a2.Encoding {
			// testdata/fuzz/FuzzExtract/b7c0a9142b0044e5: chardet used to
			// break confidence ties by goroutine scheduling.
			t.Fatalf("encoding detection not deterministic: %s, then %s", a.Encoding, a2.Encoding)
		}
		if a2 == nil || a.Text != a2.Text || a.Title != a2.Title || len(a.Blocks) != len(a2.Blocks) {
			t.Fatalf("not deterministic:\n%q\n%q", a.Text, a2.Text)
		}
		m1 := []string{a.Author, a.Date, a.DateText, a.Language, a.URL, a.SiteName, a.Comments, strings.Join(a.Captions, "\x00")}
		m2 := []string{a2.Author, a2.Date, a2.DateText, a2.Language, a2.URL, a2.SiteName, a2.Comments, strings.Join(a2.Captions, "\x00")}
		if !slices.Equal(m1, m2) {
			t.Fatalf("metadata not deterministic:\n%q\n%q", m1, m2)
		}
		if a.Date != "" && (a.DateText != "" || len(a.Date) < 10 || a.Date[4] != '-' || a.Date[7] != '-') {
			t.Fatalf("date %q (date_text %q): want ISO 8601 and no date_text", a.Date, a.DateText)
		}
		for i := range a.Blocks {
			b1, b2 := a.Blocks[i], a2.Blocks[i]
			if b1.Text != b2.Text || b1.Tag != b2.Tag || b1.Kind != b2.Kind || b1.Level != b2.Level ||
				b1.Row != b2.Row || b1.Content != b2.Content || b1.Probability != b2.Probability {
				t.Fatalf("block %d differs: %+v, then %+v", i, b1, b2)
			}
		}
		checkFromPage(t, in, a)
	})
}

// checkFromPage checks that the blocks' text, spaces left out, is found in
// the page's text nodes, in order: segmentation may drop text (scripts,
// hidden elements) and white space, never invent or reorder it. A text
// node is compared as segmentation reads it, double-encoded UTF-8
// repaired (text.RepairDoubleUTF8).
func checkFromPage(t *testing.T, in []byte, a *Article) {
	t.Helper()
	// Decode as the page was read: detection may guess differently twice.
	decoded, _, err := page.Decode(in, "text/html; charset="+a.Encoding)
	if err != nil {
		t.Fatalf("extracted, but Decode fails: %v", err)
	}
	root, err := html.ParseWithOptions(bytes.NewReader(decoded), html.ParseOptionEnableScripting(false))
	if err != nil {
		t.Fatalf("extracted, but the page does not parse: %v", err)
	}
	var src []rune
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			data := n.Data
			if r, ok := text.RepairDoubleUTF8(data); ok {
				data = r
			}
			src = appendVisible(src, data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	pos := 0
	for i, b := range a.Blocks {
		for _, r := range appendVisible(nil, b.Text) {
			for pos < len(src) && src[pos] != r {
				pos++
			}
			if pos == len(src) {
				t.Fatalf("block %d %q: %q is not in the page's text after the blocks before it", i, b.Text, r)
			}
			pos++
		}
	}
}

// appendVisible appends the runes of s that are not white space, as
// segmentation defines it.
func appendVisible(dst []rune, s string) []rune {
	for _, r := range s {
		if unicode.IsSpace(r) || r == 0xa0 || r == 0x200b || r == 0xfeff {
			continue
		}
		dst = append(dst, r)
	}
	return dst
}
