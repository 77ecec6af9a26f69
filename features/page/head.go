package page

import (
	"strings"

	"github.com/winnow-dev/winnow/internal/text"
	"golang.org/x/net/html"
)

// readHead fills the page-level metadata: Title, OGTitle and Lang, and
// Meta. Title, OGTitle and Lang each come from the first element in
// document order that matches, as the goquery selections "title",
// `meta[property="og:title"]` and "html" with First would find it (element
// name compared with Node.Data in any namespace, attributes by exact key
// and value). Meta needs the whole tree (JSON-LD and the body's author and
// time marks), so the walk visits every node once.
func readHead(root *html.Node, p *Page) {
	var title, og, htmlEl *html.Node
	var m metaReader
	for n := root; n != nil; n = nextNode(n, root) {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "title":
			if title == nil {
				title = n
			}
		case "meta":
			if og == nil && hasAttr(n, "property", "og:title") {
				og = n
			}
		case "html":
			if htmlEl == nil {
				htmlEl = n
			}
		}
		m.element(n)
	}
	if title != nil {
		var b strings.Builder
		appendText(&b, title)
		p.Title = text.NormalizeSpace(b.String())
	}
	if v, ok := attr(og, "content"); ok {
		p.OGTitle = text.NormalizeSpace(v)
	}
	if lang, ok := attr(htmlEl, "lang"); ok {
		p.Lang = strings.ToLower(strings.TrimSpace(lang))
	}
	p.Meta = m.result()
}

// nextNode is the node after n in document order (pre-order) within root,
// or nil.
func nextNode(n, root *html.Node) *html.Node {
	if n.FirstChild != nil {
		return n.FirstChild
	}
	for n != root {
		if n.NextSibling != nil {
			return n.NextSibling
		}
		n = n.Parent
	}
	return nil
}

// appendText writes the text nodes under n, in document order, to b.
func appendText(b *strings.Builder, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		appendText(b, c)
	}
}

func hasAttr(n *html.Node, key, val string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Val == val {
			return true
		}
	}
	return false
}

// attr is the value of n's first attribute named key; n may be nil.
func attr(n *html.Node, key string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
