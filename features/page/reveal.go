package page

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// reveal rewrites the tree parsed from decoded (with scripting off) where
// it hides text that a browser shows, and returns the tree to segment:
//
//   - a <noscript> holding most of the page's text (see noscriptHolder)
//     either swallowed the page, as `<noscript><div></noscript>` or
//     `<noscript><iframe/></noscript>` do when parsed with scripting off,
//     or holds the page's one readable copy of its content (the crawler
//     view of a single-page application). decoded is parsed again with
//     scripting on, as browsers parse it; if that tree shows at least
//     half as much text as the first one would with the <noscript>
//     replaced by its children, it is the page's tree (the page was
//     swallowed), otherwise the <noscript> is replaced by its children;
//   - React's streamed segments (see revealStreamed) are moved to where
//     the page's scripts move them;
//   - the JSON-LD article's articleBody is added when the visible text
//     holds none of it (see addScriptBody); on a page that shows next
//     to no text (see isShell) and says it is an article (see
//     declaresArticle), the prose of the Next.js page data (see
//     nextDataBody) is, in the same way.
//
// A tree it changed is checked against maxDepth, since moving segments
// can nest elements deeper. Pages without these patterns are returned as
// they are. One walk over the tree (revealCandidates) tells which steps
// can apply; only those look for their markers in decoded.
func reveal(ctx context.Context, root *html.Node, decoded []byte, maxDepth int) (*html.Node, error) {
	changed := false
	has := revealCandidates(root)
	if has.noscript {
		if ns := noscriptHolder(root); ns != nil {
			again, err := parseScripting(ctx, decoded)
			if err != nil {
				return nil, err
			}
			// Unwrapped, ns shows its text beside the page's.
			if 2*visibleText(again) >= visibleText(root)+visibleText(ns) {
				root = again
				has = revealCandidates(root)
			} else {
				replaceByChildren(ns)
			}
			changed = true
		}
	}
	if has.segment && bytes.Contains(decoded, []byte(streamedMarker)) {
		changed = revealStreamed(root) || changed
	}
	added := false
	if has.articleBody || has.escapedJSONLD && bytes.Contains(decoded, []byte(articleBodyKey)) {
		added = addScriptBody(root, jsonLDArticleBody(root))
	}
	if !added && has.nextData && bytes.Contains(decoded, []byte(nextDataID)) && isShell(root) && declaresArticle(root) {
		added = addScriptBody(root, nextDataBody(root))
	}
	changed = changed || added
	if changed {
		if err := checkDepth(root, maxDepth); err != nil {
			return nil, err
		}
	}
	return root, nil
}

// candidates says which of the elements that reveal rewrites a tree has.
// Each step of reveal that finds none of its elements leaves the tree as
// it is, so reveal skips it, and its check of the page's bytes, where
// revealCandidates finds none.
//
// The JSON-LD body is looked for where the page's bytes hold
// articleBodyKey. A JSON-LD article with an articleBody has the key in
// its script's text, and so in the page's bytes, unless the key is
// written with \u escapes. So where a JSON-LD script's text holds the key
// (articleBody), the page's bytes do; where none does and none has a \u
// escape, no JSON-LD article has a body; only in between are the page's
// bytes searched (escapedJSONLD).
type candidates struct {
	noscript      bool // a <noscript> (noscriptHolder)
	segment       bool // a <div hidden> with a streamed segment's id (revealStreamed)
	articleBody   bool // a JSON-LD <script> whose text holds articleBodyKey
	escapedJSONLD bool // a JSON-LD <script> whose text may hold the key escaped
	nextData      bool // a <script id="__NEXT_DATA__"> (nextDataBody)
}

// articleBodyKey is the key of the JSON-LD article body, quoted as JSON
// writes it.
const articleBodyKey = `"articleBody"`

// revealCandidates walks the whole tree under root once and reports the
// candidates it holds.
func revealCandidates(root *html.Node) candidates {
	var has candidates
	for n := root; n != nil; n = nextNode(n, root) {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Noscript:
			has.noscript = true
		case atom.Div:
			if id, ok := attr(n, "id"); ok && streamedID(id, 'S') {
				_, hidden := attr(n, "hidden")
				has.segment = has.segment || hidden
			}
		case atom.Script:
			if t, _ := attr(n, "type"); isJSONLD(t) {
				has.scanJSONLD(n)
			}
			if id, _ := attr(n, "id"); id == nextDataID {
				has.nextData = true
			}
		}
	}
	return has
}

// scanJSONLD notes what the text of the JSON-LD script n says of its
// articleBody (see candidates).
func (has *candidates) scanJSONLD(n *html.Node) {
	t := n.FirstChild
	if t == nil {
		return
	}
	if t.Type != html.TextNode || t.NextSibling != nil {
		has.escapedJSONLD = true // not one text: search the bytes
		return
	}
	switch {
	case strings.Contains(t.Data, articleBodyKey):
		has.articleBody = true
	case strings.Contains(t.Data, `\u`):
		has.escapedJSONLD = true
	}
}

// parseScripting parses decoded as a browser with scripting does:
// <noscript> holds raw text.
func parseScripting(ctx context.Context, decoded []byte) (*html.Node, error) {
	root, err := html.ParseWithOptions(ctxReader{ctx, bytes.NewReader(decoded)}, html.ParseOptionEnableScripting(true))
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements") {
			return nil, fmt.Errorf("%w: more than %d nested elements (%v)", ErrTooDeep, parserMaxDepth, err)
		}
		return nil, fmt.Errorf("parse html with scripting: %w", err)
	}
	return root, nil
}

// noscriptHolder returns the outermost <noscript> under <body> whose
// subtree holds at least half of the text of the document (allText), or
// nil when there is none. The document's text is measured only when a
// <noscript> holds at least minNoscriptText bytes of text.
func noscriptHolder(root *html.Node) *html.Node {
	var best *html.Node
	bestText := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode && c.Type != html.DocumentNode {
				continue
			}
			switch c.DataAtom {
			case atom.Noscript:
				if t := allText(c); t > bestText {
					best, bestText = c, t
				}
			case atom.Head, atom.Script, atom.Style, atom.Template:
			default:
				walk(c)
			}
		}
	}
	walk(root)
	if bestText < minNoscriptText || 2*bestText < allText(root) {
		return nil
	}
	return best
}

// minNoscriptText is the least text, in bytes, of a <noscript> that
// noscriptHolder considers: a tracking pixel's or a "please enable
// JavaScript" line is less.
const minNoscriptText = 200

// allText is the length of the text under n, raw text included (the text
// of an <iframe> parsed with scripting off, which may be markup it
// swallowed), outside <script>, <style> and <template>. Space between
// tags is not counted.
func allText(n *html.Node) int {
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			total += len(strings.TrimSpace(c.Data))
		case html.ElementNode, html.DocumentNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template:
			default:
				total += allText(c)
			}
		}
	}
	return total
}

// visibleText is the length of the text under n that segmentation can
// reach: outside the elements that never give text (skipped).
func visibleText(n *html.Node) int {
	t, _ := subtreeText(n)
	return t
}

// replaceByChildren replaces n by its children.
func replaceByChildren(n *html.Node) {
	p := n.Parent
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
		p.InsertBefore(c, n)
	}
	p.RemoveChild(n)
}
