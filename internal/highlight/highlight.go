package highlight

import (
	"bytes"
	"fmt"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Styles of the two verdicts, in the blocks and in the legend.
const (
	contentStyle     = "background:#c8f7c5;color:#000"
	boilerplateStyle = "background:#ffd6d6;color:#700;text-decoration:line-through"
)

// View returns the view of the page b named name, whose verdicts are a;
// opts must be the options a was extracted with, so that the blocks are
// numbered as in a. Its errors are page.Highlight's, and one for a
// rendered page without <body>.
func View(b []byte, opts page.Options, a *winnow.Article, name string) ([]byte, error) {
	out, err := page.Highlight(b, opts, Attrs(a))
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		return nil, err
	}
	var body *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.DataAtom == atom.Body && body == nil {
			body = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if body == nil {
		return nil, fmt.Errorf("no <body> in the rendered page")
	}
	body.InsertBefore(banner(name), body.FirstChild)
	var buf bytes.Buffer
	if err := html.Render(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Attrs gives block i's attributes: a style by its verdict in a and a
// title saying the verdict; none for a block a does not have.
func Attrs(a *winnow.Article) func(int) []html.Attribute {
	return func(i int) []html.Attribute {
		if i < 0 || i >= len(a.Blocks) {
			return nil
		}
		b := a.Blocks[i]
		style, label := boilerplateStyle, "boilerplate"
		if b.Content {
			style, label = contentStyle, "content"
		}
		return []html.Attribute{
			{Key: "style", Val: style},
			{Key: "title", Val: fmt.Sprintf("block %d: %s, P(content)=%.2f, by %s", i, label, b.Probability, b.Rule)},
		}
	}
}

// banner is the legend on top of the view, naming the page.
func banner(name string) *html.Node {
	el := func(tag atom.Atom, style string, kids ...*html.Node) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: tag.String(), DataAtom: tag, Attr: []html.Attribute{{Key: "style", Val: style}}}
		for _, k := range kids {
			n.AppendChild(k)
		}
		return n
	}
	text := func(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }
	return el(atom.Div, "position:sticky;top:0;z-index:99999;background:#222;color:#fff;font:14px sans-serif;padding:6px",
		text("winnow: "),
		el(atom.Span, contentStyle, text("content")), text(" "),
		el(atom.Span, boilerplateStyle, text("boilerplate")),
		text(" — "+name))
}
