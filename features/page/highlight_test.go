package page

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"github.com/winnow-dev/winnow/internal/text"
)

// hiddenStoryPage keeps its story in a <div class="hide"> that a script
// reveals: the wrapper holds most of the page's text, so segmentation
// follows it (wrapsMostText), and the story is blocks 1 to 3.
const hiddenStoryPage = `<!doctype html><html><head><title>Story</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="hide" id="app">
<h1>The river rose overnight</h1>
<p>Residents of the valley woke to water in their streets after three days of rain swelled the river past its banks.</p>
<p>Officials said the crest would pass by the evening, and that the bridges would stay closed until engineers had checked them.</p>
</div>
<footer>Copyright 2024 The Valley Post. All rights reserved.</footer>
</body></html>`

// highlightedBlocks highlights b and returns, for every block number, the
// text of the spans Highlight put around its text nodes, without white
// space (the white space between those nodes is not in a span).
func highlightedBlocks(t *testing.T, b []byte, opts Options) map[int]string {
	t.Helper()
	out, err := Highlight(b, opts, func(block int) []html.Attribute {
		return []html.Attribute{{Key: "data-block", Val: strconv.Itoa(block)}}
	})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[int][]string{}
	doc.Find("span[data-block]").Each(func(_ int, s *goquery.Selection) {
		i, err := strconv.Atoi(s.AttrOr("data-block", ""))
		if err != nil {
			t.Fatalf("data-block %q", s.AttrOr("data-block", ""))
		}
		parts[i] = append(parts[i], s.Text())
	})
	got := map[int]string{}
	for i, p := range parts {
		got[i] = noSpace(strings.Join(p, ""))
	}
	return got
}

// blockTexts is, for every block of p, its text without white space.
func blockTexts(p *Page) map[int]string {
	want := map[int]string{}
	for i, b := range p.Blocks {
		want[i] = noSpace(b.Text)
	}
	return want
}

// TestHighlightHiddenStory checks that Highlight paints the blocks Parse
// finds on a page whose story sits in a hiding wrapper: block 1 is the
// headline, not the footer.
func TestHighlightHiddenStory(t *testing.T) {
	b := []byte(hiddenStoryPage)
	p, err := ParseBytes(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Blocks) != 5 || p.Blocks[1].Text != "The river rose overnight" {
		t.Fatalf("Parse gives %q; want nav, headline, two paragraphs, footer", texts(p))
	}
	if diff := cmp.Diff(blockTexts(p), highlightedBlocks(t, b, Options{})); diff != "" {
		t.Errorf("highlighted text per block differs from Parse's blocks (-parse +highlight):\n%s", diff)
	}
}

// TestHighlightPages checks that Highlight numbers the blocks of every
// golden page as ParseBytes does.
func TestHighlightPages(t *testing.T) {
	for _, tp := range readTestPages(t) {
		p, err := ParseBytes(tp.raw, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(blockTexts(p), highlightedBlocks(t, tp.raw, Options{})); diff != "" {
			t.Errorf("%s: highlighted text per block differs from Parse's blocks (-parse +highlight):\n%s", tp.path, diff)
		}
	}
}

// noSpace is s without its white space.
func noSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, text.IsSpace), "")
}

// The copy declares UTF-8, what Highlight writes, in place of the page's
// own charset, so that a browser reads it as written.
func TestHighlightDeclaresUTF8(t *testing.T) {
	b := []byte("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>T</title></head><body><p>Caf\xe9</p><meta charset=\"latin1\"></body></html>")
	out, err := Highlight(b, Options{}, func(int) []html.Attribute { return nil })
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.HasPrefix(s, `<html><head><meta charset="utf-8"/><title>`) || strings.Count(s, "charset") != 1 || !strings.Contains(s, "Café") {
		t.Errorf("copy:\n%s", s)
	}
}
