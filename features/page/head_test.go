package page

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/winnow-dev/winnow/internal/text"
	"golang.org/x/net/html"
)

// readHeadGoquery is readHead as it was written with goquery selections;
// readHead must agree with it.
func readHeadGoquery(root *html.Node, p *Page) {
	doc := goquery.NewDocumentFromNode(root)
	p.Title = text.NormalizeSpace(doc.Find("title").First().Text())
	if og, ok := doc.Find(`meta[property="og:title"]`).First().Attr("content"); ok {
		p.OGTitle = text.NormalizeSpace(og)
	}
	if lang, ok := doc.Find("html").First().Attr("lang"); ok {
		p.Lang = strings.ToLower(strings.TrimSpace(lang))
	}
}

func TestReadHead(t *testing.T) {
	cases := []struct {
		name, page, reason string
	}{
		{"plain", `<html lang=" EN-us "><title> A  title </title><meta property="og:title" content="OG"><p>x`, "all three present"},
		{"none", `<p>no head at all`, "the parser adds html without lang; no title, no og"},
		{"svg title first", `<body><svg><title>svg <b>t</b></title></svg><p>x</p>`, "a title element in any namespace counts"},
		{"og without content", `<meta property="og:title"><meta property="og:title" content="second">`, "the first match decides, even without content"},
		{"og case", `<meta property="OG:title" content="no"><meta property="og:title" content="yes">`, "attribute values compare exactly"},
		{"title with entities", `<title>a &amp; b</title>`, "text as parsed"},
		{"nested html", `<html lang=de><body><math><html lang=fr></html></math>`, "the first html element"},
	}
	check := func(t *testing.T, page, reason string) {
		t.Helper()
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var got, want Page
		readHead(root, &got)
		readHeadGoquery(root, &want)
		if got.Title != want.Title || got.OGTitle != want.OGTitle || got.Lang != want.Lang {
			t.Errorf("%s: readHead = %q %q %q, goquery %q %q %q", reason,
				got.Title, got.OGTitle, got.Lang, want.Title, want.OGTitle, want.Lang)
		}
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.page, tc.reason) })
	}
	for _, tp := range readTestPages(t) {
		text, _, err := Decode(tp.raw, "")
		if err != nil {
			t.Fatal(err)
		}
		check(t, string(text), tp.path)
	}
}
