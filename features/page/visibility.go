package page

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// visibility is how an element is hidden (see hidden).
type visibility uint8

const (
	shown          visibility = iota
	hiddenByMarkup            // the hidden attribute, an inline display:none or visibility:hidden, a closed <dialog>, a consent dialog
	probablyHidden            // a hiding class (see hiddenClass) or a modal (role=dialog, aria-modal)
)

// hidden reports whether an element is hidden from readers by markup (the
// hidden attribute, an inline display:none or visibility:hidden, a
// <dialog> without open, which browsers do not render), is the root of a
// cookie-consent dialog (see consentID and consentClass), or is probably
// hidden: it carries a hiding class (see hiddenClass) or is a modal
// (role="dialog" or "alertdialog", aria-modal="true"), which pages keep
// closed until asked. The segmenter follows the probable ones only for
// elements that do not wrap most of the page (see wrapsMostText), such as
// an article a site shows in a modal.
//
// A tab panel (role="tabpanel") is shown whatever its hidden attribute,
// style or classes say: it waits behind its tab until the reader picks it,
// and is as much the page's text as the panel shown first (a manual's
// steps for each language or system).
func hidden(n *html.Node) visibility {
	by := shown
	closedDialog := n.DataAtom == atom.Dialog
	// What the hidden attribute, the style and the classes say, which a
	// tab panel overrides; known only once every attribute is read.
	markup, class, panel := false, false, false
	for i := range n.Attr {
		a := &n.Attr[i]
		switch a.Key {
		case "hidden":
			markup = true
		case "open":
			closedDialog = false
		case "role":
			switch {
			case a.Val == "dialog" || a.Val == "alertdialog":
				by = probablyHidden
			case strings.EqualFold(strings.TrimSpace(a.Val), "tabpanel"):
				panel = true
			}
		case "aria-modal":
			if a.Val == "true" {
				by = probablyHidden
			}
		case "id":
			if consentID(a.Val) {
				return hiddenByMarkup
			}
		case "class":
			if consentClass(a.Val) {
				return hiddenByMarkup
			}
			class = class || hiddenClass(a.Val)
		case "style":
			markup = markup || styleHides(a.Val)
		}
	}
	switch {
	case closedDialog || markup && !panel:
		return hiddenByMarkup
	case class && !panel:
		return probablyHidden
	}
	return by
}

// styleHides reports whether an inline style says display:none or
// visibility:hidden.
func styleHides(style string) bool {
	v := strings.ToLower(style)
	if !strings.Contains(v, "display") && !strings.Contains(v, "visibility") {
		return false
	}
	v = strings.Join(strings.Fields(v), "")
	return strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden")
}

// wrapsMostText reports whether n holds at least half of the text of the
// document: a page-wide wrapper that a script reveals once the page has
// loaded (<div class="root hide">), not a hidden part of the page. Each
// call walks n's subtree; once the walks have visited twice as many nodes
// as the document holds, it answers false without walking, so that nested
// wrappers cannot make segmentation quadratic.
func (s *segmenter) wrapsMostText(n *html.Node) bool {
	if s.docText < 0 {
		var nodes int
		s.docText, nodes = subtreeText(s.root)
		s.walkBudget = 2 * nodes
	}
	if s.walkBudget <= 0 {
		return false
	}
	text, nodes := subtreeText(n)
	s.walkBudget -= nodes
	return 2*text >= s.docText
}

// subtreeText returns the length of the text under n, outside the elements
// that never give text (see skipped), and the number of nodes it visited.
func subtreeText(n *html.Node) (text, nodes int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		nodes++
		switch c.Type {
		case html.TextNode:
			text += len(c.Data)
		case html.ElementNode, html.DocumentNode:
			if !skipped(c.DataAtom) {
				t, k := subtreeText(c)
				text, nodes = text+t, nodes+k
			}
		}
	}
	return text, nodes
}
