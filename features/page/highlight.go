package page

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Highlight returns a copy of the page in which the text of every block is
// wrapped in a <span> carrying the attributes attrs(i) gives for block i
// (typically a style and a title).
//
// The copy is safe to open: sanitize keeps only elements and attributes
// that run and load nothing, so a browser showing it runs none of the
// page's code, fetches nothing (no script, stylesheet, image, frame or
// font), is not redirected, and leaves it only when the reader follows an
// http, https or relative link (docs/security.md). The attributes attrs
// gives pass the same filter (a style without url(), a title and data-*
// pass).
//
// The copy is a UTF-8 document that says so: the page's own charset
// declarations (<meta charset>, <meta http-equiv=content-type>) give way
// to a <meta charset="utf-8"> first in <head>, so that a browser reads it
// as written whatever the page was encoded in. It decodes, parses and
// segments b as ParseBytes does with the same options, so block i is
// ParseBytes(b, opts).Blocks[i], and it refuses what ParseBytes refuses,
// with the same errors.
func Highlight(b []byte, opts Options, attrs func(block int) []html.Attribute) ([]byte, error) {
	root, _, err := parseTree(context.Background(), b, opts, false)
	if err != nil {
		return nil, err
	}
	type hit struct {
		n     *html.Node
		block int
	}
	var hits []hit
	if _, err := segment(root, opts, func(n *html.Node, block int) { hits = append(hits, hit{n, block}) }); err != nil {
		return nil, err
	}
	for _, h := range hits {
		span := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span, Attr: attrs(h.block)}
		h.n.Parent.InsertBefore(span, h.n)
		h.n.Parent.RemoveChild(h.n)
		span.AppendChild(h.n)
	}
	// The copy is for reading: nothing in it runs or loads.
	sanitize(root)
	declareUTF8(root)
	var out bytes.Buffer
	if err := html.Render(&out, root); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	return out.Bytes(), nil
}

// declareUTF8 removes the charset declarations under root and puts
// <meta charset="utf-8"> first in its (first) <head>.
func declareUTF8(root *html.Node) {
	var head *html.Node
	var charsets []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.DataAtom == atom.Head && head == nil:
			head = n
		case n.DataAtom == atom.Meta && declaresCharset(n):
			charsets = append(charsets, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, m := range charsets {
		m.Parent.RemoveChild(m)
	}
	if head != nil {
		head.InsertBefore(&html.Node{Type: html.ElementNode, Data: "meta", DataAtom: atom.Meta,
			Attr: []html.Attribute{{Key: "charset", Val: "utf-8"}}}, head.FirstChild)
	}
}

// declaresCharset says whether the <meta> element n declares a charset.
func declaresCharset(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "charset" || (a.Key == "http-equiv" && strings.EqualFold(a.Val, "content-type")) {
			return true
		}
	}
	return false
}
