package main

import (
	"fmt"
	"html"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
	xhtml "golang.org/x/net/html"
)

// highlightStyle colours content green and boilerplate red-struck, and says
// the probability in the tooltip.
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

// writeHighlight writes a copy of the page at path with every block
// coloured by the verdict in a; opts are the limits a was extracted with, so
// the blocks are numbered as in a.
func writeHighlight(dst string, force bool, path string, b []byte, opts page.Options, a *winnow.Article) error {
	out, err := page.Highlight(b, opts, highlightAttrs(a))
	if err != nil {
		return fmt.Errorf("highlight %s: %w", path, err)
	}
	banner := fmt.Sprintf(`<div style="position:sticky;top:0;z-index:99999;background:#222;color:#fff;font:14px sans-serif;padding:6px">winnow: <span style="background:#c8f7c5;color:#000">content</span> <span style="background:#ffd6d6;color:#700;text-decoration:line-through">boilerplate</span> — %s</div>`, html.EscapeString(path))
	out = append([]byte(banner), out...)
	return writeFileAtomic(dst, out, force)
}
