package page

import (
	"bytes"
	"sync"

	"golang.org/x/net/html"
)

// The text of a page's <script> and <style> elements can be a large part
// of its bytes, and nothing of segmentation reads it, nor its comments: the parser
// copies them into nodes that segmentation skips. Nor does anything read
// the links, image sources and data-* attributes of its tags, which the
// tokenizer copies too. So treeBound, which scans the page's tokens
// anyway, notes where they lie (rawSkip), and the page is parsed with them
// cut out (cutSpans). The tree is the same but for those nodes and
// attributes: only text the tokenizer reads as an element's raw text is
// cut, the element's start and end tags stay, a comment cut between two
// texts joins them, as segmentation would, and an attribute is cut only
// where the tokenizer reads the rest of its tag as it would have (see
// unreadAttr and rawSkip.attrs).
//
// The scripts the package reads keep their text: JSON-LD, __NEXT_DATA__
// and any other script whose start tag speaks of JSON or names a type
// that is not JavaScript (skippableScript), and React's streaming calls
// (text holding "$R", see revealStreamed). Highlight parses the whole
// page, since its copy keeps the page's style sheets.

// rawSkip collects the spans of raw text, and of attributes, that the
// parser need not read, token by token, as formattingBound scans them.
//
// formattingBound's tokens are the tokenizer's as the parser drives it
// except in svg and math, where it reads a CDATA section as a bogus
// comment, every element as markup, and follows none of the ways out of
// foreign content (see treeBound). So nothing is cut there, no cut holds
// "]]>", which may end a CDATA section the parser reads, and nothing more
// of the page is cut (stopped) once the two reads may part: at a CDATA
// section in foreign content, at an element that ends foreign content for
// the parser (foreignTag), and at a raw text element inside an HTML
// integration point (svg's foreignObject, desc and title, MathML's text
// elements and annotation-xml), whose text the parser reads as raw text.
//
// An inline <svg> that ends as it began, none of these met inside, has
// its content cut whole (svgStart, foreignEnd): segmentation skips svg.
type rawSkip struct {
	spans   []span
	pending byte // 's' after a skippable script's start tag, 'c' after a style's, else 0
	stopped bool
	points  int // integration points open in foreign content
	svgFrom int // where the content of the open outermost <svg> starts, or 0
	// title says a <title> start tag was seen: readHead takes the first
	// one in document order, an svg's own too, which is then not cut.
	title bool
	// names holds the names of the elements open in the current foreign
	// content (svg or math, the outermost one not included), back to
	// back in order, and open where each begins in it: an end tag that
	// names none of them may end foreign content for the parser (see
	// foreignTag). One slice of bytes, so that a start tag costs no
	// allocation.
	names []byte
	open  []int
}

// svgStart notes an outermost <svg> start tag, not self-closing, outside
// <select> (where the parser ignores it), that ends at end.
func (r *rawSkip) svgStart(end int) {
	if !r.stopped {
		r.svgFrom = end
	}
}

// foreignEnd notes the end tag name, starting at b[start], that leaves
// foreign content: the content of the <svg> it ends is cut.
func (r *rawSkip) foreignEnd(b, name []byte, start int) {
	from := r.svgFrom
	r.svgFrom = 0
	if from > 0 && !r.stopped && string(name) == "svg" && start > from {
		r.add(b, from, start)
	}
}

// foreignTag notes the tag name (lower case) of type tt, read in svg or
// math; rawText says that name is one of rawTextTags, whose text the
// tokenizer would read raw outside svg and math.
func (r *rawSkip) foreignTag(tt html.TokenType, name []byte, rawText bool) {
	if tt == html.EndTagToken {
		// The parser ends the open foreign element of that name; failing
		// one, it reads the end tag as HTML, which may end an HTML element
		// outside the svg and the svg with it (<g><svg></g>). Inside an
		// integration point it reads every end tag as HTML, where one that
		// does not name the current element may be ignored
		// (<svg><foreignObject><x></foreignObject></svg> leaves the svg
		// open). So only an end tag of an open element (of the current one
		// inside an integration point), or the outermost svg's or math's
		// own, is followed; any other stops the cutting.
		i := r.lastOpen(name)
		switch {
		case i >= 0 && (r.points == 0 || i == len(r.open)-1):
			r.popTo(i)
		case i < 0 && r.points == 0 && (string(name) == "svg" || string(name) == "math"):
			r.popTo(0)
		default:
			r.stopped = true
		}
		switch {
		case integrationPoint(name):
			r.points = max(r.points-1, 0)
		case r.points == 0 && (string(name) == "p" || string(name) == "br"):
			r.stopped = true // </p> and </br> end foreign content
		case r.points > 0 && (string(name) == "svg" || string(name) == "math"):
			// The parser may ignore it, the integration point being a
			// special element, where the pre-pass leaves svg or math.
			r.stopped = true
		}
		return
	}
	switch {
	case r.points > 0:
		r.stopped = r.stopped || rawText
	case endsForeign(name):
		r.stopped = true
	}
	if integrationPoint(name) && tt == html.StartTagToken {
		r.points++
	}
	if tt == html.StartTagToken && !r.stopped {
		r.open = append(r.open, len(r.names))
		r.names = append(r.names, name...)
		r.stopped = len(r.open) > maxForeignOpen
	}
	if string(name) == "title" {
		if !r.title {
			r.svgFrom = 0
		}
		r.title = true
	}
}

// lastOpen is the index in open of the last open element named name, or -1.
func (r *rawSkip) lastOpen(name []byte) int {
	end := len(r.names)
	for i := len(r.open) - 1; i >= 0; i-- {
		if bytes.Equal(r.names[r.open[i]:end], name) {
			return i
		}
		end = r.open[i]
	}
	return -1
}

// maxForeignOpen bounds rawSkip.open: a page nesting more elements in one
// svg is cut no further from there.
const maxForeignOpen = 256

// integrationPoint reports whether name is an element in whose content
// the parser reads HTML: svg's foreignObject, desc and title, MathML's
// mi, mo, mn, ms, mtext and annotation-xml.
func integrationPoint(name []byte) bool {
	switch string(name) {
	case "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml":
		return true
	}
	return false
}

// endsForeign reports whether a start tag named name ends foreign content
// for the parser (the HTML standard's list for "any other start tag" in
// foreign content; font whatever its attributes).
func endsForeign(name []byte) bool {
	switch string(name) {
	case "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
		"em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
		"listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
		"strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font":
		return true
	}
	return false
}

// follow notes the token b[start:end] of type tt; foreign says that it
// is read in svg or math.
func (r *rawSkip) follow(tt html.TokenType, b []byte, start, end int, foreign bool) {
	if r.stopped {
		return
	}
	if foreign {
		r.pending = 0
		if tt == html.CommentToken && bytes.HasPrefix(b[start:end], []byte("<![CDATA[")) {
			r.stopped = true
		}
		return
	}
	if r.pending != 0 {
		r.token(tt == html.TextToken, b, start, end)
	}
	if tt == html.CommentToken {
		r.comment(b, start, end)
	}
}

// startTag notes the start tag b[start:end] of element rawTag: the raw
// text element whose text is the next token ("" for none).
func (r *rawSkip) startTag(rawTag string, tag []byte) {
	switch rawTag {
	case "title":
		r.title = true
	case "script":
		if skippableScript(tag) {
			r.pending = 's'
		}
	case "style":
		r.pending = 'c'
	}
}

// attrs notes the attributes unread (tagScanner.unread) of a start tag
// named name read in HTML content: they are cut, but for a <link>, whose
// href the head reader reads (the canonical URL), and for a formatting
// element other than <a>, whose attributes the parser compares (it keeps
// at most three alike in its list of active formatting elements, and an
// <a> start tag ends the <a> there before).
func (r *rawSkip) attrs(b, name []byte, unread []span) {
	if r.stopped || string(name) == "link" || string(name) != "a" && formattingIndex(name) >= 0 {
		return
	}
	for _, a := range unread {
		r.add(b, a.start, a.end)
	}
}

// comment notes the comment token b[start:end]: a comment the page wrote
// ("<!--" to "-->") is cut where it follows a tag, white space or nothing,
// so that the bytes around it cannot join into markup ("<" and "A" of
// "<<!---->A") or an entity ("&amp" and ";"), unless it is one of the
// boundaries of React's streaming ("<!--$-->", "<!--/$-->", ...), which
// revealStreamed reads. Bogus comments ("<?...>", "</ >"), which the
// tokenizer reads as comments too, stay.
func (r *rawSkip) comment(b []byte, start, end int) {
	c := b[start:end]
	if !bytes.HasPrefix(c, []byte("<!--")) {
		return
	}
	if start > 0 && b[start-1] != '>' && !isSpace(b[start-1]) {
		return
	}
	if t := c[4:]; bytes.HasPrefix(t, []byte("$")) || bytes.HasPrefix(t, []byte("/$")) {
		return
	}
	r.add(b, start, end)
}

// add cuts b[start:end] unless it holds "]]>", joined to the span before
// when it starts where that one ends.
func (r *rawSkip) add(b []byte, start, end int) {
	if bytes.Contains(b[start:end], []byte("]]>")) {
		return
	}
	if k := len(r.spans) - 1; k >= 0 && r.spans[k].end == start {
		r.spans[k].end = end
		return
	}
	r.spans = append(r.spans, span{start, end})
}

// token notes the token b[start:end] of type text (or another type: then
// the raw text was empty).
func (r *rawSkip) token(text bool, b []byte, start, end int) {
	p := r.pending
	r.pending = 0
	if !text || p == 0 || end <= start {
		return
	}
	if p == 's' && bytes.Contains(b[start:end], []byte("$R")) {
		return
	}
	r.add(b, start, end)
}

// skippableScript reports whether the script whose start tag is tag (as
// written, '<' to '>') holds JavaScript the package never reads: its tag
// does not speak of JSON (application/ld+json, application/json,
// __NEXT_DATA__) and has no type, or a JavaScript one.
func skippableScript(tag []byte) bool {
	var buf [256]byte
	if len(tag) > len(buf) {
		return false
	}
	low := buf[:len(tag)]
	for i, c := range tag {
		low[i] = lowerASCII(c)
	}
	if bytes.Contains(low, []byte("json")) || bytes.Contains(low, []byte("next_data")) {
		return false
	}
	if !bytes.Contains(low, []byte("type")) {
		return true
	}
	return bytes.Contains(low, []byte("javascript")) || bytes.Contains(low, []byte("module")) ||
		bytes.Contains(low, []byte("ecmascript"))
}

// cutBufs are the buffers cutSpans writes into, reused from page to page:
// the parser copies what it keeps, so the buffer is free once the tree is
// built (putCut).
var cutBufs sync.Pool

// cutSpans returns b without the bytes of spans (in order, not
// overlapping), in a buffer from cutBufs; with no spans, b itself.
func cutSpans(b []byte, spans []span) []byte {
	if len(spans) == 0 {
		return b
	}
	cut := 0
	for _, s := range spans {
		cut += s.end - s.start
	}
	var out []byte
	if p, _ := cutBufs.Get().(*[]byte); p != nil {
		out = (*p)[:0]
	}
	if cap(out) < len(b)-cut {
		out = make([]byte, 0, len(b)-cut)
	}
	from := 0
	for _, s := range spans {
		out = append(out, b[from:s.start]...)
		from = s.end
	}
	return append(out, b[from:]...)
}

// putCut gives out, the buffer of cutSpans(b, spans), back to cutBufs,
// unless it is b itself or larger than 8 MiB (left to the collector).
func putCut(out, b []byte) {
	if len(out) == 0 || len(b) > 0 && &out[0] == &b[0] || cap(out) > 8<<20 {
		return
	}
	cutBufs.Put(&out)
}

// popTo closes the open elements from the i-th on.
func (r *rawSkip) popTo(i int) {
	if i < len(r.open) {
		r.names = r.names[:r.open[i]]
		r.open = r.open[:i]
	}
}
