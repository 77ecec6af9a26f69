package features

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/winnow-dev/winnow/features/page"
)

func TestNames(t *testing.T) {
	names := Names()
	if len(names) != NumFeatures() {
		t.Fatalf("len(Names()) = %d, NumFeatures() = %d", len(names), NumFeatures())
	}
	seen := map[string]bool{}
	for _, n := range names {
		if n == "" || strings.ContainsAny(n, " \t,") {
			t.Errorf("feature name %q is empty or has a separator in it", n)
		}
		if seen[n] {
			t.Errorf("feature name %q appears twice", n)
		}
		seen[n] = true
	}
	if !strings.HasPrefix(SchemaVersion, "winnow-features-") {
		t.Errorf("SchemaVersion = %q", SchemaVersion)
	}
}

// words returns n copies of w joined by spaces.
func words(n int, w string) string {
	return strings.TrimSpace(strings.Repeat(w+" ", n))
}

func TestTextDensity(t *testing.T) {
	tests := []struct {
		name, reason, text string
		want               float64
	}{
		{"empty", "no words", "", 0},
		{"one line", "a block that fits on one line has density = its words", words(5, "word"), 5},
		{"exactly full", "8 nine-letter words take 8*10-1 = 79 columns: still one line", words(8, "aaaaaaaaa"), 8},
		{"wraps", "20 nine-letter words: lines of 8, 8 and 4; the last line is left out: 16/2", words(20, "aaaaaaaaa"), 8},
		{"long words", "40-letter words fit one per line past the first: 5 words wrap 4 times, (5-1)/4", words(5, strings.Repeat("x", 40)), 1},
		{"punctuation takes no room", "tokens without letters or digits are not words, as in boilerpipe", "a | b | c", 3},
		{"han", "a run of 200 Han characters is 100 two-character words: 27 per 80-column line", strings.Repeat("中", 200), float64(100-19) / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textDensity(tt.text); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("textDensity = %v, want %v: %s", got, tt.want, tt.reason)
			}
		})
	}
}

// column returns the named feature of every block of p.
func column(t *testing.T, vecs [][]float64, name string) []float64 {
	t.Helper()
	for j, n := range Names() {
		if n == name {
			out := make([]float64, len(vecs))
			for i := range vecs {
				out[i] = vecs[i][j]
			}
			return out
		}
	}
	t.Fatalf("no feature %q", name)
	return nil
}

func TestVectors(t *testing.T) {
	long := words(20, "aaaaaaaaa") + "."
	p := &page.Page{
		Title: "Big news today | Site",
		Blocks: []page.Block{
			{Text: "Home News Sport", Words: 3, LinkWords: 3, Tag: "li", Kind: page.KindListItem, Flags: page.InList | page.InNav | page.InLink, SignalNear: page.SigNav, SignalAny: page.SigNav, Element: 4, Container: 3, Depth: 3},
			{Text: "Big news today", Words: 3, Tag: "h1", Kind: page.KindHeading, Level: 1, Element: 6, Container: 5, Depth: 3},
			{Text: long, Words: 20, LinkWords: 5, Tag: "p", Kind: page.KindParagraph, Element: 7, Container: 5, SignalAny: page.SigContent, Depth: 3},
			{Text: "Share on Twitter, 2024 (c)", Words: 5, LinkWords: 2, Tag: "div", Kind: page.KindText, Element: 9, Container: 8, SignalNear: page.SigShare, SignalAny: page.SigShare, Depth: 3},
		},
		// html > body > {ul > li, div > {h1, p}, footer > div}
		Elements: []page.Element{
			{Tag: "#document", Parent: -1}, {Tag: "html", Depth: 1}, {Tag: "body", Parent: 1, Depth: 2},
			{Tag: "ul", Parent: 2, Depth: 3}, {Tag: "li", Parent: 3, Depth: 4},
			{Tag: "div", Parent: 2, Depth: 3}, {Tag: "h1", Parent: 5, Depth: 4}, {Tag: "p", Parent: 5, Depth: 4},
			{Tag: "footer", Parent: 2, Depth: 3}, {Tag: "div", Parent: 8, Depth: 4},
		},
	}
	vecs := Vectors(p)
	if len(vecs) != len(p.Blocks) {
		t.Fatalf("%d vectors for %d blocks", len(vecs), len(p.Blocks))
	}
	for i, v := range vecs {
		if len(v) != NumFeatures() {
			t.Fatalf("vector %d has %d values, want %d", i, len(v), NumFeatures())
		}
		for j, x := range v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Errorf("vector %d feature %s = %v", i, Names()[j], x)
			}
		}
	}
	const q = 1.0 / 3
	tests := []struct {
		name, reason string
		want         []float64
	}{
		{"Words", "the block's word count", []float64{3, 3, 20, 5}},
		{"TextDensity", "80-column wrap: short blocks = their words; the paragraph 16 words on 2 full lines", []float64{3, 3, 8, 5}},
		{"LinkDensity", "link words / words", []float64{1, 0, 0.25, 0.4}},
		{"PrevWords", "the previous block's words; 0 before the first", []float64{0, 3, 3, 20}},
		{"NextLinkDensity", "the next block's link density; 0 after the last", []float64{0, 0.25, 0.4, 0}},
		{"WordsQuotientPrev", "(words+1)/(prev words+1), boilerpipe's quotient with +1 smoothing", []float64{4, 1, 21.0 / 4, 6.0 / 21}},
		{"DensityQuotientNext", "(density+1)/(next density+1)", []float64{1, 4.0 / 9, 9.0 / 6, 6}},
		{"FullStops", "count of '.'", []float64{0, 0, 1, 0}},
		{"Commas", "count of ','", []float64{0, 0, 0, 1}},
		{"EndsWithPunct", "sentence punctuation or a closing bracket at the end", []float64{0, 0, 1, 1}},
		{"UpperStartShare", "share of tokens starting upper case", []float64{1, q, 0, 0.4}},
		{"AvgSentenceLength", "words per sentence", []float64{3, 3, 20, 5}},
		{"WindowWords", "words of the ±3 neighbours", []float64{28, 28, 11, 26}},
		{"WindowLinkDensity", "link words / words of the ±3 neighbours", []float64{7.0 / 28, 10.0 / 28, 5.0 / 11, 8.0 / 26}},
		{"TagP", "p element", []float64{0, 0, 1, 0}},
		{"TagHeading", "h1-h6", []float64{0, 1, 0, 0}},
		{"HeadingLevel", "the heading's level", []float64{0, 1, 0, 0}},
		{"TagListItem", "li", []float64{1, 0, 0, 0}},
		{"TagDiv", "div", []float64{0, 0, 0, 1}},
		{"InNav", "inside nav", []float64{1, 0, 0, 0}},
		{"AllWordsLinked", "page.InLink flag", []float64{1, 0, 0, 0}},
		{"NearShare", "share vocabulary nearby", []float64{0, 0, 0, 1}},
		{"AnyContent", "content vocabulary on an ancestor", []float64{0, 0, 1, 0}},
		{"RelativePosition", "index / (blocks-1)", []float64{0, q, 2 * q, 1}},
		{"RelativeWordPosition", "words before the block / page words", []float64{0, 3.0 / 31, 6.0 / 31, 26.0 / 31}},
		{"WordShare", "block words / page words", []float64{3.0 / 31, 3.0 / 31, 20.0 / 31, 5.0 / 31}},
		{"ContainerWordShare", "words of the block's container / page words", []float64{3.0 / 31, 23.0 / 31, 23.0 / 31, 5.0 / 31}},
		{"ContainerLinkDensity", "link words / words in the container", []float64{1, 5.0 / 23, 5.0 / 23, 0.4}},
		{"ContainerBlocks", "blocks in the container", []float64{1, 2, 2, 1}},
		{"DistanceToLongest", "(index - longest's index) / blocks", []float64{-0.5, -0.25, 0, 0.25}},
		{"SameContainerAsLongest", "shares the longest block's container", []float64{0, 1, 1, 0}},
		{"PathSharedWithLongest", "common tag-path prefix with the longest block / longer path", []float64{0.5, 0.75, 1, 0.5}},
		{"DistanceToH1", "(index - first h1's index) / blocks", []float64{-0.25, 0, 0.25, 0.5}},
		{"TitleOverlap", "share of the block's tokens in the title", []float64{1.0 / 3, 1, 0, 0}},
		{"BoilerplatePhrases", "boilerplate phrases in short blocks: share, twitter", []float64{0, 0, 0, 2}},
		{"PageWords", "log(1+page words)", []float64{math.Log1p(31), math.Log1p(31), math.Log1p(31), math.Log1p(31)}},
		{"PageBlocks", "log(1+blocks)", []float64{math.Log1p(4), math.Log1p(4), math.Log1p(4), math.Log1p(4)}},
		{"Depth", "the block's depth", []float64{3, 3, 3, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := column(t, vecs, tt.name)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestVectorsEmpty(t *testing.T) {
	// A page without blocks has no vectors, and no panic.
	if got := Vectors(&page.Page{}); len(got) != 0 {
		t.Errorf("Vectors(empty) = %v", got)
	}
}

func TestVectorsPure(t *testing.T) {
	// Vectors depend only on the blocks: parsing and computing twice gives the same numbers.
	const page = `<title>T</title><h1>T</h1><p>Some text, with words.</p><ul><li><a href="#">x</a></li></ul>`
	a, b := Vectors(parseString(t, page)), Vectors(parseString(t, page))
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("vectors differ between runs:\n%s", diff)
	}
}

// TestSchemaDocumented checks that every feature of the table says what it
// measures and that every group can be computed.
func TestSchemaDocumented(t *testing.T) {
	k := 0
	for g, gr := range schema {
		if len(gr.features) == 0 || gr.fill == nil {
			t.Errorf("group %d has %d features and fill %v", g, len(gr.features), gr.fill != nil)
		}
		for _, f := range gr.features {
			if strings.TrimSpace(f.doc) == "" {
				t.Errorf("feature %d %s has no documentation", k, f.name)
			}
			k++
		}
	}
}

// TestGroupsFill checks that every group of the table sets each of its
// positions and writes nowhere else, on every block of the test pages: fill
// gets a slice of exactly its features' length, filled with a marker that no
// computation gives, and must replace every marker without going past it.
func TestGroupsFill(t *testing.T) {
	marker := math.Float64frombits(0x7ff8_dead_beef_0001) // a NaN with a payload of its own
	for _, tp := range readTestPages(t) {
		p, err := page.ParseBytes(tp.raw, page.Options{})
		if err != nil {
			t.Fatalf("%s: %v", tp.path, err)
		}
		sc := vecScratchPool.Get().(*vecScratch)
		c := sc.pageContext(p)
		for i := range p.Blocks {
			c.block(i)
			for g, gr := range schema {
				n := len(gr.features)
				v := make([]float64, n)
				for k := range v {
					v[k] = marker
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("%s block %d: group %d (%s...) writes past its %d features: %v", tp.path, i, g, gr.features[0].name, n, r)
						}
					}()
					gr.fill(c, v[:n:n])
				}()
				for k, x := range v {
					if math.Float64bits(x) == math.Float64bits(marker) {
						t.Fatalf("%s block %d: group %d does not set %s", tp.path, i, g, gr.features[k].name)
					}
				}
			}
		}
		sc.low = c.low[:0]
		sc.keep()
	}
}
