package page

import (
	"slices"
	"testing"
)

func TestMetaTypes(t *testing.T) {
	cases := []struct {
		name, page string
		types      []string
		ogType     string
	}{
		{"og:type", `<meta property="og:type" content=" Product "><p>x`, nil, "product"},
		{"microdata", `<div itemscope itemtype="https://schema.org/Product"><span itemtype="http://schema.org/Offer https://schema.org/Product">x</span></div>`,
			[]string{"Product", "Offer"}, ""},
		{"json-ld nested, keys in sorted order", `<script type="application/ld+json">{"@type":"ItemList","z":{"@type":"Event"},"itemListElement":[{"@type":"ListItem","item":{"@type":"schema:Product"}}]}</script><p>x`,
			[]string{"ItemList", "ListItem", "Product", "Event"}, ""},
		{"too long and empty dropped", `<div itemtype="https://schema.org/` + string(make([]byte, 0)) + `"><span itemtype="` + longName() + `">x</span></div>`, nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseBytes([]byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(p.Meta.Types, tc.types) || p.Meta.OGType != tc.ogType {
				t.Errorf("Types %q, OGType %q; want %q, %q", p.Meta.Types, p.Meta.OGType, tc.types, tc.ogType)
			}
		})
	}
}

func longName() string {
	b := make([]byte, maxTypeBytes+1)
	for i := range b {
		b[i] = 'x'
	}
	return string(b)
}
