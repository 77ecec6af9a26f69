package features

import (
	"bytes"
	"fmt"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Highlight returns a copy of the page in which the text of every block is
// wrapped in a <span> carrying the attributes attrs(i) gives for block i
// (typically a style and a title). Scripts are removed so that the copy is
// safe to open. Blocks are numbered as ParseBytes numbers them for the same
// bytes and options.
func Highlight(b []byte, opts Options, attrs func(block int) []html.Attribute) ([]byte, error) {
	text, _, err := Decode(b, opts.ContentType)
	if err != nil {
		return nil, err
	}
	root, err := html.ParseWithOptions(bytes.NewReader(text), html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	type hit struct {
		n     *html.Node
		block int
	}
	var hits []hit
	s := &segmenter{opts: opts, onText: func(n *html.Node, block int) { hits = append(hits, hit{n, block}) }}
	s.stack = append(s.stack, frame{tag: "#document", id: s.newID(), row: -1})
	s.walk(root)
	s.flush()
	if s.err != nil {
		return nil, s.err
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
