package page

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/winnow-dev/winnow/internal/text"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Meta is what a page's markup says about the page itself: the <meta>,
// <link> and JSON-LD of its head (JSON-LD anywhere in the page), and the
// elements of its body marked as the author or a time. Every value is
// entity-decoded and whitespace-normalised, "" when absent; a value longer
// than its field's limit (see the max* constants) is taken for garbage and
// dropped, not cut. Values are as written: no date is parsed here.
type Meta struct {
	// Title is the headline the head gives: og:title, else twitter:title,
	// else the headline of the JSON-LD article. <title> is Page.Title.
	Title string
	// Author is <meta name="author">, else article:author, else the names
	// of the JSON-LD article's authors joined with ", ", else dc.creator;
	// a URL (a profile page, as article:author often gives) is no name.
	Author string
	// Date is the publication date as written: article:published_time,
	// else the JSON-LD article's datePublished, else <meta
	// itemprop="datePublished">, else <meta name="date">, "pubdate",
	// "publishdate", "dc.date", "dc.date.issued" or "dcterms.created" (the
	// first of these in document order).
	Date string
	// PageDate is the datePublished of the first JSON-LD object of type
	// WebPage (alone or with other types) in a script that
	// describes no article: a date of last resort, apart from Date so that
	// nothing else reads it.
	PageDate string
	// URL is the page's own address: <link rel="canonical">, else og:url;
	// only absolute http or https URLs count.
	URL string
	// SiteName is og:site_name, else the name of the JSON-LD article's
	// publisher.
	SiteName string
	// Language is <html lang>, else <meta http-equiv="content-language">
	// (its first tag), else og:locale with "_" read as "-"; lower-cased.
	Language string
	// AuthorHints are the texts of the body's elements marked as the
	// author: links with rel="author", elements with itemprop="author", and
	// elements with a class token "author", "author-name", "authorname",
	// "byline-author" or ending in "__author". In document order, without
	// repeats, at most maxHints; a page's teasers may carry such marks too,
	// so a hint says something only about a block that is a byline.
	AuthorHints []string
	// BylineHints are the texts of the body's elements whose class marks
	// a byline: a token "byline" or "dateline", or one starting with
	// "byline" or ending in "-byline", "_byline" or "__byline". In document
	// order, without repeats, at most maxHints; the same caution as
	// AuthorHints applies.
	BylineHints []string
	// TimeHints are the body's <time> elements and elements with
	// itemprop="datePublished": their machine-readable value (datetime or
	// content attribute; may be "") and their text. In document order, at
	// most maxHints; the same caution as AuthorHints applies.
	TimeHints []TimeHint
	// Types are the schema.org types the page declares: the @type of
	// every object of its JSON-LD (within the walk's limits, see
	// jsonld.go) and its microdata itemtype attributes, without the
	// vocabulary's URL ("Product", "BreadcrumbList"). In document order,
	// without repeats, at most maxHints.
	Types []string
	// OGType is <meta property="og:type"> ("article", "product",
	// "website"), lower-cased.
	OGType string
}

// TimeHint is a time the body's markup marks: Value is its datetime (or
// content) attribute, Text what the page shows.
type TimeHint struct{ Value, Text string }

// Limits on the metadata's values, in bytes after normalisation, and on
// what is read to find them.
const (
	maxTitleBytes    = 1024
	maxNameBytes     = 256 // author, site name
	maxDateBytes     = 128
	maxURLBytes      = 2048
	maxLangBytes     = 64
	maxHints         = 16
	maxHintTextBytes = 256
	// maxJSONLDBytes is the largest JSON-LD script read, maxJSONLDScripts
	// how many are read (see jsonld.go for the limits of the walk).
	maxJSONLDBytes   = 1 << 20
	maxJSONLDScripts = 16
)

// metaRank orders the sources of one Meta field: a value from a source of
// lower rank replaces one of higher rank; among equals the first stays.
type metaRank uint8

// metaField is one field being filled.
type metaField struct {
	val  string
	rank metaRank
	set  bool
}

// offer records v from a source of rank r if it is not empty and fits in
// limit bytes and no value of a lower or equal rank came first.
func (f *metaField) offer(v string, r metaRank, limit int) {
	if f.set && f.rank <= r {
		return
	}
	if len(v) > 4*limit { // not worth normalising
		return
	}
	v = text.NormalizeSpace(v)
	if v == "" || len(v) > limit {
		return
	}
	f.val, f.rank, f.set = v, r, true
}

// metaReader collects a page's metadata during one walk of its tree.
type metaReader struct {
	title, author, date, url, site, lang metaField
	pageDate                             metaField
	authorHints, bylineHints             []string
	timeHints                            []TimeHint
	types                                []string
	ogType                               metaField
	jsonld                               int // scripts read
	hintTries                            int // author and byline marks read, repeats included
}

// Source ranks per field (lower wins).
const (
	rankOGTitle metaRank = iota
	rankTwitterTitle
	rankJSONLD
	rankOther
)

const (
	rankMetaAuthor metaRank = iota
	rankArticleAuthor
	rankJSONLDAuthor
	rankDCCreator
)

const (
	rankPublishedTime metaRank = iota
	rankJSONLDDate
	rankItempropDate
	rankMetaDate
)

const (
	rankCanonical metaRank = iota
	rankOGURL
)

const (
	rankOGSite metaRank = iota
	rankJSONLDSite
)

const (
	rankHTMLLang metaRank = iota
	rankContentLanguage
	rankOGLocale
)

// element reads one element of the page.
func (m *metaReader) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Meta:
		m.meta(n)
		return
	case atom.Link:
		if rel, _ := attr(n, "rel"); hasToken(rel, "canonical") {
			if href, ok := attr(n, "href"); ok {
				m.url.offer(absoluteURL(href), rankCanonical, maxURLBytes)
			}
		}
		return
	case atom.Html:
		if lang, ok := attr(n, "lang"); ok {
			m.lang.offer(strings.ToLower(lang), rankHTMLLang, maxLangBytes)
		}
	case atom.Script:
		if t, _ := attr(n, "type"); isJSONLD(t) && m.jsonld < maxJSONLDScripts {
			m.jsonld++
			m.readJSONLD(scriptText(n))
		}
		return
	case atom.Time:
		if len(m.timeHints) < maxHints {
			v, _ := attr(n, "datetime")
			m.addTime(v, n)
		}
	}
	m.marks(n)
}

// meta reads a <meta> element.
func (m *metaReader) meta(n *html.Node) {
	var name, prop, itemprop, equiv, content string
	for _, a := range n.Attr {
		switch a.Key {
		case "name":
			name = strings.ToLower(strings.TrimSpace(a.Val))
		case "property":
			prop = strings.ToLower(strings.TrimSpace(a.Val))
		case "itemprop":
			itemprop = strings.TrimSpace(a.Val)
		case "http-equiv":
			equiv = strings.ToLower(strings.TrimSpace(a.Val))
		case "content":
			content = a.Val
		}
	}
	if content == "" {
		return
	}
	key := prop
	if key == "" {
		key = name
	}
	switch key {
	case "og:title":
		m.title.offer(content, rankOGTitle, maxTitleBytes)
	case "twitter:title":
		m.title.offer(content, rankTwitterTitle, maxTitleBytes)
	case "author":
		m.offerAuthor(content, rankMetaAuthor)
	case "article:author":
		m.offerAuthor(content, rankArticleAuthor)
	case "dc.creator", "dcterms.creator":
		m.offerAuthor(content, rankDCCreator)
	case "article:published_time":
		m.date.offer(content, rankPublishedTime, maxDateBytes)
	case "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued":
		m.date.offer(content, rankMetaDate, maxDateBytes)
	case "og:url":
		m.url.offer(absoluteURL(content), rankOGURL, maxURLBytes)
	case "og:site_name":
		m.site.offer(content, rankOGSite, maxNameBytes)
	case "og:type":
		m.ogType.offer(strings.ToLower(content), 0, maxTypeBytes)
	case "og:locale":
		m.lang.offer(strings.ToLower(strings.ReplaceAll(content, "_", "-")), rankOGLocale, maxLangBytes)
	}
	if itemprop == "datePublished" {
		m.date.offer(content, rankItempropDate, maxDateBytes)
	}
	if equiv == "content-language" {
		first, _, _ := strings.Cut(content, ",")
		m.lang.offer(strings.ToLower(first), rankContentLanguage, maxLangBytes)
	}
}

// offerAuthor offers an author's name, unless it is a URL (a profile
// page, as article:author often gives).
func (m *metaReader) offerAuthor(v string, r metaRank) {
	if strings.Contains(v, ";") { // "ROD NORDLAND;MAYY EL SHEIKH"
		v = strings.Join(strings.FieldsFunc(v, func(r rune) bool { return r == ';' }), ", ")
	}
	if !looksLikeURL(v) && !placeholderAuthor(v) {
		m.author.offer(v, r, maxNameBytes)
	}
}

// placeholderAuthor reports whether an author value names nobody: no
// letter in it (an account number: article:author "262588213843476"), or
// a template's placeholder left unfilled ("Name", without case).
func placeholderAuthor(v string) bool {
	if !strings.ContainsFunc(v, unicode.IsLetter) {
		return true
	}
	return strings.EqualFold(strings.TrimSpace(v), "name")
}

// marks records an element of the body marked as the author or the
// publication time by its rel, itemprop or class attribute.
func (m *metaReader) marks(n *html.Node) {
	author, byline := false, false
	for _, a := range n.Attr {
		switch a.Key {
		case "rel":
			author = author || (n.DataAtom == atom.A && hasToken(a.Val, "author"))
		case "itemprop":
			if hasToken(a.Val, "datePublished") && n.DataAtom != atom.Time && len(m.timeHints) < maxHints {
				v, ok := attr(n, "datetime")
				if !ok {
					v, _ = attr(n, "content")
				}
				m.addTime(v, n)
			}
			author = author || hasToken(a.Val, "author")
		case "itemtype":
			m.addItemTypes(a.Val)
		case "class":
			author = author || authorClass(a.Val)
			byline = byline || bylineClass(a.Val)
		}
	}
	if author {
		m.authorHints = m.addHint(m.authorHints, n)
	}
	if byline {
		m.bylineHints = m.addHint(m.bylineHints, n)
	}
}

// addHint appends the text of n to hints unless it is there already,
// empty or too long, or there are enough.
func (m *metaReader) addHint(hints []string, n *html.Node) []string {
	if len(hints) >= maxHints || m.hintTries >= 8*maxHints {
		return hints
	}
	m.hintTries++
	t, ok := limitedText(n, maxHintTextBytes)
	if !ok || t == "" {
		return hints
	}
	for _, h := range hints {
		if h == t {
			return hints
		}
	}
	return append(hints, t)
}

func (m *metaReader) addTime(value string, n *html.Node) {
	value = text.NormalizeSpace(value)
	if len(value) > maxDateBytes {
		value = ""
	}
	t, ok := limitedText(n, maxDateBytes)
	if !ok {
		t = ""
	}
	if value != "" || t != "" {
		m.timeHints = append(m.timeHints, TimeHint{Value: value, Text: t})
	}
}

// meta returns what was read.
func (m *metaReader) result() Meta {
	return Meta{
		Title: m.title.val, Author: m.author.val, Date: m.date.val, PageDate: m.pageDate.val, URL: m.url.val,
		SiteName: m.site.val, Language: m.lang.val,
		AuthorHints: m.authorHints, BylineHints: m.bylineHints, TimeHints: m.timeHints,
		Types: m.types, OGType: m.ogType.val,
	}
}

// authorClass reports whether a class attribute has a token that marks the
// author's name (not an author box: "author-bio", "about-author" do not
// count).
func authorClass(class string) bool {
	if !strings.Contains(class, "uthor") && !strings.Contains(class, "UTHOR") {
		return false
	}
	for tok := range strings.FieldsSeq(class) {
		switch tok = strings.ToLower(tok); {
		case tok == "author", tok == "author-name", tok == "author_name", tok == "authorname",
			tok == "byline-author", tok == "byline__author", strings.HasSuffix(tok, "__author"):
			return true
		}
	}
	return false
}

// bylineClass reports whether a class attribute has a token that marks a
// byline.
func bylineClass(class string) bool {
	if !strings.Contains(class, "line") && !strings.Contains(class, "LINE") {
		return false
	}
	for tok := range strings.FieldsSeq(class) {
		switch tok = strings.ToLower(tok); {
		case tok == "dateline", strings.HasPrefix(tok, "byline"), strings.HasSuffix(tok, "-byline"), strings.HasSuffix(tok, "_byline"):
			return true
		}
	}
	return false
}

// hasToken reports whether the space-separated list s holds tok, ignoring
// ASCII case.
func hasToken(s, tok string) bool {
	for f := range strings.FieldsSeq(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func isJSONLD(typ string) bool {
	typ, _, _ = strings.Cut(typ, ";")
	return strings.EqualFold(strings.TrimSpace(typ), "application/ld+json")
}

// scriptText is the text of a script element, or "" when it is longer
// than maxJSONLDBytes.
func scriptText(n *html.Node) string {
	if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode {
		if len(c.Data) > maxJSONLDBytes {
			return ""
		}
		return c.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			if b.Len()+len(c.Data) > maxJSONLDBytes {
				return ""
			}
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// limitedText is the whitespace-normalised text under n, without the
// elements that never show text (script, style, ...); ok is false when it
// is longer than limit bytes.
func limitedText(n *html.Node, limit int) (s string, ok bool) {
	var b strings.Builder
	nodes := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if nodes++; nodes > limit {
				return false // an element with that many nodes is no name or date
			}
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
				if b.Len() > 4*limit {
					return false
				}
			case html.ElementNode:
				if skipped(c.DataAtom) {
					continue
				}
				b.WriteByte(' ')
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	if !walk(n) {
		return "", false
	}
	s = text.NormalizeSpace(b.String())
	return s, len(s) <= limit
}

// absoluteURL is s when it is an absolute http or https URL, else "".
func absoluteURL(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > maxURLBytes {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return s
}

func looksLikeURL(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")
}
