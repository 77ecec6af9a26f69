package page

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// parseString parses an HTML fragment or page with default options.
func parseString(t *testing.T, s string) *Page {
	t.Helper()
	p, err := ParseBytes([]byte(s), Options{})
	if err != nil {
		t.Fatalf("ParseBytes(%.60q): %v", s, err)
	}
	return p
}

// texts returns the text of every block.
func texts(p *Page) []string {
	out := make([]string, len(p.Blocks))
	for i, b := range p.Blocks {
		out[i] = b.Text
	}
	return out
}

func TestSegmentTexts(t *testing.T) {
	tests := []struct {
		name, reason, html string
		want               []string
	}{
		{
			name:   "inline elements join",
			reason: "a, b, i, em, strong, span, code, small, sup, sub, abbr and time are inline and must not break a block",
			html: `<p>one <a href="#">two</a> <b>three</b> <i>four</i> <em>five</em> <strong>six</strong>
				<span>seven</span> <code>eight</code> <small>nine</small> x<sup>2</sup> H<sub>2</sub>O
				<abbr title="ten">X</abbr> <time>today</time></p>`,
			want: []string{"one two three four five six seven eight nine x2 H2O X today"},
		},
		{
			name:   "br breaks",
			reason: "a line break ends a block, as in boilerpipe and the L3S-GN1 annotation",
			html:   `<p>first line<br>second line<br/>third</p>`,
			want:   []string{"first line", "second line", "third"},
		},
		{
			name:   "br inside inline breaks",
			reason: "a br nested in an inline element still ends the block",
			html:   `<div><b>bold<br>still bold</b> after</div>`,
			want:   []string{"bold", "still bold after"},
		},
		{
			name:   "hr breaks",
			reason: "a horizontal rule separates blocks",
			html:   `<div>above<hr>below</div>`,
			want:   []string{"above", "below"},
		},
		{
			name:   "block elements break",
			reason: "p, div, li, h1-h6, td, section, blockquote, dt and dd each start a new block",
			html: `<div>a<p>b</p>c<ul><li>d</li><li>e</li></ul><h2>f</h2><table><tr><td>g</td><td>h</td></tr></table>
				<section>i</section><blockquote>j</blockquote><dl><dt>k</dt><dd>l</dd></dl></div>`,
			want: []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"},
		},
		{
			name:   "invisible elements",
			reason: "script, style, noscript, template, svg, head, iframe, select and textarea never give text",
			html: `<html><head><title>T</title><style>p{}</style><script>var x</script></head><body>
				<p>seen</p><script>alert(1)</script><style>.a{}</style><noscript>no js</noscript>
				<template><p>tmpl</p></template><svg><text>svg text</text></svg><iframe>frame</iframe>
				<select><option>opt</option></select><textarea>area</textarea><p>also seen</p></body></html>`,
			want: []string{"seen", "also seen"},
		},
		{
			name:   "hidden attribute",
			reason: "an element with the hidden attribute is not shown",
			html:   `<p>shown</p><div hidden><p>not shown</p></div>`,
			want:   []string{"shown"},
		},
		{
			name:   "display none",
			reason: "inline style display:none and visibility:hidden hide the element, however spaced",
			html:   `<p>shown</p><div style="color:red; DISPLAY : none">gone</div><span style="visibility:hidden">gone too</span>`,
			want:   []string{"shown"},
		},
		{
			name:   "hiding classes",
			reason: "the frameworks' hiding and screen-reader-only classes hide the element, as CSS matches them: case-sensitively",
			html: `<p>shown</p><div class="box hidden"><p>gone</p></div><span class="sr-only">Opens in a new window</span>
				<div class="d-none">gone</div><p class="visually-hidden">gone</p><span class="screen-reader-text">gone</span>
				<div class="Hidden">kept: another class</div><div class="hidden-gem">kept: another class</div>`,
			want: []string{"shown", "kept: another class", "kept: another class"},
		},
		{
			name:   "page-wide wrapper hidden until a script runs",
			reason: "a hiding class on an element that holds most of the page's text is a wrapper a script reveals; hidden parts inside it stay hidden",
			html: `<div class="root hide"><main><h1>The story</h1><p>It holds most of the page's text, as a story does.</p>
				<span class="sr-only">Opens in a new window</span></main></div><footer class="hidden">x</footer>`,
			want: []string{"The story", "It holds most of the page's text, as a story does."},
		},
		{
			name:   "dialogs and modals",
			reason: "a <dialog> without open is not rendered; a modal (role=dialog, aria-modal) is closed until asked, unless it holds most of the page",
			html: `<p>The page's own text, long enough to be most of it.</p><dialog><p>closed dialog</p></dialog>
				<dialog open><p>open dialog</p></dialog><div role="dialog"><p>Sign up</p></div>
				<div aria-modal="true"><p>Log in</p></div>`,
			want: []string{"The page's own text, long enough to be most of it.", "open dialog"},
		},
		{
			name:   "an article in a modal",
			reason: "a modal that holds most of the page's text is the page",
			html:   `<nav>Home</nav><div role="dialog"><h1>Headline</h1><p>The whole story is shown in a modal window.</p></div>`,
			want:   []string{"Home", "Headline", "The whole story is shown in a modal window."},
		},
		{
			name:   "hidden at some widths",
			reason: "a responsive class shows the element at some screen width, so it is not hidden",
			html: `<div class="hidden md:block">wide screens</div><div class="d-none d-lg-block">large screens</div>
				<span class="visible-lg hide">Bootstrap 3</span>`,
			want: []string{"wide screens", "large screens", "Bootstrap 3"},
		},
		{
			name:   "display other",
			reason: "other inline styles do not hide anything",
			html:   `<div style="display:block">kept</div>`,
			want:   []string{"kept"},
		},
		{
			name:   "whitespace normalised",
			reason: "runs of spaces, tabs, newlines and no-break spaces become one space; ends are trimmed",
			html:   "<p>  lots \t of\n\n   space&nbsp;&nbsp;here  </p>",
			want:   []string{"lots of space here"},
		},
		{
			name:   "space across inline boundary",
			reason: "a space that sits in one text node still separates words from the next node",
			html:   "<p>end <b> start</b>x</p>",
			want:   []string{"end startx"},
		},
		{
			name:   "entities decoded",
			reason: "numeric and named entities become characters: the seed page's &#039; must read as an apostrophe",
			html:   `<p>Putin&#039;s visit &amp; China&rsquo;s &quot;deal&quot; &lt;3 &#x2014; &eacute;</p>`,
			want:   []string{"Putin's visit & China\u2019s \"deal\" <3 \u2014 é"},
		},
		{
			name:   "pre keeps lines",
			reason: "pre text keeps its line breaks and indentation; only leading newlines and trailing space go",
			html:   "<pre>\nfunc main() {\n\tfmt.Println(1)\n}\n\n</pre>",
			want:   []string{"func main() {\n\tfmt.Println(1)\n}"},
		},
		{
			name:   "empty blocks dropped",
			reason: "elements with only white space make no block",
			html:   "<div> </div><p>\n</p><p>x</p><div>&nbsp;</div>",
			want:   []string{"x"},
		},
		{
			name:   "unknown elements inline",
			reason: "custom elements are inline, as browsers render them",
			html:   "<p>a <my-widget>b</my-widget> c</p>",
			want:   []string{"a b c"},
		},
		{
			name:   "img alt ignored",
			reason: "images contribute no text, not even their alt",
			html:   `<p>a <img alt="picture"> b</p>`,
			want:   []string{"a b"},
		},
		{
			name:   "body without markup",
			reason: "plain text straight in body is one block",
			html:   "just some text",
			want:   []string{"just some text"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(parseString(t, tt.html))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s\nblocks (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestSegmentFacts(t *testing.T) {
	const page = `<html lang="en-GB"><head><title> The  title </title>
<meta property="og:title" content="OG title"></head><body>
<header class="site-header"><nav id="menu"><ul><li><a href="/">Home</a></li></ul></nav></header>
<main><article class="post-content">
<h1>Headline here</h1>
<p>Read <a href="#">this link</a> now, please.</p>
<figure><figcaption>A caption</figcaption></figure>
<table><tr><td>cell one</td><td>cell two</td></tr><tr><th>head three</th></tr></table>
<blockquote><p>quoted words</p></blockquote>
<pre>x := 1</pre>
<div>loose text</div>
<form><label>Email</label></form>
</article></main>
<aside class="sidebar related"><p>More stories</p></aside>
<footer><p>&copy; 2024</p></footer>
</body></html>`
	p := parseString(t, page)
	if p.Title != "The title" || p.OGTitle != "OG title" || p.Lang != "en-gb" || p.Encoding != "utf-8" {
		t.Errorf("page = %q, %q, %q, %q; want title, og:title, lang and encoding", p.Title, p.OGTitle, p.Lang, p.Encoding)
	}
	type facts struct {
		Text       string
		Tag        string
		Path       string
		Kind       Kind
		Level      int
		Words      int
		LinkWords  int
		Flags      Flags
		SignalNear Signal
		SignalAny  Signal
	}
	var got []facts
	for i, b := range p.Blocks {
		if b.Index != i {
			t.Errorf("block %d has Index %d", i, b.Index)
		}
		got = append(got, facts{b.Text, b.Tag, strings.Join(p.Path(b.Element), ">"), b.Kind, b.Level, b.Words, b.LinkWords,
			b.Flags, b.SignalNear, b.SignalAny})
	}
	const art = "html>body>main>article"
	const artFlags = InMain | InArticle
	want := []facts{
		{"Home", "li", "html>body>header>nav>ul>li", KindListItem, 0, 1, 1, InHeader | InNav | InList | InLink, SigNav, SigHeaderFoot | SigNav},
		{"Headline here", "h1", art + ">h1", KindHeading, 1, 2, 0, artFlags, SigContent, SigContent},
		{"Read this link now, please.", "p", art + ">p", KindParagraph, 0, 5, 2, artFlags, SigContent, SigContent},
		{"A caption", "figcaption", art + ">figure>figcaption", KindCaption, 0, 2, 0, artFlags | InFigure, SigContent, SigContent},
		{"cell one", "td", art + ">table>tbody>tr>td", KindTableCell, 0, 2, 0, artFlags | InTable | InDataTable, 0, SigContent},
		{"cell two", "td", art + ">table>tbody>tr>td", KindTableCell, 0, 2, 0, artFlags | InTable | InDataTable, 0, SigContent},
		{"head three", "th", art + ">table>tbody>tr>th", KindTableCell, 0, 2, 0, artFlags | InTable | InDataTable, 0, SigContent},
		{"quoted words", "p", art + ">blockquote>p", KindParagraph, 0, 2, 0, artFlags | InBlockquote, SigContent, SigContent},
		{"x := 1", "pre", art + ">pre", KindPre, 0, 2, 0, artFlags, SigContent, SigContent},
		{"loose text", "div", art + ">div", KindText, 0, 2, 0, artFlags, SigContent, SigContent},
		{"Email", "form", art + ">form", KindText, 0, 1, 0, artFlags | InForm, SigContent, SigContent},
		{"More stories", "p", "html>body>aside>p", KindParagraph, 0, 2, 0, InAside, SigSidebar | SigSideColumn | SigRelated, SigSidebar | SigSideColumn | SigRelated},
		{"© 2024", "p", "html>body>footer>p", KindParagraph, 0, 1, 0, InFooter, 0, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("block facts (-want +got):\n%s", diff)
	}

	b := p.Blocks
	t.Run("rows", func(t *testing.T) {
		// Cells of one tr share a Row; the next tr has another; blocks outside tables have -1.
		if b[4].Row < 0 || b[4].Row != b[5].Row || b[6].Row == b[4].Row || b[6].Row < 0 || b[2].Row != -1 {
			t.Errorf("rows = %d %d %d %d, want equal first two, a different third, -1 outside", b[4].Row, b[5].Row, b[6].Row, b[2].Row)
		}
	})
	t.Run("containers", func(t *testing.T) {
		// h1 and p are children of one article; the cells of a row share the tr; the
		// quote's p sits in the blockquote.
		if b[1].Container != b[2].Container || b[4].Container != b[5].Container || b[7].Container == b[2].Container {
			t.Errorf("containers = %d %d / %d %d / %d, want h1 and p equal, cells equal, quote different",
				b[1].Container, b[2].Container, b[4].Container, b[5].Container, b[7].Container)
		}
	})
	t.Run("classes", func(t *testing.T) {
		// Classes and ids of the block and its two nearest block ancestors (li, ul, nav), nearest first.
		want := []string{"menu"}
		if diff := cmp.Diff(want, p.Classes(b[0].Element)); diff != "" {
			t.Errorf("classes (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"sidebar", "related"}, p.Classes(b[11].Element)); diff != "" {
			t.Errorf("aside classes (-want +got):\n%s", diff)
		}
	})
	t.Run("depth", func(t *testing.T) {
		// Depth counts element ancestors of the block element: html, body, main, article.
		if b[1].Depth != 4 {
			t.Errorf("h1 depth = %d, want 4", b[1].Depth)
		}
		if b[4].Depth != b[1].Depth+3 {
			t.Errorf("td depth = %d, want h1's + 3 (table, tbody, tr)", b[4].Depth)
		}
	})
}

func TestSegmentLinkWords(t *testing.T) {
	tests := []struct {
		name, reason, html string
		words, link        int
		allLinked          bool
	}{
		{"no link", "plain text has no link words", `<p>one two three</p>`, 3, 0, false},
		{"partly linked", "only the words inside a count", `<p>one <a href="#">two three</a> four</p>`, 4, 2, false},
		{"all linked", "a block whose every word is linked gets InLink", `<li><a href="#">Home page</a></li>`, 2, 2, true},
		{"nested inline in link", "words in b inside a are link words", `<p><a href="#"><b>bold</b> link</a> tail</p>`, 3, 2, false},
		{"split word", "a word split across a link boundary counts once for words", `<p><a href="#">in</a>side out</p>`, 2, 1, false},
		{"punctuation only", "punctuation is not a word", `<p>word <a href="#">|</a> word</p>`, 2, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parseString(t, tt.html)
			if len(p.Blocks) != 1 {
				t.Fatalf("%d blocks, want 1", len(p.Blocks))
			}
			b := p.Blocks[0]
			if b.Words != tt.words || b.LinkWords != tt.link || (b.Flags&InLink != 0) != tt.allLinked {
				t.Errorf("%s: words, link words, all linked = %d, %d, %v; want %d, %d, %v",
					tt.reason, b.Words, b.LinkWords, b.Flags&InLink != 0, tt.words, tt.link, tt.allLinked)
			}
		})
	}
}

func TestClassSignal(t *testing.T) {
	tests := []struct {
		tok, reason string
		want        Signal
	}{
		{"article-body", "both halves are content words", SigContent},
		{"relatedLinks", "camel case splits into related + links", SigRelated},
		{"header", "a whole word", SigHeaderFoot},
		{"shadow", "'ad' inside a word is not an advert", 0},
		{"stage", "'tag' inside a word is not a tag list", 0},
		{"ad-slot", "'ad' as a sub-token is", SigAd},
		{"navigation_main", "prefix and whole word", SigNav | SigContent},
		{"comment-list", "comments", SigComment},
		{"sidebar-left", "a side column", SigSidebar | SigSideColumn},
		{"elementor-widget-container", "a page builder's widget is no side column", SigSidebar},
		{"main-rail", "nor is a rail, which some sites make the main column", SigSidebar | SigContent},
	}
	for _, tt := range tests {
		t.Run(tt.tok, func(t *testing.T) {
			if got := classSignal(tt.tok); got != tt.want {
				t.Errorf("classSignal(%q) = %b, want %b: %s", tt.tok, got, tt.want, tt.reason)
			}
		})
	}
}

func TestMarks(t *testing.T) {
	// MarkPrefix counts the characters under annotation classes, the way the
	// labelled sets mark their blocks.
	const page = `<p><span class="x-nc-sel2">Main text</span> tail <span class="x-nc-sel0">nav</span></p>`
	p, err := ParseBytes([]byte(page), Options{MarkPrefix: "x-nc-sel"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"x-nc-sel2": 8, "": 4, "x-nc-sel0": 3}
	if diff := cmp.Diff(want, p.Blocks[0].Marks); diff != "" {
		t.Errorf("marks (-want +got):\n%s", diff)
	}
	if q := parseString(t, page); q.Blocks[0].Marks != nil {
		t.Errorf("marks without MarkPrefix = %v, want nil", q.Blocks[0].Marks)
	}
}
