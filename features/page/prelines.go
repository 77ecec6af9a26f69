package page

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// preListing reports whether the <pre> element n is a listing of lines:
// below it, nothing but text, inline elements, <br> and <div>, the
// elements that never give text (skipped), and unknown elements, which
// are inline. A highlighter that writes each line of code as a <div> of
// its own (with its number in a <span>) makes such a listing; segmented
// element by element, each line would be a block of its own, a few words
// that look like boilerplate. A <pre> with any other element below it (a
// paragraph, a list, a table, a heading, another <pre>: an unclosed <pre>
// that holds the rest of the page) is segmented as every element is.
//
// The walk stops at the first other element; the segmenter asks only of a
// <pre> that is inside no other, so each node is visited at most once.
func preListing(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		a := c.DataAtom
		switch {
		case skipped(a):
			continue
		case a == atom.Div || a == atom.Br || inline(a) || (a == 0 && c.Namespace == ""):
		default:
			return false
		}
		if !preListing(c) {
			return false
		}
	}
	return true
}

// preLine ends the open line of a listing (see preListing), if it has
// text: the lines of the listing's <div> and <br> elements stay apart in
// the block's text.
func (s *segmenter) preLine() {
	if len(s.buf) > 0 && s.buf[len(s.buf)-1] != '\n' {
		s.buf = append(s.buf, '\n')
		s.words.Feed("\n")
	}
}
