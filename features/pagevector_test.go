package features

import (
	"strings"
	"testing"
)

// pageFeatureOf returns the page feature named name in v.
func pageFeatureOf(t *testing.T, v []float64, name string) float64 {
	t.Helper()
	return namedValue(t, PageNames(), v, name)
}

func TestPageVector(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><link rel="canonical" href="https://shop.example/products/red-wool-hat-2024?ref=1">
<meta property="og:type" content="product"><script type="application/ld+json">{"@type":"Product","offers":{"@type":"Offer"}}</script></head>
<body><h1>Red wool hat</h1><p>A warm hat.</p><ul>`)
	for range 4 {
		b.WriteString(`<li class="tile"><a href="/x">Other hat</a></li>`)
	}
	b.WriteString(`</ul><table><tr><td>Size</td><td>M</td></tr></table></body></html>`)
	v := PageVector(parseString(t, b.String()))
	if len(v) != NumPageFeatures() || len(PageNames()) != NumPageFeatures() {
		t.Fatalf("%d values, %d names, want %d", len(v), len(PageNames()), NumPageFeatures())
	}
	cases := []struct {
		name string
		want float64
	}{
		{"TypeProduct", 1},
		{"TypeArticle", 0},
		{"OGTypeWebsite", 0},
		{"URLDepth", 2},
		{"URLProduct", 1},
		{"URLDigits", 1},
		{"URLSlugWords", 4},
		{"URLQuery", 1},
		{"URLForum", 0},
		{"LargestRunBlocks", 4},
		{"LargestRunContainers", 1}, // the items share their <ul>
		{"LargestRunLinkDensity", 1},
		{"RecordRuns", 0},
		{"ListItemShare", 4.0 / 8},
		{"HeadingShare", 1.0 / 8},
		{"TwoCellRowShare", 2.0 / 8},
	}
	for _, tc := range cases {
		if got := pageFeatureOf(t, v, tc.name); got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, got, tc.want)
		}
	}
	if empty := PageVector(parseString(t, "<title>x</title>")); pageFeatureOf(t, empty, "URLDepth") != -1 || pageFeatureOf(t, empty, "PageBlocks") != 0 {
		t.Errorf("a page without blocks or URL: %v", empty)
	}
}
