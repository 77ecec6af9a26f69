package page

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MarkedText is the text of a labelled page under elements whose nearest
// marking class (a class token starting with prefix) satisfies content:
// the annotators' selection, read from the DOM independently of
// segmentation (Options.MarkPrefix counts the same marks per block). The
// page is decoded as Decode does without a Content-Type and parsed with
// scripting on (<noscript> holds raw text); the text of script, style,
// head, noscript and template elements is left out, and a newline starts
// each br, p, div, li, td, tr and heading.
func MarkedText(b []byte, prefix string, content func(mark string) bool) (string, error) {
	decoded, _, err := Decode(b, "")
	if err != nil {
		return "", err
	}
	root, err := html.Parse(bytes.NewReader(decoded))
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if in {
					sb.WriteString(c.Data)
				}
			case html.ElementNode:
				switch c.DataAtom {
				case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Template:
					continue
				case atom.Br, atom.P, atom.Div, atom.Li, atom.Td, atom.Tr, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
					sb.WriteByte('\n')
				}
				childIn := in
				if m, ok := markOf(c, prefix); ok {
					childIn = content(m)
				}
				walk(c, childIn)
			default:
				walk(c, in)
			}
		}
	}
	walk(root, false)
	return sb.String(), nil
}

// markOf returns the element's first class token starting with prefix.
func markOf(n *html.Node, prefix string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			if strings.HasPrefix(tok, prefix) {
				return tok, true
			}
		}
	}
	return "", false
}
