package page

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnow-dev/winnow/internal/text"
	"golang.org/x/net/html"
)

// FuzzSegment checks segmentation on arbitrary bytes, seeded with the
// golden pages: refusals are the documented input errors; blocks are
// well formed (index, word counts, path and tag, valid UTF-8, some visible
// text); their text comes from the page's text nodes in page order; and
// Parse and ParseBytes agree, run after run.
func FuzzSegment(f *testing.F) {
	addPageSeeds(f)
	f.Add([]byte(strings.Repeat("<div>", 520) + "deep"))
	f.Add([]byte("<table><tr><td>cell<p>foster</table>after<pre>\n a\n b\n</pre><p hidden>no</p>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00x\x00"))
	f.Add([]byte("<pre><div><span>1</span><div>x</div></div><br>y<b>z</b></pre><div role=tabpanel hidden>tab</div>"))
	f.Add([]byte(strings.Repeat("<pre><div>", 300) + "deep<p>para"))
	f.Fuzz(func(t *testing.T, in []byte) {
		opts := Options{MaxBlocks: 2000, MarkPrefix: "x-"}
		p, err := ParseBytes(in, opts)
		p2, err2 := Parse(bytes.NewReader(in), opts)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("ParseBytes: %v; Parse: %v", err, err2)
		}
		if err != nil {
			if p != nil || p2 != nil {
				t.Fatal("a page with an error")
			}
			if !IsInputError(err) {
				t.Fatalf("undocumented error %v", err)
			}
			return
		}
		if p.Encoding != p2.Encoding {
			t.Fatalf("encoding detection not deterministic: %s, then %s", p.Encoding, p2.Encoding)
		}
		if !reflect.DeepEqual(p, p2) {
			t.Fatal("Parse and ParseBytes differ")
		}
		for i, b := range p.Blocks {
			switch {
			case b.Index != i:
				t.Fatalf("block %d has Index %d", i, b.Index)
			case b.Words < 0 || b.LinkWords < 0 || b.LinkWords > b.Words:
				t.Fatalf("block %d: %d link words of %d", i, b.LinkWords, b.Words)
			case !utf8.ValidString(b.Text):
				t.Fatalf("block %d: invalid UTF-8 %q", i, b.Text)
			case strings.TrimSpace(b.Text) == "":
				t.Fatalf("block %d has no visible text: %q", i, b.Text)
			case b.Element <= 0 || b.Element >= len(p.Elements) || p.Elements[b.Element].Tag != b.Tag:
				t.Fatalf("block %d: tag %q, element %d of %d", i, b.Tag, b.Element, len(p.Elements))
			}
			path, anc := p.Path(b.Element), p.Ancestors(b.Element)
			if len(path) == 0 || path[len(path)-1] != b.Tag || len(anc) != len(path) || anc[len(anc)-1] != b.Element ||
				(len(anc) >= 2 && anc[len(anc)-2] != b.Container) {
				t.Fatalf("block %d: tag %q, container %d, path %q, ancestors %v", i, b.Tag, b.Container, path, anc)
			}
		}
		checkTextFromPage(t, in, p)
	})
}

// checkTextFromPage checks that the blocks' visible characters are found
// in the page's text nodes, in order: segmentation drops text (scripts,
// hidden elements) and white space, and never invents or reorders it. A
// text node is compared as segmentation reads it, double-encoded UTF-8
// repaired (text.RepairDoubleUTF8).
func checkTextFromPage(t *testing.T, in []byte, p *Page) {
	t.Helper()
	decoded, _, err := Decode(in, "text/html; charset="+p.Encoding)
	if err != nil {
		t.Fatalf("parsed, but Decode fails: %v", err)
	}
	root, err := html.ParseWithOptions(bytes.NewReader(decoded), html.ParseOptionEnableScripting(false))
	if err != nil {
		t.Fatalf("parsed, but the page does not parse again: %v", err)
	}
	var src []rune
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			data := n.Data
			if r, ok := text.RepairDoubleUTF8(data); ok {
				data = r // as segmentation reads the node
			}
			for _, r := range data {
				if !text.IsSpace(r) {
					src = append(src, r)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	pos := 0
	for i, b := range p.Blocks {
		for _, r := range b.Text {
			if text.IsSpace(r) {
				continue
			}
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

// addPageSeeds seeds a fuzz target with the golden pages and the seed page.
func addPageSeeds(f *testing.F) {
	f.Helper()
	pages, _ := filepath.Glob("../../testdata/pages/*/page.html")
	pages = append(pages, "../../testdata/seed/news.html")
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}
