package page

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// streamedMarker starts every segment React's streaming server rendering
// sends after the shell; a page without it has none.
const streamedMarker = `<div hidden id="S:`

// streamedCall matches the calls of React's inline runtime that put a
// streamed segment in place: $RC("B:n","S:m") replaces the fallback of
// the Suspense boundary B:n with segment S:m; $RS("S:n","P:n") replaces
// the placeholder P:n with segment S:n.
var streamedCall = regexp.MustCompile(`\$R([CS])\("([BPS]:[0-9]+)","([BPS]:[0-9]+)"\)`)

// revealStreamed moves the segments that React's streaming server
// rendering sends hidden (<div hidden id="S:n">, after the shell) to where
// the page's inline scripts move them once loaded: a boundary's segment
// replaces its fallback (the nodes between <template id="B:n"> and the
// boundary's closing <!--/$-->), a placeholder's segment replaces its
// <template id="P:n">. Segments no call places are shown where they are.
// It reports whether it changed the tree.
func revealStreamed(root *html.Node) bool {
	segments := map[string]*html.Node{}
	templates := map[string]*html.Node{}
	var calls []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Script:
				if t := c.FirstChild; t != nil && t.Type == html.TextNode && strings.Contains(t.Data, "$R") {
					for _, m := range streamedCall.FindAllStringSubmatch(t.Data, -1) {
						calls = append(calls, m[1], m[2], m[3])
					}
				}
				continue
			case atom.Template:
				if id, ok := attr(c, "id"); ok && streamedID(id, 'B', 'P') {
					templates[id] = c
				}
				continue
			case atom.Div:
				if id, ok := attr(c, "id"); ok && streamedID(id, 'S') {
					if _, hid := attr(c, "hidden"); hid {
						segments[id] = c
					}
				}
			}
			walk(c)
		}
	}
	walk(root)
	if len(segments) == 0 {
		return false
	}
	for i := 0; i+2 < len(calls); i += 3 {
		seg, at := calls[i+1], calls[i+2] // $RS(segment, placeholder)
		if calls[i] == "C" {
			seg, at = calls[i+2], calls[i+1] // $RC(boundary, segment)
		}
		s, t := segments[seg], templates[at]
		if s == nil || t == nil || s.Parent == nil || t.Parent == nil || within(t, s) {
			continue
		}
		end := t
		if calls[i] == "C" {
			end = dropFallback(t)
		}
		for c := s.FirstChild; c != nil; c = s.FirstChild {
			s.RemoveChild(c)
			end.Parent.InsertBefore(c, end)
		}
		s.Parent.RemoveChild(s)
		t.Parent.RemoveChild(t)
		delete(segments, seg)
	}
	for _, s := range segments {
		if s.Parent != nil {
			removeAttr(s, "hidden")
		}
	}
	return true
}

// streamedID reports whether id is one of React's streaming ids: a
// letter among prefixes, a colon and a number ("S:12").
func streamedID(id string, prefixes ...byte) bool {
	if len(id) < 3 || id[1] != ':' {
		return false
	}
	ok := false
	for _, p := range prefixes {
		ok = ok || id[0] == p
	}
	for i := 2; ok && i < len(id); i++ {
		ok = id[i] >= '0' && id[i] <= '9'
	}
	return ok
}

// dropFallback removes the fallback that follows the boundary template t,
// up to the comment closing the boundary (<!--/$-->, skipping nested
// boundaries), and returns that comment; without one it removes nothing
// and returns t.
func dropFallback(t *html.Node) *html.Node {
	open := 0
	var end *html.Node
	for c := t.NextSibling; c != nil && end == nil; c = c.NextSibling {
		if c.Type != html.CommentNode {
			continue
		}
		switch c.Data {
		case "$", "$?", "$!":
			open++
		case "/$":
			if open == 0 {
				end = c
			}
			open--
		}
	}
	if end == nil {
		return t
	}
	for c := t.NextSibling; c != end; c = t.NextSibling {
		t.Parent.RemoveChild(c)
	}
	return end
}

// within reports whether n is a or is under a.
func within(n, a *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// removeAttr deletes n's attributes named key.
func removeAttr(n *html.Node, key string) {
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != key {
			kept = append(kept, a)
		}
	}
	n.Attr = kept
}
