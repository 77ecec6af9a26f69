package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// highlightAttrs colours content green and boilerplate red-struck, and
// says the probability in the tooltip.
func highlightAttrs(a *winnow.Article) func(int) []xhtml.Attribute {
	return func(i int) []xhtml.Attribute {
		if i < 0 || i >= len(a.Blocks) {
			return nil
		}
		b := a.Blocks[i]
		style := "background:#ffd6d6;color:#700;text-decoration:line-through"
		label := "boilerplate"
		if b.Content {
			style = "background:#c8f7c5;color:#000"
			label = "content"
		}
		return []xhtml.Attribute{
			{Key: "style", Val: style},
			{Key: "title", Val: fmt.Sprintf("block %d: %s, P(content)=%.2f, by %s", i, label, b.Probability, b.Rule)},
		}
	}
}

// writeHighlight writes a copy of the page named name (bytes b) with every
// block coloured by the verdict in a, to dst ("-" for standard output);
// opts are the options a was extracted with, so the blocks are numbered as
// in a.
func writeHighlight(e *env, dst string, force bool, name string, b []byte, opts page.Options, a *winnow.Article) error {
	out, err := page.Highlight(b, opts, highlightAttrs(a))
	if err == nil {
		out, err = highlightDocument(out, name)
	}
	if err != nil {
		return fmt.Errorf("highlight %s: %w", name, err)
	}
	if dst == "-" {
		_, err := e.stdout.Write(out)
		return err
	}
	return writeFileAtomic(dst, out, force)
}

// highlightDocument makes the highlighted page a document that renders as
// the page did: the page's doctype stays first, the view is declared
// UTF-8 (what page.Highlight writes) in place of the page's own charset,
// and the banner is the first element of <body>.
func highlightDocument(b []byte, name string) ([]byte, error) {
	doc, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	var head, body *xhtml.Node
	var charsets []*xhtml.Node
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch {
		case n.DataAtom == atom.Head && head == nil:
			head = n
		case n.DataAtom == atom.Body && body == nil:
			body = n
		case n.DataAtom == atom.Meta && declaresCharset(n):
			charsets = append(charsets, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if head == nil || body == nil {
		return nil, fmt.Errorf("no <head> or <body> in the rendered page")
	}
	for _, m := range charsets {
		m.Parent.RemoveChild(m)
	}
	head.InsertBefore(&xhtml.Node{Type: xhtml.ElementNode, Data: "meta", DataAtom: atom.Meta,
		Attr: []xhtml.Attribute{{Key: "charset", Val: "utf-8"}}}, head.FirstChild)
	body.InsertBefore(banner(name), body.FirstChild)
	var out bytes.Buffer
	if err := xhtml.Render(&out, doc); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func declaresCharset(n *xhtml.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "charset" || (a.Key == "http-equiv" && strings.EqualFold(a.Val, "content-type")) {
			return true
		}
	}
	return false
}

// banner is the legend on top of the view, naming the page.
func banner(name string) *xhtml.Node {
	el := func(tag atom.Atom, style string, kids ...*xhtml.Node) *xhtml.Node {
		n := &xhtml.Node{Type: xhtml.ElementNode, Data: tag.String(), DataAtom: tag, Attr: []xhtml.Attribute{{Key: "style", Val: style}}}
		for _, k := range kids {
			n.AppendChild(k)
		}
		return n
	}
	text := func(s string) *xhtml.Node { return &xhtml.Node{Type: xhtml.TextNode, Data: s} }
	return el(atom.Div, "position:sticky;top:0;z-index:99999;background:#222;color:#fff;font:14px sans-serif;padding:6px",
		text("winnow: "),
		el(atom.Span, "background:#c8f7c5;color:#000", text("content")), text(" "),
		el(atom.Span, "background:#ffd6d6;color:#700;text-decoration:line-through", text("boilerplate")),
		text(" — "+name))
}
