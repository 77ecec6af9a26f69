package page

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/winnow-dev/winnow/internal/text"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// frame is an open block-level element during the walk.
type frame struct {
	tag   string
	id    int
	row   int
	table int // 1 + index in segmenter.tables of the nearest <table>, 0 for none
	depth int // element ancestors of this element
	// items is, for an <ol>, the number its next <li> gets; item is, for
	// an <li> of an <ol>, its number (Block.Item).
	items, item int
	flags       Flags
	own         Signal // vocabulary of this element's class and id
	any         Signal // own | all ancestors'
	classes     []string
}

// segmenter walks a parsed tree once and collects blocks.
type segmenter struct {
	opts   Options
	ctx    context.Context
	steps  int // nodes walked, for checking ctx every ctxEvery
	blocks []Block
	stack  []frame
	depth  int // element depth, inline included
	// elements are the block-level elements numbered so far (Page.Elements).
	elements []Element

	buf       []byte         // text of the open block
	src       string         // the first text node added to buf: buf may equal it
	words     text.WordCount // of buf
	space     bool           // a space is pending before the next visible rune
	linkWords int
	links     int  // anchors with words in the open block
	linkStart bool // the open block starts inside an anchor
	inLink    int
	pre       int
	preLines  bool // inside a <pre> that is a listing of lines (preListing)
	marks     []string
	markCount map[string]int
	err       error

	// strChunk is where the tokens of elements having both a class and an
	// id are joined (see cut).
	strChunk []string
	// classValues caches classAttr.
	classValues map[string]classValue

	// onText, if set, is told of every visible text node and the index of
	// the block its text goes to.
	onText func(n *html.Node, block int)
	// root is the tree being segmented. docText is its text length
	// (subtreeText), -1 until wrapsMostText needs it; walkBudget is how
	// many more nodes wrapsMostText may visit.
	root                *html.Node
	docText, walkBudget int

	// tables are the page's tables, in the order of their start tags;
	// blockTable has the frame.table of each block (see table.go).
	tables     []tableFacts
	blockTable []int32
}

// segment splits the tree under root into the page's blocks, in document
// order. It is the one place a segmenter is made, so Parse and Highlight
// number the same blocks: onText, if not nil, is told of every visible text
// node and the index of the block its text goes to. The page's Blocks and
// Elements slices are its own; the elements' Classes share memory with
// each other (see Element).
func segment(root *html.Node, opts Options, onText func(n *html.Node, block int)) (*Page, error) {
	return segmentContext(context.Background(), root, opts, onText)
}

// ctxEvery is how many nodes segmentation walks between checks of its
// context.
const ctxEvery = 1024

// segmentContext is segment that stops, with an error wrapping
// ctx.Err(), when ctx is done: it checks ctx every ctxEvery nodes.
func segmentContext(ctx context.Context, root *html.Node, opts Options, onText func(n *html.Node, block int)) (*Page, error) {
	sc := scratchPool.Get().(*scratch)
	s := &segmenter{
		opts:        opts,
		ctx:         ctx,
		blocks:      sc.blocks[:0],
		stack:       sc.stack[:0],
		classValues: sc.classValues,
		onText:      onText,
		root:        root,
		docText:     -1,
		tables:      sc.tables[:0],
		blockTable:  sc.blockTable[:0],
	}
	s.elements = append(sc.elements[:0], Element{Tag: "#document", Parent: -1})
	s.stack = append(s.stack, frame{tag: "#document", id: 0, row: -1})
	s.walk(root)
	s.flush()
	s.markDataTables()
	var blocks []Block
	switch {
	case s.err != nil || len(s.blocks) == 0:
	case cap(s.blocks) > maxScratchBlocks:
		// Too large to be kept for the next page: the page takes it.
		blocks, s.blocks = s.blocks[:len(s.blocks):len(s.blocks)], nil
	default:
		blocks = make([]Block, len(s.blocks))
		copy(blocks, s.blocks)
	}
	var elements []Element
	switch {
	case s.err != nil:
	case cap(s.elements) > maxScratchBlocks:
		elements, s.elements = s.elements[:len(s.elements):len(s.elements)], nil
	default:
		elements = make([]Element, len(s.elements))
		copy(elements, s.elements)
	}
	sc.keep(s)
	if s.err != nil {
		return nil, s.err
	}
	return &Page{Blocks: blocks, Elements: elements}, nil
}

func (s *segmenter) walk(n *html.Node) {
	for c := n.FirstChild; c != nil && s.err == nil; c = c.NextSibling {
		if s.steps++; s.steps%ctxEvery == 0 {
			if err := s.ctx.Err(); err != nil {
				s.err = fmt.Errorf("segment: %w", err)
				return
			}
		}
		switch c.Type {
		case html.TextNode:
			if s.onText != nil && (s.pre > 0 || text.HasVisible(c.Data)) {
				s.onText(c, len(s.blocks))
			}
			s.text(c.Data)
		case html.ElementNode:
			s.element(c)
		case html.DocumentNode:
			s.walk(c)
		}
	}
}

func (s *segmenter) element(n *html.Node) {
	s.countControl(n.DataAtom)
	if skipped(n.DataAtom) {
		return
	}
	switch hidden(n) {
	case hiddenByMarkup:
		return
	case probablyHidden:
		if !s.wrapsMostText(n) {
			return
		}
	}
	if n.DataAtom == atom.Img && s.inLink == 0 && picture(n) {
		if top := &s.stack[len(s.stack)-1]; top.any&SigComment == 0 {
			s.elements[top.id].Images++
		}
	}
	if n.DataAtom == atom.Br || n.DataAtom == atom.Hr {
		if s.preLines {
			s.preLine()
			return
		}
		s.flush()
		return
	}
	mark := s.pushMark(n)
	s.depth++
	if inline(n.DataAtom) || (n.DataAtom == 0 && n.Namespace == "") {
		// Unknown elements (custom tags) are treated as inline, as browsers do.
		before := s.linkWords
		if n.DataAtom == atom.A {
			s.inLink++
		}
		s.walk(n)
		if n.DataAtom == atom.A {
			s.inLink--
			if s.inLink == 0 && s.linkWords > before {
				s.links++
			}
		}
	} else if s.preLines {
		// A line of a listing: the <pre> stays one block.
		s.preLine()
		s.walk(n)
		s.preLine()
	} else {
		s.flush()
		s.push(n)
		if n.DataAtom == atom.Pre {
			if s.pre == 0 {
				s.preLines = preListing(n)
			}
			s.pre++
		}
		s.walk(n)
		s.flush()
		if n.DataAtom == atom.Pre {
			s.pre--
			s.preLines = false
		}
		s.stack = s.stack[:len(s.stack)-1]
	}
	s.depth--
	if mark {
		s.marks = s.marks[:len(s.marks)-1]
	}
}

// push opens a block-level element.
func (s *segmenter) push(n *html.Node) {
	parent := s.stack[len(s.stack)-1]
	f := frame{tag: n.Data, id: len(s.elements), row: parent.row, depth: s.depth - 1, flags: parent.flags | elemFlags(n.DataAtom)}
	if n.DataAtom == atom.Tr {
		f.row = f.id
	}
	var role string
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			c := s.classAttr(a.Val)
			f.own |= c.sig
			switch {
			case len(f.classes) == 0:
				f.classes = c.tokens
			case len(c.tokens) > 0:
				both := s.strSlice(len(f.classes) + len(c.tokens))
				copy(both[copy(both, f.classes):], c.tokens)
				f.classes = both
			}
		case "role":
			role = strings.ToLower(strings.TrimSpace(a.Val))
			f.flags |= roleFlags[role]
		}
	}
	f.any = parent.any | f.own
	f.table = parent.table
	switch n.DataAtom {
	case atom.Ol:
		f.items = listNumber(n, "start", 1)
	case atom.Li:
		if p := &s.stack[len(s.stack)-1]; p.tag == "ol" {
			f.item = listNumber(n, "value", p.items)
			p.items = f.item + 1
		}
	}
	s.countTable(n, &f, role)
	s.elements = append(s.elements, Element{Tag: f.tag, Parent: parent.id, Depth: len(s.stack), Classes: f.classes})
	s.stack = append(s.stack, f)
}

// flush closes the open block, if it has any visible text.
func (s *segmenter) flush() {
	// A block of one text node that needed no white space collapsed, a
	// common case, has that node's text: no copy is made.
	txt := s.src
	if string(s.buf) != txt {
		txt = string(s.buf)
	}
	s.src = ""
	linkWords, marks, links, linkStart, words := s.linkWords, s.markCount, s.links, s.linkStart, s.words.Total()
	s.buf = s.buf[:0]
	s.space, s.linkWords, s.markCount, s.links, s.linkStart, s.words = false, 0, nil, 0, false, text.WordCount{}
	if s.pre > 0 {
		txt = strings.TrimRight(strings.TrimLeft(txt, "\r\n"), " \t\r\n")
	}
	if !text.HasPrintable(txt) {
		return // empty, or only white space, zero-width and direction marks
	}
	if len(s.blocks) >= s.opts.maxBlocks() {
		s.err = fmt.Errorf("%w: more than %d", ErrTooManyBlocks, s.opts.maxBlocks())
		return
	}
	top := &s.stack[len(s.stack)-1]
	b := Block{
		Text:      txt,
		Words:     words,
		Tag:       top.tag,
		Element:   top.id,
		Depth:     top.depth,
		Index:     len(s.blocks),
		Row:       top.row,
		Container: -1,
		Flags:     top.flags,
		SignalAny: top.any,
		Marks:     marks,
	}
	b.LinkWords = min(linkWords, b.Words)
	b.Links, b.StartsWithLink = links, linkStart
	if b.Words > 0 && b.LinkWords == b.Words {
		b.Flags |= InLink
	}
	if len(s.stack) >= 2 {
		b.Container = s.stack[len(s.stack)-2].id
	}
	for i := len(s.stack) - 1; i >= 1 && i >= len(s.stack)-3; i-- {
		b.SignalNear |= s.stack[i].own
	}
	b.Kind, b.Level = kindOf(top.tag, top.row, s.pre > 0)
	b.Item = top.item
	s.blocks = append(s.blocks, b)
	s.blockTable = append(s.blockTable, int32(top.table))
}

// listNumber is n's attribute key read as an item number (an <ol>'s
// start, an <li>'s value), or def when it is absent or not a number.
func listNumber(n *html.Node, key string, def int) int {
	v, ok := attr(n, key)
	if !ok {
		return def
	}
	i, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || i < -1_000_000 || i > 1_000_000 {
		return def
	}
	return i
}
