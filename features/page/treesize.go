package page

import (
	"bytes"
	"fmt"

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
	if n, over := treeBound(decoded, limit, skip); over {
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
// by tagScanner without allocating. The parser drives the tokenizer in
// two ways: it switches raw text elements to markup (noscript, and any
// element inside svg and math, which treeBound follows without their
// integration points), and it reads CDATA sections in svg and math,
// which treeBound reads as bogus comments, as the tokenizer does by
// default. treeBound allocates only as fmtModel follows open elements.
//
// With skip not nil, it also notes in skip the raw text the parser need
// not read (see rawSkip).
func treeBound(b []byte, limit int, skip *rawSkip) (int, bool) {
	n, over := markupBound(b, limit)
	if over {
		return n, true
	}
	return formattingBound(b, n, limit, skip)
}

// markupBound returns the first part of treeBound, and whether it is
// above limit: the five nodes every document has, two per '<' that
// starts markup and more before table cells, rows and cols.
func markupBound(b []byte, limit int) (int, bool) {
	n := 5 // the document, html, head, body and a first text node
	for i := bytes.IndexByte(b, '<'); i >= 0; {
		if i+1 < len(b) && startsMarkup(b[i+1]) {
			n += 2
			if c := b[i+1] | 0x20; c == 't' || c == 'c' { // td, th, tr, col in any case
				n += implied(b[i+1:])
			}
			if n > limit {
				return n, true
			}
		}
		j := bytes.IndexByte(b[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n, false
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
		// An attribute costs about half a node.
		n += (attrs+s.attrs)/2 - attrs/2
		attrs += s.attrs
		if tt == html.EndTagToken {
			n += m.end(name, k) + min(m.nlive, maxClones)
			if skip != nil && m.foreign == 0 {
				skip.foreignEnd(b, name, s.start)
			}
		} else {
			n += 2 * min(m.nlive, maxClones)
			if string(name) == "noscript" || m.foreign > 0 {
				// The parser reads <noscript> as markup (scripting is
				// off), and no element holds raw text in svg and math.
				s.notRawText()
			}
			if skip != nil && s.rawTag != "" {
				skip.startTag(s.rawTag, b[s.start:s.end])
			}
			var tag []byte // a formatting start tag as written
			if k >= 0 {
				tag = b[s.start:s.end]
			}
			if skip != nil && m.foreign == 0 && m.selects == 0 && tt == html.StartTagToken && string(name) == "svg" {
				skip.svgStart(s.end)
			}
			m.start(name, k, tt == html.SelfClosingTagToken, tag)
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

// start follows the start tag of name (formattingNames[k], or k < 0),
// written as tag (for formatting elements).
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
