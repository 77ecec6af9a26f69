package features

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped reports the elements that never contribute text.
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Head,
		atom.Title, atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio, atom.Video,
		atom.Select, atom.Textarea, atom.Datalist:
		return true
	}
	return false
}

// inline reports the elements that do not break a block.
func inline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Abbr, atom.Acronym, atom.B, atom.Bdi, atom.Bdo, atom.Big, atom.Cite,
		atom.Code, atom.Data, atom.Del, atom.Dfn, atom.Em, atom.Font, atom.I, atom.Ins, atom.Kbd,
		atom.Label, atom.Mark, atom.Q, atom.S, atom.Samp, atom.Small, atom.Span, atom.Strike,
		atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.Tt, atom.U, atom.Var, atom.Wbr, atom.Nobr,
		atom.Img, atom.Button, atom.Input, atom.Output, atom.Meter, atom.Progress, atom.Ruby,
		atom.Rt, atom.Rp:
		return true
	}
	return false
}

// elemFlags are the Flags an element sets on everything inside it.
func elemFlags(a atom.Atom) Flags {
	switch a {
	case atom.Ul, atom.Ol, atom.Dl, atom.Li, atom.Menu:
		return InList
	case atom.Table:
		return InTable
	case atom.Form:
		return InForm
	case atom.Figure:
		return InFigure
	case atom.Header:
		return InHeader
	case atom.Nav:
		return InNav
	case atom.Aside:
		return InAside
	case atom.Footer:
		return InFooter
	case atom.Article:
		return InArticle
	case atom.Main:
		return InMain
	case atom.Blockquote:
		return InBlockquote
	}
	return 0
}

// roleFlags map ARIA landmark roles to the flags of their elements.
var roleFlags = map[string]Flags{
	"banner": InHeader, "navigation": InNav, "complementary": InAside,
	"contentinfo": InFooter, "article": InArticle, "main": InMain, "menu": InNav,
	"menubar": InNav, "form": InForm, "search": InForm,
}

// frame is an open block-level element during the walk.
type frame struct {
	tag     string
	id      int
	row     int
	table   int // 1 + index in segmenter.tables of the nearest <table>, 0 for none
	depth   int // element ancestors of this element
	flags   Flags
	own     Signal // vocabulary of this element's class and id
	any     Signal // own | all ancestors'
	classes []string

	// What the blocks of this element share (see segmenter.share), made
	// when its first block is flushed.
	shared     bool
	path       []string
	ancestors  []int
	near       []string
	signalNear Signal
}

// segmenter walks a parsed tree once and collects blocks.
type segmenter struct {
	opts   Options
	blocks []Block
	stack  []frame
	depth  int // element depth, inline included
	nextID int

	buf       []byte    // text of the open block
	src       string    // the first text node added to buf: buf may equal it
	words     wordCount // of buf
	space     bool      // a space is pending before the next visible rune
	linkWords int
	links     int  // anchors with words in the open block
	linkStart bool // the open block starts inside an anchor
	inLink    int
	pre       int
	marks     []string
	markCount map[string]int
	err       error

	// Block slices (Path, Ancestors, Classes) are cut from shared chunks,
	// a few allocations per page instead of three per block.
	strChunk []string
	intChunk []int
	// lastPath and lastNear are the last Path and Classes made, for
	// tagPath and nearClasses to reuse.
	lastPath, lastNear []string
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
// order. The page's Blocks slice is its own; the blocks' Path, Ancestors and
// Classes slices share memory with each other (see Block).
func segment(root *html.Node, opts Options) (*Page, error) {
	sc := scratchPool.Get().(*scratch)
	s := &segmenter{opts: opts, blocks: sc.blocks[:0], stack: sc.stack[:0], classValues: sc.classValues, root: root, docText: -1,
		tables: sc.tables[:0], blockTable: sc.blockTable[:0]}
	s.stack = append(s.stack, frame{tag: "#document", id: s.newID(), row: -1})
	s.walk(root)
	s.flush()
	s.markDataTables()
	var blocks []Block
	if s.err == nil && len(s.blocks) > 0 {
		blocks = make([]Block, len(s.blocks))
		copy(blocks, s.blocks)
	}
	sc.keep(s)
	if s.err != nil {
		return nil, s.err
	}
	return &Page{Blocks: blocks, Elements: s.nextID}, nil
}

// scratch is the working memory of segment, kept from page to page: the
// blocks are collected in it and then copied out once, at their final
// length, instead of growing (and being copied) while the page is walked.
type scratch struct {
	blocks      []Block
	stack       []frame
	classValues map[string]classValue
	tables      []tableFacts
	blockTable  []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Above these sizes, scratch memory is left to the collector rather than
// kept for the next page.
const (
	maxScratchBlocks = 1 << 14
	maxScratchStack  = 1 << 10
	maxScratchTokens = 1 << 12
)

// keep drops the references the segmenter's working memory holds to its
// page and returns it to the pool.
func (sc *scratch) keep(s *segmenter) {
	clear(s.blocks)
	clear(s.stack[:cap(s.stack)])
	sc.blocks, sc.stack, sc.classValues = nil, nil, nil
	if cap(s.blocks) <= maxScratchBlocks {
		sc.blocks = s.blocks[:0]
	}
	sc.tables, sc.blockTable = nil, nil
	if cap(s.tables) <= maxScratchBlocks {
		sc.tables = s.tables[:0]
	}
	if cap(s.blockTable) <= maxScratchBlocks {
		sc.blockTable = s.blockTable[:0]
	}
	if cap(s.stack) <= maxScratchStack {
		sc.stack = s.stack[:0]
	}
	if len(s.classValues) <= maxScratchTokens {
		clear(s.classValues)
		sc.classValues = s.classValues
	}
	scratchPool.Put(sc)
}

func (s *segmenter) newID() int {
	s.nextID++
	return s.nextID - 1
}

func (s *segmenter) walk(n *html.Node) {
	for c := n.FirstChild; c != nil && s.err == nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if s.onText != nil && (s.pre > 0 || hasVisible(c.Data)) {
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
	if n.DataAtom == atom.Br || n.DataAtom == atom.Hr {
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
	} else {
		s.flush()
		s.push(n)
		if n.DataAtom == atom.Pre {
			s.pre++
		}
		s.walk(n)
		s.flush()
		if n.DataAtom == atom.Pre {
			s.pre--
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
	f := frame{tag: n.Data, id: s.newID(), row: parent.row, depth: s.depth - 1, flags: parent.flags | elemFlags(n.DataAtom)}
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
	s.countTable(n, &f, role)
	s.stack = append(s.stack, f)
}

// classValue is what segmentation needs of the value of a class or id
// attribute.
type classValue struct {
	tokens []string // the tokens, as strings.Fields splits the value, lower-cased
	sig    Signal   // the vocabularies of the tokens (classSignal)
}

// classAttr returns the classValue of the attribute value v, remembered for
// the page: pages repeat their class values. The tokens slice is shared by
// every element with the value and must not be modified.
func (s *segmenter) classAttr(v string) classValue {
	if c, ok := s.classValues[v]; ok {
		return c
	}
	if s.classValues == nil {
		s.classValues = map[string]classValue{}
	}
	n := 0
	for rest := v; ; n++ {
		var tok string
		if tok, rest = nextField(rest); tok == "" {
			break
		}
	}
	var c classValue
	if n > 0 {
		c.tokens = s.strSlice(n)[:0]
		for rest := v; ; {
			var tok string
			if tok, rest = nextField(rest); tok == "" {
				break
			}
			c.sig |= classSignal(tok)
			c.tokens = append(c.tokens, strings.ToLower(tok))
		}
	}
	s.classValues[v] = c
	return c
}

// nextField returns the first field of v, as strings.Fields splits it,
// and the rest of v after it; tok is "" when v has no more fields.
func nextField(v string) (tok, rest string) {
	i := 0
	for i < len(v) {
		c := v[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(v[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
			continue
		}
		if asciiSpace[c] == 0 {
			break
		}
		i++
	}
	j := i
	for j < len(v) {
		c := v[j]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(v[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
			continue
		}
		if asciiSpace[c] != 0 {
			break
		}
		j++
	}
	return v[i:j], v[j:]
}

// asciiSpace are the ASCII bytes unicode.IsSpace accepts, as strings.Fields uses them.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

func (s *segmenter) pushMark(n *html.Node) bool {
	if s.opts.MarkPrefix == "" {
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			if strings.HasPrefix(tok, s.opts.MarkPrefix) {
				s.marks = append(s.marks, tok)
				return true
			}
		}
	}
	return false
}

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
func hidden(n *html.Node) visibility {
	by := shown
	closedDialog := n.DataAtom == atom.Dialog
	for i := range n.Attr {
		a := &n.Attr[i]
		switch a.Key {
		case "hidden":
			return hiddenByMarkup
		case "open":
			closedDialog = false
		case "role":
			if a.Val == "dialog" || a.Val == "alertdialog" {
				by = probablyHidden
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
			if hiddenClass(a.Val) {
				by = probablyHidden
			}
		case "style":
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "display") || strings.Contains(v, "visibility") {
				v = strings.Join(strings.Fields(v), "")
				if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
					return hiddenByMarkup
				}
			}
		}
	}
	if closedDialog {
		return hiddenByMarkup
	}
	return by
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

// text appends a text node to the open block, collapsing white space
// (outside <pre>) and counting words inside links.
func (s *segmenter) text(t string) {
	if len(s.buf) == 0 {
		s.src = t
	}
	if s.pre > 0 {
		s.buf = append(s.buf, t...)
		s.words.feed(t)
		s.countMarked(t)
		if s.inLink > 0 {
			s.linkWords += countWords(t)
		}
		return
	}
	if s.inLink > 0 && len(s.buf) == 0 && hasVisible(t) {
		s.linkStart = true
	}
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] == classSpace {
				s.space = true
				i++
				continue
			}
			// Copy the run of visible ASCII at once, noting whether it
			// has a letter or digit.
			class := asciiClass[c]
			j := i + 1
			for j < len(t) && t[j] < utf8.RuneSelf && asciiClass[t[j]] != classSpace {
				class |= asciiClass[t[j]]
				j++
			}
			s.spaceBefore()
			s.buf = append(s.buf, t[i:j]...)
			s.words.visible(class&classAlnum != 0)
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		i += n
		if isSpace(r) {
			s.space = true
			continue
		}
		s.spaceBefore()
		s.buf = utf8.AppendRune(s.buf, r)
		s.words.rune(r)
	}
	s.countMarked(t)
	if s.inLink > 0 {
		s.linkWords += countWords(t)
	}
}

// spaceBefore writes the pending space, if any, before visible text is
// added to the open block: white space only separates visible text.
func (s *segmenter) spaceBefore() {
	if s.space && len(s.buf) > 0 {
		s.buf = append(s.buf, ' ')
		s.words.space()
	}
	s.space = false
}

func (s *segmenter) countMarked(t string) {
	if s.opts.MarkPrefix == "" {
		return
	}
	if s.markCount == nil {
		s.markCount = map[string]int{}
	}
	key := ""
	if len(s.marks) > 0 {
		key = s.marks[len(s.marks)-1]
	}
	for _, r := range t {
		if !isSpace(r) {
			s.markCount[key]++
		}
	}
}

// flush closes the open block, if it has any visible text.
func (s *segmenter) flush() {
	// A block of one text node that needed no white space collapsed, a
	// common case, has that node's text: no copy is made.
	text := s.src
	if string(s.buf) != text {
		text = string(s.buf)
	}
	s.src = ""
	linkWords, marks, links, linkStart, words := s.linkWords, s.markCount, s.links, s.linkStart, s.words.total()
	s.buf = s.buf[:0]
	s.space, s.linkWords, s.markCount, s.links, s.linkStart, s.words = false, 0, nil, 0, false, wordCount{}
	if s.pre > 0 {
		text = strings.TrimRight(strings.TrimLeft(text, "\r\n"), " \t\r\n")
		if strings.TrimSpace(text) == "" {
			return
		}
	} else if text == "" {
		return
	}
	if len(s.blocks) >= s.opts.maxBlocks() {
		s.err = fmt.Errorf("%w: more than %d", ErrTooManyBlocks, s.opts.maxBlocks())
		return
	}
	top := &s.stack[len(s.stack)-1]
	b := Block{
		Text:      text,
		Words:     words,
		Tag:       top.tag,
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
	if !top.shared {
		s.share(top)
	}
	b.Path, b.Ancestors, b.Classes, b.SignalNear = top.path, top.ancestors, top.near, top.signalNear
	b.Kind, b.Level = kindOf(top.tag, top.row, s.pre > 0)
	s.blocks = append(s.blocks, b)
	s.blockTable = append(s.blockTable, int32(top.table))
}

// share fills the slices that every block of the top frame f has in
// common: Path, Ancestors, Classes and SignalNear depend only on the open
// block-level elements, which do not change while f is open. The blocks of
// one element share them, so they are made once per element that holds text.
func (s *segmenter) share(f *frame) {
	f.path = s.tagPath()
	f.ancestors = s.intSlice(len(s.stack) - 1)
	for i, g := range s.stack[1:] {
		f.ancestors[i] = g.id
	}
	classes := 0
	for i := len(s.stack) - 1; i >= 1 && i >= len(s.stack)-3; i-- {
		f.signalNear |= s.stack[i].own
		classes += len(s.stack[i].classes)
	}
	if classes > 0 {
		f.near = s.nearClasses(classes)
	}
	f.shared = true
}

// tagPath returns the tag names of the open block-level elements (Path).
// Consecutive blocks mostly sit under the same tags (sibling paragraphs,
// list items), so the last path made is reused when it is equal.
func (s *segmenter) tagPath() []string {
	open := s.stack[1:]
	if s.lastPath != nil && len(s.lastPath) == len(open) {
		i := 0
		for i < len(open) && open[i].tag == s.lastPath[i] {
			i++
		}
		if i == len(open) {
			return s.lastPath
		}
	}
	path := s.strSlice(len(open))
	for i, g := range open {
		path[i] = g.tag
	}
	s.lastPath = path
	return path
}

// nearClasses returns the class and id tokens of the top three frames,
// nearest first (Classes); n is their number, at least 1. As tagPath does,
// it reuses the last such list made when it is equal.
func (s *segmenter) nearClasses(n int) []string {
	near := s.stack[max(1, len(s.stack)-3):]
	if len(s.lastNear) == n {
		rest := s.lastNear
		equal := true
		for i := len(near) - 1; i >= 0 && equal; i-- {
			c := near[i].classes
			equal = slices.Equal(c, rest[:len(c)])
			rest = rest[len(c):]
		}
		if equal {
			return s.lastNear
		}
	}
	list := s.strSlice(n)[:0]
	for i := len(near) - 1; i >= 0; i-- {
		list = append(list, near[i].classes...)
	}
	s.lastNear = list
	return list
}

// Block slices are cut from chunks that start at minChunk values and
// double, up to maxChunk, as a page uses them: a small page does not pay
// for a large chunk it leaves mostly empty.
const (
	minChunk = 64
	maxChunk = 1024
)

// strSlice returns a new slice of n strings, with capacity n, cut from a
// shared chunk.
func (s *segmenter) strSlice(n int) []string {
	return cut(&s.strChunk, n)
}

// intSlice is strSlice for ints.
func (s *segmenter) intSlice(n int) []int {
	return cut(&s.intChunk, n)
}

// cut returns a new slice of n values, with capacity n, from the end of
// *chunk, which it replaces with a new chunk when it has no room.
func cut[T any](chunk *[]T, n int) []T {
	c := *chunk
	if len(c)+n > cap(c) || c == nil {
		c = make([]T, 0, max(n, min(2*cap(c), maxChunk), minChunk))
	}
	l := len(c)
	*chunk = c[:l+n]
	return c[l : l+n : l+n]
}

func kindOf(tag string, row int, pre bool) (Kind, int) {
	switch {
	case pre:
		return KindPre, 0
	case len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6':
		return KindHeading, int(tag[1] - '0')
	}
	switch tag {
	case "p":
		return KindParagraph, 0
	case "li", "dt", "dd":
		return KindListItem, 0
	case "td", "th":
		if row >= 0 {
			return KindTableCell, 0
		}
	case "blockquote":
		return KindQuote, 0
	case "figcaption", "caption":
		return KindCaption, 0
	}
	return KindText, 0
}

// isSpace reports white space, including the no-break space that pages use
// for layout and the zero-width space and stray byte order marks that
// render as nothing.
func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v' || r == 0xa0 ||
		(r > 0x7f && (unicode.IsSpace(r) || r == 0x200b || r == 0xfeff))
}

// hasVisible reports whether s has a rune that is not white space: whether
// normalizeSpace(s) is not empty.
func hasVisible(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return true
		}
	}
	return false
}

// normalizeSpace collapses runs of white space into one space and trims.
func normalizeSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// countWords counts the words of s: runs of non-space characters that
// contain a letter or digit. Scripts written without spaces (Han, kana)
// count one word per two characters, near the mean word length of Chinese.
func countWords(s string) int {
	var w wordCount
	w.feed(s)
	return w.total()
}

// wordCount counts words as countWords does, over text given to it in
// pieces: by feed, or, by a caller that classifies the text itself, by
// space, visible and cjk.
type wordCount struct {
	words, cjk    int
	inWord, alnum bool // in a word; it has a letter or digit
}

// space ends the word being read, if any.
func (w *wordCount) space() {
	if w.inWord && w.alnum {
		w.words++
	}
	w.inWord, w.alnum = false, false
}

// visible adds characters, none of them white space or Han or kana, that
// include a letter or digit if alnum.
func (w *wordCount) visible(alnum bool) {
	w.inWord = true
	w.alnum = w.alnum || alnum
}

// rune adds the non-ASCII, non-space rune r.
func (w *wordCount) rune(r rune) {
	if r >= 0x2e80 && isCJK(r) {
		w.cjk++
	} else {
		w.visible(unicode.IsLetter(r) || unicode.IsDigit(r))
	}
}

// feed adds the text s.
func (w *wordCount) feed(s string) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch asciiClass[c] {
			case classSpace:
				w.space()
			case classAlnum:
				w.visible(true)
			default:
				w.visible(false)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isSpace(r) {
			w.space()
		} else {
			w.rune(r)
		}
	}
}

// total is the number of words in the text so far.
func (w *wordCount) total() int {
	n := w.words
	if w.inWord && w.alnum {
		n++
	}
	return n + (w.cjk+1)/2
}

// ASCII byte classes for the fast paths of text and countWords: white
// space as isSpace has it, letters and digits, and the rest.
const (
	classOther = iota
	classSpace
	classAlnum
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch r := rune(c); {
		case isSpace(r):
			t[c] = classSpace
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			t[c] = classAlnum
		}
	}
	return t
}()

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}
