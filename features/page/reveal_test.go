package page

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestRevealHiddenText parses the pages of testdata/hidden, whose content
// a parse with scripting off hides or a script reveals, and checks that
// their blocks hold the content, in reading order, and not what a browser
// does not show.
func TestRevealHiddenText(t *testing.T) {
	cases := []struct {
		page   string
		want   []string // in this order
		absent []string
		once   []string // in one block only
	}{
		{"noscript-unclosed.html",
			[]string{"Tide tables for small harbours", "Small harbours often dry out", "The harbour master posts", "Harbour notes"},
			[]string{"JavaScript enabled"}, nil},
		{"noscript-iframe.html",
			[]string{"Winter pruning shapes the tree", "Leave the short fruiting spurs"}, nil, nil},
		{"noscript-crawler-view.html",
			[]string{"Which soldering iron for a beginner?", "I want to build a few small kits", "Get the temperature-controlled station"}, nil, nil},
		{"react-streaming.html",
			[]string{"How a heat pump moves heat", "A heat pump does not make heat", "The refrigerant boils", "Related: insulating an attic", "Home energy notes", "Running costs depend"},
			[]string{"Loading"}, nil},
		{"jsonld-body.html",
			[]string{"Kitchen Notes", "Bread goes stale not because it dries out", "The refrigerator speeds this up", "as if it were fresh & warm.", "© Kitchen Notes"},
			nil, nil},
		{"next-data.html",
			[]string{"Coast Almanac", "Tide tables are not measured in advance", "Each harmonic is a wave", "Adding up thirty or more", "which is why harbour masters still watch the gauge.", "© Coast Almanac"},
			[]string{"Ada writes about the sea", "The sun and the moon line up"}, nil},
		{"next-data-website.html",
			[]string{"Coast Almanac"},
			[]string{"Tide tables are not measured in advance"}, nil},
		{"next-data-shown.html",
			[]string{"How tides are predicted", "Tide tables are not measured in advance"},
			nil, []string{"Adding up thirty or more"}},
		{"tab-panels.html",
			[]string{"Send your first message", "Install the Python client", "Add the Go module", "Add the Ruby gem", "Or call the endpoint", "Run the program"},
			[]string{"session expires", "Subscribe to the changelog", "We use cookies"}, nil},
		{"jsonld-body-shown.html",
			[]string{"Why bread goes stale", "Bread goes stale not because it dries out"},
			nil, []string{"The refrigerator speeds this up"}},
	}
	for _, c := range cases {
		t.Run(c.page, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "hidden", c.page))
			if err != nil {
				t.Fatal(err)
			}
			p, err := ParseBytes(b, Options{})
			if err != nil {
				t.Fatal(err)
			}
			texts := make([]string, len(p.Blocks))
			for i, bl := range p.Blocks {
				texts[i] = bl.Text
			}
			all := strings.Join(texts, "\n")
			at := 0
			for _, w := range c.want {
				i := strings.Index(all[at:], w)
				if i < 0 {
					t.Fatalf("%q missing after offset %d of the blocks:\n%s", w, at, all)
				}
				at += i + len(w)
			}
			for _, a := range c.absent {
				if strings.Contains(all, a) {
					t.Errorf("%q in the blocks:\n%s", a, all)
				}
			}
			for _, o := range c.once {
				if n := strings.Count(all, o); n != 1 {
					t.Errorf("%q %d times in the blocks:\n%s", o, n, all)
				}
			}
		})
	}
}

// TestRevealStreamedHostile checks that streaming calls that would put a
// segment inside itself, name missing nodes or repeat are ignored.
func TestRevealStreamedHostile(t *testing.T) {
	page := `<html><body><p>Before the boundary.</p>` +
		`<div hidden id="S:0"><p>Segment zero.</p><template id="B:0"></template><template id="P:0"></template></div>` +
		`<script>$RC("B:0","S:0");$RS("S:0","P:0");$RC("B:9","S:9");$RS("S:0","P:0")</script></body></html>`
	p, err := ParseBytes([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range p.Blocks {
		texts = append(texts, b.Text)
	}
	if got := strings.Join(texts, "|"); got != "Before the boundary.|Segment zero." {
		t.Errorf("blocks %q, want the segment shown where it is", got)
	}
}

// TestRevealCandidates checks that revealCandidates finds, on the pages of
// testdata/hidden, the elements each step of reveal rewrites, and none on
// a page that has none of them, where reveal returns the tree unchanged.
func TestRevealCandidates(t *testing.T) {
	cases := []struct {
		page string
		want candidates
	}{
		{"noscript-unclosed.html", candidates{noscript: true}},
		{"noscript-iframe.html", candidates{noscript: true}},
		{"react-streaming.html", candidates{segment: true}},
		{"jsonld-body.html", candidates{articleBody: true}},
		{"next-data.html", candidates{nextData: true}},
	}
	for _, c := range cases {
		t.Run(c.page, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "hidden", c.page))
			if err != nil {
				t.Fatal(err)
			}
			root, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			got := revealCandidates(root)
			missed := c.want.noscript && !got.noscript || c.want.segment && !got.segment ||
				c.want.articleBody && !got.articleBody || c.want.nextData && !got.nextData
			if missed {
				t.Errorf("revealCandidates = %+v, want at least %+v", got, c.want)
			}
		})
	}
	// Near misses: a segment id without hidden, a hidden div with another
	// id, scripts of another type, a JSON-LD article without a body, the
	// Next.js id on a div.
	plain := `<html><head><script type="text/javascript">var x = "__NEXT_DATA__", y = {"articleBody": 1};</script>` +
		`<script type="application/ld+json">{"@type": "NewsArticle", "headline": "No body"}</script></head><body>` +
		`<div id="S:1">shown</div><div hidden id="main">hidden</div><div id="__NEXT_DATA__"></div>` +
		`<p>noscript is a word here</p></body></html>`
	root, err := html.Parse(strings.NewReader(plain))
	if err != nil {
		t.Fatal(err)
	}
	if got := revealCandidates(root); got != (candidates{}) {
		t.Errorf("revealCandidates of a page without candidates = %+v, want none", got)
	}
	out, err := reveal(context.Background(), root, []byte(plain), DefaultMaxDepth)
	if err != nil || out != root {
		t.Errorf("reveal of a page without candidates = %p, %v; want the tree itself", out, err)
	}
}

// TestRevealEscapedArticleBody checks that a JSON-LD article whose
// articleBody key is written with \u escapes gets its body added exactly
// when the page's bytes hold the key as JSON writes it elsewhere, as
// reveal's search of the bytes has always decided.
func TestRevealEscapedArticleBody(t *testing.T) {
	body := strings.Repeat("Bread goes stale because its starch crystallises again once it cools. ", 6)
	page := func(elsewhere string) string {
		return `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "article\u0042ody": "` + body + `"}</script>` +
			elsewhere + `</head><body><p>Kitchen Notes</p></body></html>`
	}
	for _, c := range []struct {
		name      string
		elsewhere string
		added     bool
	}{
		{"key only escaped", "", false},
		{"key also in another script", `<script>var keys = ["articleBody"];</script>`, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := ParseBytes([]byte(page(c.elsewhere)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, b := range p.Blocks {
				all = append(all, b.Text)
			}
			if got := strings.Contains(strings.Join(all, "\n"), "starch crystallises"); got != c.added {
				t.Errorf("body in the blocks: %v, want %v; blocks %q", got, c.added, all)
			}
		})
	}
}
