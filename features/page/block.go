package page

// Page is a parsed, segmented HTML page.
type Page struct {
	// Title is the text of the document's <title>.
	Title string
	// OGTitle is the content of <meta property="og:title">, if any.
	OGTitle string
	// Lang is the lang attribute of <html>, if any.
	Lang string
	// Meta is what the page's markup says about the page: head metadata,
	// JSON-LD, and the body's author and time marks (see Meta).
	Meta Meta
	// Encoding is the name of the character encoding the page was read as.
	Encoding string
	// Blocks are the page's text blocks in document order.
	Blocks []Block
	// Elements are the block-level elements numbered during segmentation,
	// indexed by number: every Block.Container and Block.Element is below
	// len(Elements). Element 0 is the document itself.
	Elements []Element
}

// Element is a block-level element of the page (or, as element 0, the
// document). Elements are numbered in document order of their start tags,
// so an element's number is above its parent's and the elements inside it
// follow it without a gap: element e encloses exactly the elements
// e+1, e+2, ... up to the first one whose Depth is not above e's.
type Element struct {
	// Tag is the element's tag name ("#document" for element 0).
	Tag string
	// Parent is the number of the nearest enclosing block-level element:
	// 0 (the document) for the outermost ones, -1 for the document.
	Parent int
	// Depth is the number of block-level elements from the outermost one
	// down to this one, itself included: the length of its Path; 0 for
	// the document.
	Depth int
	// Classes are the element's own lower-cased class and id tokens. They
	// may share memory with other elements' and must not be modified.
	Classes []string
	// Images is the number of pictures shown in the element outside any
	// block-level element inside it, outside links and outside reader
	// comments (SigComment): visible <img> elements that declare the size
	// of a photograph (MinPictureWidth, MinPictureHeight).
	Images int
}

// Kind is what a block is, for rendering it back with structure.
type Kind uint8

// Block kinds.
const (
	KindText      Kind = iota // a generic block (div, section, td without table row, ...)
	KindParagraph             // p
	KindHeading               // h1-h6; Block.Level holds the level
	KindListItem              // li, dt, dd
	KindTableCell             // td, th inside a table row; Block.Row identifies the row
	KindPre                   // pre: Text keeps its whitespace
	KindQuote                 // blockquote
	KindCaption               // figcaption, caption
)

var kindNames = [...]string{"text", "paragraph", "heading", "listitem", "tablecell", "pre", "quote", "caption"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Flags record which kinds of element enclose a block.
type Flags uint32

// Enclosing-element flags. The semantic ones (header, nav, aside, footer,
// main, article) are also set by the equivalent ARIA role.
const (
	InList Flags = 1 << iota
	InTable
	InForm
	InFigure
	InHeader
	InNav
	InAside
	InFooter
	InArticle
	InMain
	InLink // every word of the block is inside a link
	InBlockquote
	InDataTable // the nearest enclosing <table> holds data, not layout (see isDataTable)
)

// Signal is a bit set of class/id vocabularies seen on enclosing elements.
type Signal uint32

// Class and id vocabularies. The boilerplate ones follow the negative
// patterns of Readability.js and boilerpipe's class/id heuristics; the
// content one their positive patterns.
const (
	SigNav        Signal = 1 << iota // nav, menu, navbar, navigation
	SigHeaderFoot                    // header, footer, masthead, copyright
	SigShare                         // share, social, sharing, follow
	SigRelated                       // related, promo, recommend, more, teaser, trending, popular
	SigComment                       // comment, comments, disqus, reply
	SigSidebar                       // sidebar, widget, aside, rail
	SigAd                            // ad, ads, advert, banner, sponsor
	SigCookie                        // cookie, consent, newsletter, subscribe, signup, modal, popup
	SigBreadcrumb                    // breadcrumb, tag, tags, meta, byline
	SigContent                       // article, content, story, body, post, entry, text, main
	SigSideColumn                    // sidebar, aside: SigSidebar without widget (page builders') and rail (some sites' main column)
	numSignals    = iota
)

// Block is one run of visible text and the DOM facts features need. It is
// filled once by segmentation; feature functions only read it. The
// block-level elements around it are in Page.Elements, shared by every
// block they enclose (Element, Container, and Page.Path, Page.Ancestors
// and Page.Classes): a block costs the same memory at any nesting depth.
type Block struct {
	// Text is the block's text, entity-decoded and whitespace-normalised
	// (runs of white space become one space). For KindPre it keeps its
	// line breaks and indentation.
	Text string
	// Words is the number of words in Text; LinkWords how many of them are inside <a>.
	Words, LinkWords int
	// Links is the number of <a> elements with words in the block;
	// StartsWithLink says whether its first word is inside one.
	Links          int
	StartsWithLink bool
	// Tag is the block-level element that holds the text (p, li, h2, td, div, ...).
	Tag string
	// Depth is the number of element ancestors of Tag, inline ones included.
	Depth int
	// Index is the block's position in Page.Blocks.
	Index int
	// Kind and Level describe the block for rendering: Level is the heading level 1-6.
	Kind  Kind
	Level int
	// Row identifies the table row (<tr>) holding the block, or -1.
	Row int
	// Item is, for the text of an <li> of an ordered list (<ol>), the
	// number the browser shows for it (from the list's start and the
	// items' value attributes); 0 for any other block. An item numbered 0
	// by its page reads as unnumbered.
	Item int
	// Element is the number (in Page.Elements) of the block-level element
	// that holds the text, whose tag is Tag. Container is the number of its
	// parent element; blocks with the same Container are siblings in one
	// container.
	Element, Container int
	// Flags say which kinds of element enclose the block.
	Flags Flags
	// SignalNear is the class/id vocabulary of the block element and its two
	// nearest block-level ancestors (Page.Classes); SignalAny that of all
	// its ancestors.
	SignalNear, SignalAny Signal
	// Marks counts the non-space characters of Text under each marking class
	// (see Options.MarkPrefix); "" counts unmarked characters. Nil unless asked for.
	Marks map[string]int
}
