package features

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/features/page"
)

// featureOf returns the value of the feature named name in v, a block
// vector; it fails t for an unknown name.
func featureOf(t *testing.T, v []float64, name string) float64 {
	t.Helper()
	return namedValue(t, Names(), v, name)
}

// namedValue returns v's value for name, v laid out as names; it fails t
// for a name not in names.
func namedValue(t *testing.T, names []string, v []float64, name string) float64 {
	t.Helper()
	k := slices.Index(names, name)
	if k < 0 {
		t.Fatalf("no feature %q", name)
	}
	return v[k]
}

// blockWith returns the index of the first block of p whose text is text.
func blockWith(t *testing.T, p *page.Page, text string) int {
	t.Helper()
	var texts []string
	for _, bl := range p.Blocks {
		texts = append(texts, bl.Text)
	}
	i := slices.Index(texts, text)
	if i < 0 {
		t.Fatalf("no block %q in %q", text, texts)
	}
	return i
}

func TestRunFeatures(t *testing.T) {
	card := `<li class="card"><div class="body"><h3>%s</h3><p>Some words about it here</p></div></li>`
	var b strings.Builder
	b.WriteString(`<html><body><div class="main"><p>A paragraph of prose with a few more words than a teaser has, to stand apart.</p></div><ul class="list">`)
	for _, name := range []string{"First", "Second", "Third"} {
		b.WriteString(strings.Replace(card, "%s", name+" item", 1))
	}
	b.WriteString(`</ul><dl><dt>Weight</dt><dd>2 kg</dd></dl>
<table><tr><td>Colour</td><td>Red</td></tr><tr><td>A</td><td>B</td><td>C</td></tr></table>
<div class="faq-entry">Is it red?</div><div class="customer-reviews">Great product</div><div class="tech-specs">Speed 9</div></body></html>`)
	p := parseString(t, b.String())
	vecs := Vectors(p)
	cases := []struct {
		block, feature string
		want           float64
	}{
		{"Second item", "RunBlocks", 3},
		{"Second item", "RunContainers", 3},
		{"Second item", "RunElements", 3},
		{"Second item", "RunLargest", 0}, // the table's five cells are the largest run
		{"Second item", "RunWordsSpread", 0},
		{"Second item", "RunBlockShare", 2.0 / 6},
		{"Second item", "RunLayoutSpread", 0},
		{"Some words about it here", "RunBlocks", 3},
		{"Colour", "TwoCellRow", 1},
		{"Colour", "RunBlocks", 5}, // every cell: same path, no classes
		{"Colour", "RunContainers", 2},
		{"Colour", "RunLargest", 1},
		{"A", "TwoCellRow", 0},
		{"Weight", "InDefinitionList", 1},
		{"2 kg", "InDefinitionList", 1},
		{"First item", "InDefinitionList", 0},
		{"Is it red?", "ClassFAQ", 1},
		{"Is it red?", "ClassReview", 0},
		{"Great product", "ClassReview", 1},
		{"Speed 9", "ClassSpec", 1},
		{"Second item", "ClassSpec", 0},
	}
	for _, tc := range cases {
		i := blockWith(t, p, tc.block)
		if got := featureOf(t, vecs[i], tc.feature); got != tc.want {
			t.Errorf("%q: %s = %v, want %v", tc.block, tc.feature, got, tc.want)
		}
	}
}
