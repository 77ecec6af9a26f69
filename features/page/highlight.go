package page

import (
	"bytes"
	"context"
	"fmt"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Highlight returns a copy of the page in which the text of every block is
// wrapped in a <span> carrying the attributes attrs(i) gives for block i
// (typically a style and a title). Scripts are removed so that the copy is
// safe to open. It decodes, parses and segments b as ParseBytes does with
// the same options, so block i is ParseBytes(b, opts).Blocks[i], and it
// refuses what ParseBytes refuses, with the same errors.
func Highlight(b []byte, opts Options, attrs func(block int) []html.Attribute) ([]byte, error) {
	root, _, err := parseTree(context.Background(), b, opts)
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
	// The copy is for reading: goquery drops what could run in it.
	goquery.NewDocumentFromNode(root).Find("script, noscript, iframe, object, embed").Remove()
	var out bytes.Buffer
	if err := html.Render(&out, root); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	return out.Bytes(), nil
}
