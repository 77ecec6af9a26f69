package page

import (
	"bytes"
	"fmt"
	"slices"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Default limits on the parsed tree, used where Options leaves MaxNodes
// at zero.
const (
	// DefaultMaxNodes is the most nodes (elements, text, comments) the
	// tree of a page may have, as treeBound counts them, whatever the
	// page's size.
	DefaultMaxNodes = 2_000_000
	// MinNodeBudget and NodesPerByte bound the tree of a page of n
	// (decoded) bytes to MinNodeBudget + NodesPerByte×n nodes, so that a
	// small page cannot grow a large tree either. Of the 10,305 pages of
	// the shared labelled sets, none counts more than 0.41 nodes per byte
	// (docs/limits.md).
	MinNodeBudget = 50_000
	NodesPerByte  = 1
)

func (o Options) maxNodes(n int) int {
	limit := DefaultMaxNodes
	if o.MaxNodes > 0 {
		limit = o.MaxNodes
	}
	return min(limit, MinNodeBudget+NodesPerByte*n)
}

// checkTreeSize refuses, before the tree is built, a decoded page whose
// tree could have more than opts.maxNodes nodes (see treeBound), with an
// error wrapping ErrTooLarge.
func checkTreeSize(decoded []byte, opts Options, skip *rawSkip) error {
	limit := opts.maxNodes(len(decoded))
	n, over, unsure := boundTree(decoded, limit, skip)
	switch {
	case unsure:
		return fmt.Errorf("%w: its svg and math leave too many ways to read it open (more than %d at once, or nested too deep to follow)", ErrTooLarge, maxReadings)
	case over:
		return fmt.Errorf("%w: its tree would have more than %d nodes (at least %d)", ErrTooLarge, limit, n)
	}
	return nil
}

// treeBound returns an upper bound on the nodes html.Parse makes of the
// UTF-8 page b, and whether it is above limit, in which case it stops
// counting there. The bound has three parts:
//
//   - Every element, text and comment node the parser makes from the
//     page's own markup comes with a '<' starting a tag, an end tag or a
//     comment (an end tag makes at most one element: </p> and </br> do),
//     and so do the elements it implies (html, head and body once; tbody
//     and tr before a cell, tbody before a row, colgroup before a col):
//     two nodes per such '<', and two more for <td and <th, one more for
//     <tr and <col, bound them, whatever the tokenizer makes of the bytes
//     between.
//   - Misnested formatting elements (<b>, <a>, <font>, ...) are cloned
//     by the parser each time a block reopens them ("reconstruct the
//     active formatting elements"), up to 511 clones for one character:
//     <b id=1>...<b id=500> followed by many <div>x</div> makes some 40
//     nodes per input byte. Elements can only be reopened after a tag
//     closed them, so treeBound charges every start tag twice, and every
//     end tag once, the number of formatting elements that may still be
//     in the parser's list after it (see fmtModel), and every formatting
//     end tag 32 more nodes when another element was started inside it
//     and not ended (the adoption agency algorithm runs at most 8 times
//     with 4 clones).
//   - Attributes are not nodes but cost memory as nodes do: every two
//     attributes the tokenizer keeps (a repeated key once) count as a
//     node.
//
// The second and third parts follow the tokens of html.Tokenizer, made
// by tagScanner without allocating, as the parser drives it: where the
// page has an svg, math, template or frameset start tag, over every way
// the parser may read it (readingsBound: a CDATA section as text or as a
// bogus comment, a raw text element's text raw or as markup, wherever
// treeBound cannot tell which the parser does), and the bound is the most
// any of them counts; a page that leaves more than maxReadings ways open
// at once is over the limit. treeBound allocates only as fmtModel follows
// open elements and readingsBound forks readings.
//
// With skip not nil, it also notes in skip the raw text the parser need
// not read (see rawSkip).
func treeBound(b []byte, limit int, skip *rawSkip) (int, bool) {
	n, over, _ := boundTree(b, limit, skip)
	return n, over
}

// boundTree is treeBound, and reports unsure where it is over the limit
// because readingsBound is.
func boundTree(b []byte, limit int, skip *rawSkip) (n int, over, unsure bool) {
	n, over, part := markupBound(b, limit)
	if over {
		return n, true, false
	}
	first := n
	if n, over = formattingBound(b, first, limit, skip); over || !part {
		return n, over, false
	}
	m, over, unsure := readingsBound(b, first, limit)
	return max(n, m), over, unsure
}

// mayPart reports whether the markup t, after a '<', is a start tag of
// svg, math, template or frameset (any case): only after one may the
// parser drive the tokenizer otherwise than formattingBound reads.
func mayPart(t []byte) bool {
	switch t[0] | 0x20 {
	case 's':
		return hasPrefixFold(t, "svg")
	case 'm':
		return hasPrefixFold(t, "math")
	case 't':
		return hasPrefixFold(t, "template")
	case 'f':
		return hasPrefixFold(t, "frameset")
	}
	return false
}

// markupBound returns the first part of treeBound, and whether it is
// above limit: the five nodes every document has, two per '<' that
// starts markup and more before table cells, rows and cols. part reports
// whether the page holds markup for which mayPart holds (as far as it
// read: it stops when over).
func markupBound(b []byte, limit int) (n int, over, part bool) {
	n = 5 // the document, html, head, body and a first text node
	for i := bytes.IndexByte(b, '<'); i >= 0; {
		if i+1 < len(b) && startsMarkup(b[i+1]) {
			n += 2
			if c := b[i+1] | 0x20; c == 't' || c == 'c' { // td, th, tr, col in any case
				n += implied(b[i+1:])
			}
			if n > limit {
				return n, true, part
			}
			part = part || mayPart(b[i+1:])
		}
		j := bytes.IndexByte(b[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n, false, part
}

// startsMarkup reports whether c, after '<', makes a tag, an end tag, a
// comment, a doctype or a bogus comment for the tokenizer.
func startsMarkup(c byte) bool {
	return c == '/' || c == '!' || c == '?' || isLetter(c)
}

// implied is the number of elements the parser may imply before the
// start tag that b starts with, after its '<': tbody and tr before a
// table cell, tbody before a row, colgroup before a col.
func implied(b []byte) int {
	var name [4]byte
	end := 0
	for end < len(b) && end < len(name) && isLetter(b[end]) {
		name[end] = lowerASCII(b[end])
		end++
	}
	switch string(name[:end]) {
	case "td", "th":
		return 2
	case "tr", "col":
		return 1
	}
	return 0
}

func isLetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// formattingNames are the formatting elements of the HTML standard: the
// ones the parser keeps in its list of active formatting elements.
var formattingNames = [...]string{"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}

// formattingIndex is the index of name in formattingNames, or -1.
func formattingIndex(name []byte) int {
	switch string(name) {
	case "a":
		return 0
	case "b":
		return 1
	case "big":
		return 2
	case "code":
		return 3
	case "em":
		return 4
	case "font":
		return 5
	case "i":
		return 6
	case "nobr":
		return 7
	case "s":
		return 8
	case "small":
		return 9
	case "strike":
		return 10
	case "strong":
		return 11
	case "tt":
		return 12
	case "u":
		return 13
	}
	return -1
}

// maxClones is the most elements one reconstruction can clone: they go
// on the stack of open elements, which the parser caps at 512.
const maxClones = 512

// formattingBound adds to n, the nodes counted so far, the second and
// third parts of treeBound, for formatting elements and attributes, and
// reports whether the sum is above limit, where it stops counting; with
// skip not nil, it notes the raw text the parser need not read there.
func formattingBound(b []byte, n, limit int, skip *rawSkip) (int, bool) {
	var m fmtModel
	s := newTagScanner(b)
	s.findUnread = skip != nil
	var buf [maxName]byte
	attrs := 0 // attributes so far
	for {
		tt := s.next()
		if tt == html.ErrorToken {
			return n, false
		}
		if skip != nil {
			skip.follow(tt, b, s.start, s.end, m.foreign > 0)
		}
		m.position++
		if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name := s.lowerName(&buf)
		if skip != nil && m.foreign == 0 && len(s.unread) > 0 {
			skip.attrs(b, name, s.unread)
		}
		if skip != nil && m.foreign > 0 {
			// s.rawTag is still the scanner's own: notRawText comes below.
			skip.foreignTag(tt, name, s.rawTag != "")
		}
		k := formattingIndex(name)
		n += attrNodes(&attrs, s.attrs)
		if tt == html.EndTagToken {
			n += m.endNodes(name, k)
			if skip != nil && m.foreign == 0 {
				skip.foreignEnd(b, name, s.start)
			}
		} else {
			if string(name) == "noscript" || m.foreign > 0 {
				// The parser reads <noscript> as markup (scripting is
				// off), and no element holds raw text in svg and math.
				s.notRawText()
			}
			if skip != nil && s.rawTag != "" {
				skip.startTag(s.rawTag, b[s.start:s.end])
			}
			if skip != nil && m.foreign == 0 && m.selects == 0 && tt == html.StartTagToken && string(name) == "svg" {
				skip.svgStart(s.end)
			}
			n += m.startNodes(name, k, tt == html.SelfClosingTagToken, b[s.start:s.end])
		}
		if n > limit {
			return n, true
		}
	}
}

// fmtModel follows, token by token, the formatting elements that may be
// in the parser's list of active formatting elements. It may count some
// that the parser has dropped, never fewer than the parser keeps: it drops
// one only where the parser surely does.
type fmtModel struct {
	position int                                    // of the current token
	live     [len(formattingNames)][]openFormatting // by name, oldest first
	nlive    int                                    // sum of len(live[k])
	barriers []barrier                              // barrier elements started and not yet ended
	foreign  int                                    // svg and math elements among barriers
	selects  int                                    // select elements among barriers
	elems    int                                    // start tags of other elements without their end tags yet
}

// openFormatting is a formatting element that may be open: the position
// of its start tag among the tokens, fmtModel.elems when it started, and
// the start tag as written.
type openFormatting struct {
	pos, elemsAt int
	tag          []byte // in the page
}

// barrier is an element started at position pos after which the parser
// may ignore a formatting element's end tag (see barrierTag); marker
// says the parser surely put a marker in the list of active formatting
// elements for it, so that ending it ends the formatting elements
// started inside it.
type barrier struct {
	name   atom.Atom
	pos    int
	marker bool
}

// top is the position of the latest open barrier, or -1.
func (m *fmtModel) top() int {
	if len(m.barriers) == 0 {
		return -1
	}
	return m.barriers[len(m.barriers)-1].pos
}

// topIs reports whether the latest open barrier is named one of names.
func (m *fmtModel) topIs(names ...atom.Atom) bool {
	if len(m.barriers) == 0 {
		return false
	}
	t := m.barriers[len(m.barriers)-1].name
	for _, n := range names {
		if t == n {
			return true
		}
	}
	return false
}

// topMarker reports whether the latest open barrier is a marker.
func (m *fmtModel) topMarker() bool {
	return len(m.barriers) > 0 && m.barriers[len(m.barriers)-1].marker
}

// attrNodes adds add attributes to *attrs, the attributes read so far,
// and returns the nodes they count: about half a node each.
func attrNodes(attrs *int, add int) int {
	n := (*attrs+add)/2 - *attrs/2
	*attrs += add
	return n
}

// startNodes follows the start tag of name as start does, and returns the
// nodes it may add to markupBound's count: two for each live formatting
// element the parser may clone around it (at most maxClones).
func (m *fmtModel) startNodes(name []byte, k int, selfClosing bool, tag []byte) int {
	n := 2 * min(m.nlive, maxClones)
	m.start(name, k, selfClosing, tag)
	return n
}

// endNodes follows the end tag of name as end does, and returns the nodes
// end counts and one for each formatting element still live after it (at
// most maxClones).
func (m *fmtModel) endNodes(name []byte, k int) int {
	return m.end(name, k) + min(m.nlive, maxClones)
}

// start follows the start tag of name (formattingNames[k], or k < 0),
// written as tag (kept for formatting elements only).
func (m *fmtModel) start(name []byte, k int, selfClosing bool, tag []byte) {
	switch {
	case k >= 0:
		if drop := replaced(m.live[k], k, tag, m.top()); drop >= 0 {
			m.live[k] = append(m.live[k][:drop], m.live[k][drop+1:]...)
			m.nlive--
		}
		m.live[k] = append(m.live[k], openFormatting{m.position, m.elems, tag})
		m.nlive++
	case barrierTag(name):
		nm := atom.Lookup(name)
		if selfClosing && (nm == atom.Svg || nm == atom.Math) {
			return // a foreign element honours />
		}
		// A new cell or row closes the open cell (and row), as the parser
		// does in a table.
		switch nm {
		case atom.Td, atom.Th:
			if m.topIs(atom.Td, atom.Th) && m.topMarker() {
				m.pop(len(m.barriers) - 1)
			}
		case atom.Tr:
			if m.topIs(atom.Td, atom.Th) && m.topMarker() {
				m.pop(len(m.barriers) - 1)
			}
			if m.topIs(atom.Tr) {
				m.pop(len(m.barriers) - 1)
			}
		}
		b := barrier{name: nm, pos: m.position}
		if m.selects == 0 && m.foreign == 0 {
			switch nm {
			case atom.Td, atom.Th:
				b.marker = m.topIs(atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Table)
			case atom.Caption:
				b.marker = m.topIs(atom.Table)
			case atom.Applet, atom.Marquee, atom.Object, atom.Template:
				b.marker = true
			}
		}
		m.barriers = append(m.barriers, b)
		switch nm {
		case atom.Svg, atom.Math:
			m.foreign++
		case atom.Select:
			m.selects++
		}
	case !selfClosing && !voidTag(name):
		m.elems++
	}
}

// end follows the end tag of name (formattingNames[k], or k < 0) and
// returns the nodes it may make.
func (m *fmtModel) end(name []byte, k int) int {
	switch {
	case k >= 0:
		l := len(m.live[k])
		if l == 0 {
			return 0
		}
		o := m.live[k][l-1]
		if o.pos > m.top() {
			m.live[k] = m.live[k][:l-1]
			m.nlive--
		}
		if m.elems > o.elemsAt {
			return 32
		}
	case barrierTag(name):
		// The end tag ends the latest barrier of its name if it is the
		// latest barrier, or if only parts of a table it ends come after.
		nm := atom.Lookup(name)
		for i := len(m.barriers) - 1; i >= 0; i-- {
			if m.barriers[i].name == nm {
				m.pop(i)
				break
			}
			if !endsInside(nm, m.barriers[i].name) {
				break
			}
		}
	case !voidTag(name):
		m.elems = max(m.elems-1, 0)
	}
	return 0
}

// endsInside reports whether the end tag of a table part (table, a row
// group, a row) also ends an open inner part named inner.
func endsInside(end, inner atom.Atom) bool {
	switch end {
	case atom.Table:
		switch inner {
		case atom.Caption, atom.Colgroup, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th:
			return true
		}
	case atom.Tbody, atom.Thead, atom.Tfoot:
		return inner == atom.Tr || inner == atom.Td || inner == atom.Th
	case atom.Tr:
		return inner == atom.Td || inner == atom.Th
	}
	return false
}

// pop ends the barriers from the i-th on. Where one of them is a marker,
// the formatting elements started after it are dropped.
func (m *fmtModel) pop(i int) {
	for _, b := range m.barriers[i:] {
		switch b.name {
		case atom.Svg, atom.Math:
			m.foreign--
		case atom.Select:
			m.selects--
		}
	}
	for _, b := range m.barriers[i:] {
		if b.marker {
			m.dropAfter(b.pos)
			break
		}
	}
	m.barriers = m.barriers[:i]
}

// dropAfter drops the formatting elements started after position pos.
func (m *fmtModel) dropAfter(pos int) {
	for k := range m.live {
		l := len(m.live[k])
		for l > 0 && m.live[k][l-1].pos > pos {
			l--
		}
		m.nlive -= len(m.live[k]) - l
		m.live[k] = m.live[k][:l]
	}
}

// noahWindow is how many of the latest formatting elements of one name
// replaced looks at for identical ones.
const noahWindow = 64

// replaced returns the index in open, the formatting elements named
// formattingNames[k] that may be open, oldest first, of the one the
// parser drops when the start tag tag opens another, or -1. A new <a>
// ends the one before it, and of four identical ones (the same start tag,
// attributes included) only the latest three are kept; both apply only
// to those started since the latest barrier that is still open (at
// position top), and replaced looks only at the latest noahWindow.
func replaced(open []openFormatting, k int, tag []byte, top int) int {
	identical, earliest := 0, -1
	for i := len(open) - 1; i >= 0 && i >= len(open)-noahWindow; i-- {
		if open[i].pos < top {
			break
		}
		if formattingNames[k] == "a" {
			return i
		}
		if bytes.Equal(open[i].tag, tag) {
			identical++
			earliest = i
		}
	}
	if identical >= 3 {
		return earliest
	}
	return -1
}

// barrierTag reports the start tags after which the parser may ignore a
// formatting element's end tag (out of scope, behind a marker, in select
// or foreign content) or read raw text as markup.
func barrierTag(name []byte) bool {
	switch string(name) {
	case "table", "caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th",
		"applet", "marquee", "object", "template", "select", "svg", "math", "frameset", "noscript":
		return true
	}
	return false
}

// voidTag reports the elements that have no end tag.
func voidTag(name []byte) bool {
	switch string(name) {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
		"param", "source", "track", "wbr", "image":
		return true
	}
	return false
}

// The parser drives the tokenizer in two ways that depend on where it is
// in the tree: it reads a CDATA section (<![CDATA[ to ]]>) as text where
// the current node is an svg or MathML element, and as a bogus comment (to
// the first '>') elsewhere; and after the start tag of a raw text element
// (script, style, title, noscript, ...) it reads the element's text as
// markup where it inserts the element in svg or MathML, or ignores a
// <noscript>'s start tag (in a frameset, or in a template's column group),
// and as raw text elsewhere. Where the two reads part, a quoted attribute
// value in one can hide tags the other reads, so a bound over one read
// alone does not bound the parser's. readingsBound follows every read the
// parser may take: a reading follows the parser's state as far as it is
// sure of it (foreignState) and, at a CDATA section or a raw text element
// where it is not, forks into two readings, one for each way; readings
// that come to the same state (the same next token, tokenizer state,
// foreignState and fmtModel) are joined.

// maxReadings is the most readings readingsBound follows at once: a page
// whose svg and math leave more ways to read it open is refused.
const maxReadings = 16

// forkWorkPerByte bounds the work of readingsBound beyond reading tokens:
// a fork copies its reading's stacks (reading.size), and two readings at
// the same place in the page compare theirs; a page on which these would
// cost more than this many stack entries per byte in all is refused as
// unsure, so that bounding a page costs time in proportion to its size
// rather than to its size times its nesting (see forkWorkFloor).
const forkWorkPerByte = 8

// forkWorkFloor is work readingsBound allows any page besides
// forkWorkPerByte per byte, so that a small page is never refused for it.
const forkWorkFloor = 1 << 16

// cdataOpen starts a CDATA section.
const cdataOpen = "<![CDATA["

// readingsBound adds to n, the nodes counted by markupBound, the second
// and third parts of treeBound as formattingBound counts them, over every
// read of the page the parser may take (see above): the most any of them
// counts. It reports whether that is above limit, where it stops, and
// unsure when more than maxReadings reads were open at once, or when its
// forks would cost more than forkWorkPerByte per byte of b, in which
// cases over is true too.
func readingsBound(b []byte, n, limit int) (bound int, over, unsure bool) {
	bound, over, unsure, _ = readingsBoundWork(b, n, limit)
	return bound, over, unsure
}

// readingsBoundWork is readingsBound, and returns the work its forks cost
// (see forkWorkPerByte) as far as it went.
func readingsBoundWork(b []byte, n, limit int) (bound int, over, unsure bool, work int) {
	reads := []*reading{{s: newTagScanner(b), n: n}}
	bound = n
	budget := forkWorkPerByte*len(b) + forkWorkFloor
	for len(reads) > 0 {
		i := 0 // the reading whose next token starts first
		for j := 1; j < len(reads); j++ {
			if reads[j].s.end < reads[i].s.end {
				i = j
			}
		}
		r := reads[i]
		tt, fork := r.step(b)
		bound = max(bound, r.n)
		if r.n > limit {
			return r.n, true, false, work
		}
		if tt == html.ErrorToken {
			reads = slices.Delete(reads, i, i+1)
			continue
		}
		if fork != nil {
			if len(reads) == maxReadings {
				return bound, true, true, work
			}
			reads = append(reads, fork)
			if work += fork.size() * len(reads); work > budget {
				return bound, true, true, work
			}
		}
		for j, o := range reads {
			if j == i || o.s.end != r.s.end {
				continue
			}
			if work += r.size(); work > budget {
				return bound, true, true, work
			}
			if o.sameState(r) {
				o.join(r)
				reads = slices.Delete(reads, i, i+1)
				break
			}
		}
	}
	return bound, false, false, work
}

// reading is one read of the page: the tokenizer's state (s, and cdata),
// the parser's as far as it follows it (f, m) and what it counts so far.
type reading struct {
	s     tagScanner
	m     fmtModel
	f     foreignState
	n     int  // nodes counted
	attrs int  // attributes so far: only its parity counts from here on
	cdata bool // the next token is a CDATA section read as text
}

// size is the number of entries of r's stacks, what cloning r copies and
// comparing it with another reading in the same place may compare.
func (r *reading) size() int {
	return 1 + len(r.m.barriers) + r.m.nlive + len(r.f.names) + len(r.f.open)
}

// clone returns a copy of r that shares nothing it changes with r.
func (r *reading) clone() *reading {
	c := *r
	c.s.keys.table = nil // scratch, per tag
	c.s.unread = nil
	for k := range c.m.live {
		c.m.live[k] = slices.Clone(r.m.live[k])
	}
	c.m.barriers = slices.Clone(r.m.barriers)
	c.f.names = slices.Clone(r.f.names)
	c.f.open = slices.Clone(r.f.open)
	return &c
}

// sameState reports whether r and o will read and count the rest of the
// page alike.
func (r *reading) sameState(o *reading) bool {
	return r.s.end == o.s.end && r.s.rawTag == o.s.rawTag && r.s.done == o.s.done &&
		r.cdata == o.cdata && r.f.equal(&o.f) && r.m.equal(&o.m)
}

// join makes r count at least what o, in the same state, counts.
func (r *reading) join(o *reading) {
	r.n = max(r.n, o.n)
	r.attrs = max(r.attrs%2, o.attrs%2)
}

// step reads and counts the next token, of type tt (html.ErrorToken at the
// end of the page). Where the parser may read on in two ways, r takes one
// and fork, a new reading, the other.
func (r *reading) step(b []byte) (tt html.TokenType, fork *reading) {
	s, m := &r.s, &r.m
	if !r.cdata && !s.done && s.rawTag == "" && bytes.HasPrefix(b[s.end:], []byte(cdataOpen)) {
		switch r.f.cdata() {
		case yes:
			r.cdata = true
		case maybe:
			fork = r.clone()
			fork.cdata = true
		}
	}
	if r.cdata {
		r.cdata = false
		tt = s.cdataSection()
	} else {
		tt = s.next()
	}
	if tt == html.ErrorToken {
		return tt, fork
	}
	m.position = s.start
	switch tt {
	case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
	default:
		return tt, fork
	}
	var buf [maxName]byte
	name := s.lowerName(&buf)
	k := formattingIndex(name)
	r.n += attrNodes(&r.attrs, s.attrs)
	if tt == html.EndTagToken {
		r.n += m.endNodes(name, k)
		if r.f.endTag(name) {
			fork = r.clone()
			fork.f.kind = inHTML
			fork.f.names, fork.f.open = fork.f.names[:0], fork.f.open[:0]
		}
		return tt, fork
	}
	selfClosing := tt == html.SelfClosingTagToken
	how, inserted := r.f.startTag(name, selfClosing)
	raw := yes // whether the parser reads the element's text raw
	switch {
	case how == asForeign:
		raw = no
	case how == unknown:
		raw = maybe
	case string(name) == "noscript" && r.f.ignores:
		raw = maybe
	case string(name) == "noscript":
		raw = no
	}
	r.n += m.startNodes(name, k, selfClosing, b[s.start:s.end])
	switch {
	case s.rawTag != "" && raw == no:
		s.notRawText()
	case s.rawTag != "" && raw == maybe:
		fork = r.clone()
		fork.s.notRawText()
	case inserted:
		// The parser may have ignored the svg or math start tag, or not.
		fork = r.clone()
		fork.f.enter(name)
	}
	return tt, fork
}

// cdataSection reads the token at s.end, which starts with cdataOpen, as
// html.Tokenizer does with AllowCDATA(true): a text token up to the first
// "]]>" after cdataOpen, included, or to the end of the page.
func (s *tagScanner) cdataSection() html.TokenType {
	s.start, s.attrs = s.end, 0
	from := s.start + len(cdataOpen)
	if i := bytes.Index(s.b[from:], []byte("]]>")); i >= 0 {
		s.end = from + i + len("]]>")
	} else {
		s.end, s.done = len(s.b), true
	}
	return html.TextToken
}

// tristate is yes, no, or maybe.
type tristate uint8

const (
	no tristate = iota
	yes
	maybe
)

// The ways the parser may take a start tag (foreignState.startTag).
const (
	asHTML    = iota // by its insertion mode
	asForeign        // as an element of the current svg or math
	unknown          // either
)

// foreignState follows, as far as it is sure of it, whether the parser's
// current node is an svg or MathML element (foreign content), which
// decides how the parser drives the tokenizer. Its kind is
//
//   - inHTML: no svg or MathML element is open;
//   - inForeign: the elements open above the HTML ones are exactly those
//     named in names (back to back, each starting at its open index), all
//     of the namespace of the first (svg, or MathML if math), which an
//     <svg> or <math> start tag read in HTML content opened;
//   - unsure: anything.
//
// It leaves inForeign for inHTML only where the parser surely closes all
// those elements (their outermost one's end tag, a start tag that breaks
// out of foreign content); wherever the parser may read a token by its
// insertion mode inside them (a start tag or text in an integration point,
// an end tag that names none of them), or the names compare in a way
// the parser may not (non-ASCII bytes), it becomes unsure for the rest of
// the page.
type foreignState struct {
	kind  uint8
	math  bool
	names []byte
	open  []int
	// ignores says a template or frameset start tag was read: the parser
	// may be in a frameset or a template's column group, where it ignores
	// <svg>, <math> and <noscript> (whose text it then reads raw).
	ignores bool
}

// The kinds of foreignState.
const (
	inHTML = iota
	inForeign
	unsure
)

// maxForeignDepth bounds foreignState.open: deeper, it is unsure (the
// parser refuses more than 512 open elements).
const maxForeignDepth = 512

func (f *foreignState) equal(o *foreignState) bool {
	return f.kind == o.kind && f.math == o.math && f.ignores == o.ignores &&
		bytes.Equal(f.names, o.names) && slices.Equal(f.open, o.open)
}

// cdata reports whether the parser reads a CDATA section as text.
func (f *foreignState) cdata() tristate {
	switch f.kind {
	case inHTML:
		return no
	case inForeign:
		return yes
	}
	return maybe
}

// enter opens the svg or math element name in HTML content.
func (f *foreignState) enter(name []byte) {
	f.kind, f.math = inForeign, string(name) == "math"
	f.names, f.open = append(f.names[:0], name...), append(f.open[:0], 0)
}

// top is the name of the current node (kind inForeign).
func (f *foreignState) top() []byte { return f.names[f.open[len(f.open)-1]:] }

// startTag follows a start tag named name and returns how the parser
// takes it; inserted says that an <svg> or <math> start tag read in HTML
// content may or may not open foreign content (see ignores): f takes it
// as ignored, enter as opened.
func (f *foreignState) startTag(name []byte, selfClosing bool) (how int, inserted bool) {
	if string(name) == "template" || string(name) == "frameset" {
		f.ignores = true
	}
	switch f.kind {
	case inHTML:
		if (string(name) == "svg" || string(name) == "math") && !selfClosing {
			if f.ignores {
				return asHTML, true
			}
			f.enter(name)
		}
		return asHTML, false
	case unsure:
		return unknown, false
	}
	top := f.top()
	switch {
	case f.htmlPoint(top), f.math && mathTextPoint(top) && string(name) != "mglyph" && string(name) != "malignmark":
		// The insertion mode takes it, and may open HTML elements.
		f.kind = unsure
		return asHTML, false
	case f.math && string(top) == "annotation-xml", string(name) == "font":
		// An HTML integration point or not, by its encoding; a <font>
		// breaks out of foreign content or not, by its attributes.
		f.kind = unsure
		return unknown, false
	case breaksOut(name):
		// The parser closes the foreign elements up to an integration
		// point, or all of them, and takes the tag as HTML.
		for i, start := range f.open {
			end := len(f.names)
			if i+1 < len(f.open) {
				end = f.open[i+1]
			}
			if f.mayBePoint(f.names[start:end]) {
				f.kind = unsure
				return asHTML, false
			}
		}
		f.kind = inHTML
		return asHTML, false
	}
	if !selfClosing {
		if len(f.open) == maxForeignDepth {
			f.kind = unsure
		} else {
			f.open = append(f.open, len(f.names))
			f.names = append(f.names, name...)
		}
	}
	return asForeign, false
}

// endTag follows an end tag named name: in foreign content the parser
// closes the latest open foreign element of that name, or, failing one,
// takes the end tag by its insertion mode, which either leaves the foreign
// elements open or closes them all, unless one of them is special to it
// (an integration point, or named as an element it closes by name alone:
// see insertionModeName); then f is unsure. mayClose says the parser may
// have closed them all or left them: f takes them as left.
func (f *foreignState) endTag(name []byte) (mayClose bool) {
	if f.kind != inForeign {
		return false
	}
	if !plainName(name) {
		f.kind = unsure
		return false
	}
	end := len(f.names)
	for i := len(f.open) - 1; i >= 0; i-- {
		open := f.names[f.open[i]:end]
		if !plainName(open) {
			f.kind = unsure
			return false
		}
		if equalFold(open, name) {
			if i == 0 {
				f.kind = inHTML
			}
			f.names, f.open = f.names[:f.open[i]], f.open[:i]
			return false
		}
		end = f.open[i]
	}
	for i, start := range f.open {
		end := len(f.names)
		if i+1 < len(f.open) {
			end = f.open[i+1]
		}
		if open := f.names[start:end]; f.mayBePoint(open) || insertionModeName(open) {
			f.kind = unsure
			return false
		}
	}
	return true
}

// insertionModeName reports the names of elements that the insertion
// modes may close, below the current node, by their name alone, whatever
// their namespace, and the integration points of either namespace.
func insertionModeName(name []byte) bool {
	switch string(name) {
	case "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc", // generateImpliedEndTags
		"html", "table", "tbody", "tfoot", "thead", "tr", "template", // clearStackToContext
		"colgroup", "frameset", "select", "caption", "td", "th",
		"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml":
		return true
	}
	return false
}

// htmlPoint reports whether the open element name is an HTML integration
// point whatever its attributes: svg's foreignObject, desc and title.
func (f *foreignState) htmlPoint(name []byte) bool {
	if f.math {
		return false
	}
	switch string(name) {
	case "foreignobject", "desc", "title":
		return true
	}
	return false
}

// mayBePoint reports whether the open element name may be an integration
// point of either kind.
func (f *foreignState) mayBePoint(name []byte) bool {
	return f.htmlPoint(name) || f.math && (mathTextPoint(name) || string(name) == "annotation-xml") || !plainName(name)
}

// mathTextPoint reports whether the MathML element name is a text
// integration point.
func mathTextPoint(name []byte) bool {
	switch string(name) {
	case "mi", "mo", "mn", "ms", "mtext":
		return true
	}
	return false
}

// plainName reports whether the tag name name is ASCII without NUL (which
// the tokenizer makes U+FFFD), so that equalFold compares it with another
// as the parser does (strings.EqualFold).
func plainName(name []byte) bool {
	for _, c := range name {
		if c == 0 || c >= 0x80 {
			return false
		}
	}
	return true
}

// breaksOut reports whether a start tag named name closes foreign content
// whatever its attributes: endsForeign's names but font, which breaks out
// only with a color, face or size attribute.
func breaksOut(name []byte) bool {
	return string(name) != "font" && endsForeign(name)
}

// equal reports whether m and o will count the rest of a read alike.
func (m *fmtModel) equal(o *fmtModel) bool {
	if m.nlive != o.nlive || m.foreign != o.foreign || m.selects != o.selects || m.elems != o.elems ||
		!slices.Equal(m.barriers, o.barriers) {
		return false
	}
	for k := range m.live {
		a, b := m.live[k], o.live[k]
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i].pos != b[i].pos || a[i].elemsAt != b[i].elemsAt {
				return false
			}
		}
	}
	return true
}
