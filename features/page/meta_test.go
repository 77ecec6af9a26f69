package page

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestMeta(t *testing.T) {
	long := strings.Repeat("x", 5000)
	cases := []struct {
		name, page, reason string
		want               Meta
	}{
		{
			name: "open graph",
			page: `<html lang="EN-gb"><head><meta property="og:title" content=" OG  title "><meta name="twitter:title" content="tw">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-04-09T13:45:00Z">
<link rel="canonical" href="https://example.com/a"><meta property="og:url" content="https://example.com/og">
<meta property="og:site_name" content="Example News"></head><body><p>x</p>`,
			reason: "every field from its first source; spaces normalised, language lower-cased",
			want: Meta{Title: "OG title", Author: "Jane Doe", Date: "2024-04-09T13:45:00Z", URL: "https://example.com/a",
				SiteName: "Example News", Language: "en-gb"},
		},
		{
			name: "later sources",
			page: `<head><meta name="twitter:title" content="tw"><meta property="article:author" content="https://facebook.com/jd">
<meta property="article:author" content="J. Doe"><meta name="dc.date" content="9.4.2024"><link rel="canonical" href="/a">
<meta property="og:url" content="https://example.com/og"><meta http-equiv="Content-Language" content="de, en"></head>`,
			reason: "twitter:title without og:title; an author that is a URL skipped; a relative canonical does not count",
			want:   Meta{Title: "tw", Author: "J. Doe", Date: "9.4.2024", URL: "https://example.com/og", Language: "de"},
		},
		{
			name: "placeholder authors",
			page: `<head><meta name="author" content="Name"><meta property="article:author" content="262588213843476">
<meta name="author" content="Maya Perez"></head>`,
			reason: "a template's placeholder and an account number name nobody: the next author",
			want:   Meta{Author: "Maya Perez"},
		},
		{
			name: "web page date",
			page: `<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["WebPage","FAQPage"],"name":"Home networks",
"datePublished":"2021-01-27T06:00:00+00:00"}]}</script><meta name="date" content="2020-01-01"><p>x`,
			reason: "without an article, a web page's datePublished is the page date, apart from the date",
			want:   Meta{Date: "2020-01-01", PageDate: "2021-01-27T06:00:00+00:00", Types: []string{"WebSite", "WebPage", "FAQPage"}},
		},
		{
			name:   "web page date with an article",
			page:   `<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2021-01-27"},{"@type":"Article","headline":"h"}]}</script><p>x`,
			reason: "a script that describes an article gives no page date",
			want:   Meta{Title: "h", Types: []string{"WebPage", "Article"}},
		},
		{
			name: "rank over order",
			page: `<meta name="date" content="2020-01-01"><meta property="og:title" content="late og">
<meta name="twitter:title" content="tw"><meta property="article:published_time" content="2024-04-09">`,
			reason: "a better source later in the page wins over a worse one earlier",
			want:   Meta{Title: "late og", Date: "2024-04-09"},
		},
		{
			name: "json-ld",
			page: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
{"@type":["NewsArticle"],"headline":"A &amp; B","datePublished":"2024-04-09","author":[{"@type":"Person","name":"Ann"},{"name":"Bob"},"Ann"],
"publisher":{"@type":"Organization","name":"Daily Planet"}}]}</script><p>x`,
			reason: "the article in @graph: headline decoded, authors joined without repeats, publisher as site name",
			want: Meta{Title: "A & B", Author: "Ann, Bob", Date: "2024-04-09", SiteName: "Daily Planet",
				Types: []string{"WebSite", "NewsArticle", "Person", "Organization"}},
		},
		{
			name:   "json-ld loses to meta",
			page:   `<meta property="og:title" content="og"><script type="application/ld+json">{"@type":"Article","headline":"ld","author":"Al"}</script><meta name="author" content="Meta Author">`,
			reason: "og:title and meta author rank above JSON-LD wherever they are",
			want:   Meta{Title: "og", Author: "Meta Author", Types: []string{"Article"}},
		},
		{
			name:   "bad json-ld",
			page:   `<script type="application/ld+json">{"@type":"Article","headline":</script><script type="application/ld+json">[[[[[[[[[[[[[[[[[[{"@type":"Article","headline":"deep"}]]]]]]]]]]]]]]]]]</script><p>x`,
			reason: "invalid JSON is ignored; an article nested beyond the depth limit is not read",
			want:   Meta{},
		},
		{
			name:   "huge values",
			page:   `<meta property="og:title" content="` + long + `"><meta name="author" content="` + long + `"><meta name="twitter:title" content="short">`,
			reason: "a value over its limit is dropped, and the next source is used",
			want:   Meta{Title: "short"},
		},
		{
			name: "body marks",
			page: `<article><h1>H</h1><p class="byline">By <a rel="author" href="/jd">Jane Doe</a> and <span class="c-byline__author">Bo Li</span>
<time datetime="2024-04-09T13:45">09 April, 2024</time></p><div class="author-bio">Jane writes about things.</div>
<span itemprop="datePublished" content="2024-04-08">yesterday</span><time>Monday</time></article>`,
			reason: "rel=author and an __author class are author marks, an author bio is not; class byline a byline mark; <time> and itemprop=datePublished are time marks",
			want: Meta{AuthorHints: []string{"Jane Doe", "Bo Li"}, BylineHints: []string{"By Jane Doe and Bo Li 09 April, 2024"},
				TimeHints: []TimeHint{{"2024-04-09T13:45", "09 April, 2024"}, {"2024-04-08", "yesterday"}, {"", "Monday"}}},
		},
		{
			name:   "none",
			page:   `<p>Nothing about the page.</p>`,
			reason: "no metadata gives empty fields",
			want:   Meta{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseBytes([]byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, p.Meta, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: Meta mismatch (-want +got):\n%s", tc.reason, diff)
			}
		})
	}
}

// TestMetaHostile checks that metadata reading stays bounded on pages
// built to make it slow: many nested author marks, many JSON-LD scripts.
func TestMetaHostile(t *testing.T) {
	var b strings.Builder
	for range 400 {
		b.WriteString(`<div class="author">`)
	}
	b.WriteString(strings.Repeat("<i></i>", 100000) + "Name")
	for range 400 {
		b.WriteString(`</div>`)
	}
	b.WriteString(strings.Repeat(`<script type="application/ld+json">{"@type":"Article","author":"A"}</script>`, 1000))
	p, err := ParseBytes([]byte(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Meta.AuthorHints) != 0 || p.Meta.Author != "A" {
		t.Errorf("author hints %q, author %q; want none (each mark holds too many nodes) and A", p.Meta.AuthorHints, p.Meta.Author)
	}
}
