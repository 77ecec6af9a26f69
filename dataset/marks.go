package dataset

import (
	"bytes"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// marksToLabels labels blocks from the annotation classes segmentation
// counted (page.Block.Marks): content reports whether a marking class
// ("" for unmarked text) is main content. A block is Content when more than
// half of its non-space characters are under content classes.
func marksToLabels(blocks []page.Block, content func(mark string) bool) []Label {
	labels := make([]Label, len(blocks))
	for i, b := range blocks {
		in, all := 0, 0
		for m, n := range b.Marks {
			all += n
			if content(m) {
				in += n
			}
		}
		if all > 0 && 2*in > all {
			labels[i] = Content
		}
	}
	return labels
}

// markedText is the text under elements whose nearest marking class
// (a class token starting with prefix) satisfies content: the annotators'
// selection, read from the DOM independently of our segmentation. Text of
// block-level elements is separated by newlines.
func markedText(raw []byte, prefix string, content func(mark string) bool) (string, error) {
	text, _, err := page.Decode(raw, "")
	if err != nil {
		return "", err
	}
	root, err := html.Parse(bytes.NewReader(text))
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
