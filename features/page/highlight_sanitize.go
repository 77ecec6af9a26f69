package page

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sanitize makes the tree under root inert, for Highlight: a browser that
// opens it runs nothing and loads nothing, and following a link is the
// only way out of it. What stays is what the allowlists below name:
//
//   - Elements are kept (allowed), dropped with all they hold (dropped:
//     scripts, frames, plugins, media, <svg> and <math>, <base>, <link>,
//     <template>), or unwrapped: any other element, a custom or
//     unknown one, a <form> or a <picture>, gives way to its children.
//     Elements of a foreign namespace (SVG, MathML) are dropped. A <style>
//     stays only when its sheet passes safeCSS.
//   - Attributes are kept only when named in globalAttrs or in the
//     element's line of elementAttrs (aria-* and data-* with plain names
//     too): no on* handler, no src, srcset, action, formaction, srcdoc,
//     background, ping or http-equiv survives. An <a href> stays when its
//     URL is http, https or relative (safeURL); a style attribute when
//     its declarations pass safeCSS. Images keep their alt text and size
//     but lose their source: a tracking pixel loads nothing.
//   - Comments are dropped; text is kept (html.Render escapes it), but
//     for its C0 controls (withoutControls), the doctype's too.
//   - A <meta> stays only as <meta name content> for the names in
//     metaNames.
func sanitize(root *html.Node) {
	var next *html.Node
	for n := root.FirstChild; n != nil; n = next {
		next = n.NextSibling
		switch n.Type {
		case html.CommentNode:
			root.RemoveChild(n)
			continue
		case html.TextNode:
			n.Data = withoutControls(n.Data)
			continue
		case html.DoctypeNode:
			n.Data = withoutControls(n.Data)
			for i := range n.Attr {
				n.Attr[i].Val = withoutControls(n.Attr[i].Val)
			}
			continue
		case html.ElementNode:
		default:
			sanitize(n)
			continue
		}
		switch verdictOf(n) {
		case drop:
			root.RemoveChild(n)
			continue
		case unwrap:
			// The children take n's place and are sanitized in turn.
			next = n.FirstChild
			if next == nil {
				next = n.NextSibling
			}
			for c := n.FirstChild; c != nil; c = n.FirstChild {
				n.RemoveChild(c)
				root.InsertBefore(c, n)
			}
			root.RemoveChild(n)
			continue
		}
		n.Attr = safeAttrs(n)
		sanitize(n)
	}
}

// verdict is what sanitize does with an element.
type verdict uint8

const (
	keep verdict = iota
	drop
	unwrap
)

// verdictOf says what becomes of the element n.
func verdictOf(n *html.Node) verdict {
	if n.Namespace != "" {
		return drop // <svg> and <math> content: scripts, links, loads
	}
	switch n.DataAtom {
	case atom.Meta:
		_, equiv := attr(n, "http-equiv")
		if name, _ := attr(n, "name"); equiv || !metaNames[strings.ToLower(name)] {
			return drop
		}
		return keep
	case atom.Style:
		if !safeCSS(textOf(n)) {
			return drop
		}
		return keep
	}
	if n.DataAtom != 0 && droppedElements[n.DataAtom] {
		return drop
	}
	if n.DataAtom != 0 && allowedElements[n.DataAtom] && n.Data == n.DataAtom.String() {
		return keep
	}
	return unwrap
}

// metaNames are the <meta name> kept: they say how to lay the page out
// and what it is about, and do nothing else.
var metaNames = map[string]bool{"viewport": true, "description": true, "color-scheme": true}

// droppedElements go with everything they hold: they run code, load
// something, redirect the page or hold markup that is not the page's text.
var droppedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Frame: true, atom.Frameset: true, atom.Noframes: true, atom.Object: true,
	atom.Embed: true, atom.Applet: true, atom.Param: true, atom.Noembed: true,
	atom.Svg: true, atom.Math: true, atom.Base: true, atom.Link: true,
	atom.Audio: true, atom.Video: true, atom.Source: true, atom.Track: true,
	atom.Canvas: true, atom.Map: true, atom.Area: true, atom.Image: true,
}

// allowedElements are kept, with their attributes filtered: they do
// nothing by themselves once their attributes are.
var allowedElements = map[atom.Atom]bool{
	atom.Html: true, atom.Head: true, atom.Body: true, atom.Title: true,
	atom.A: true, atom.Abbr: true, atom.Address: true, atom.Article: true,
	atom.Aside: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Big: true, atom.Blockquote: true, atom.Br: true, atom.Button: true,
	atom.Caption: true, atom.Center: true, atom.Cite: true, atom.Code: true,
	atom.Col: true, atom.Colgroup: true, atom.Data: true, atom.Dd: true,
	atom.Del: true, atom.Details: true, atom.Dfn: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Em: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Font: true, atom.Footer: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.I: true, atom.Img: true, atom.Input: true, atom.Ins: true,
	atom.Kbd: true, atom.Label: true, atom.Legend: true, atom.Li: true,
	atom.Main: true, atom.Mark: true, atom.Menu: true, atom.Meter: true,
	atom.Nav: true, atom.Nobr: true, atom.Ol: true, atom.Optgroup: true,
	atom.Option: true, atom.Output: true, atom.P: true, atom.Pre: true,
	atom.Progress: true, atom.Q: true, atom.Rp: true, atom.Rt: true,
	atom.Ruby: true, atom.S: true, atom.Samp: true, atom.Search: true,
	atom.Section: true, atom.Select: true, atom.Small: true, atom.Span: true,
	atom.Strike: true, atom.Strong: true, atom.Sub: true, atom.Summary: true,
	atom.Sup: true, atom.Table: true, atom.Tbody: true, atom.Td: true,
	atom.Textarea: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true,
	atom.Time: true, atom.Tr: true, atom.Tt: true, atom.U: true, atom.Ul: true,
	atom.Var: true, atom.Wbr: true,
	// <meta> and <style> are kept on conditions (verdictOf).
	atom.Meta: true, atom.Style: true,
}

// globalAttrs are kept on every allowed element: they name, label and lay
// out, and load nothing.
var globalAttrs = map[string]bool{
	"id": true, "class": true, "title": true, "lang": true, "dir": true,
	"hidden": true, "role": true, "translate": true, "style": true,
	"align": true, "valign": true, "width": true, "height": true,
	"bgcolor": true, "color": true, "border": true, "nowrap": true,
	"cellpadding": true, "cellspacing": true, "clear": true,
}

// elementAttrs are kept on one element besides the global ones.
var elementAttrs = map[atom.Atom][]string{
	atom.A:        {"href", "name", "hreflang"},
	atom.Img:      {"alt"},
	atom.Ol:       {"start", "reversed", "type"},
	atom.Ul:       {"type"},
	atom.Li:       {"value", "type"},
	atom.Td:       {"colspan", "rowspan", "headers", "scope", "abbr"},
	atom.Th:       {"colspan", "rowspan", "headers", "scope", "abbr"},
	atom.Col:      {"span"},
	atom.Colgroup: {"span"},
	atom.Time:     {"datetime"},
	atom.Del:      {"datetime"},
	atom.Ins:      {"datetime"},
	atom.Data:     {"value"},
	atom.Details:  {"open"},
	atom.Meta:     {"name", "content"},
	atom.Style:    {"media"},
	atom.Font:     {"face", "size"},
	atom.Button:   {"type", "name", "value", "disabled"},
	atom.Input:    {"type", "name", "value", "placeholder", "checked", "disabled", "readonly", "size", "maxlength"},
	atom.Select:   {"name", "multiple", "disabled", "size"},
	atom.Option:   {"value", "selected", "disabled", "label"},
	atom.Optgroup: {"label", "disabled"},
	atom.Textarea: {"name", "rows", "cols", "placeholder", "disabled", "readonly"},
	atom.Label:    {"for"},
	atom.Fieldset: {"disabled"},
	atom.Output:   {"for"},
	atom.Progress: {"value", "max"},
	atom.Meter:    {"value", "min", "max", "low", "high", "optimum"},
}

// safeAttrs are the attributes of the allowed element n that sanitize
// keeps, in their order.
func safeAttrs(n *html.Node) []html.Attribute {
	var out []html.Attribute
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		ok := globalAttrs[a.Key] || plainDataName(a.Key)
		for _, k := range elementAttrs[n.DataAtom] {
			ok = ok || k == a.Key
		}
		switch {
		case !ok:
		case a.Key == "style" && !safeCSS(a.Val):
		case a.Key == "href" && !safeURL(a.Val):
		default:
			a.Val = withoutControls(a.Val)
			out = append(out, a)
		}
	}
	return out
}

// withoutControls is s without its C0 controls other than the white space
// of HTML (tab, newline, form feed, carriage return): text and attribute
// values keep no ESC, so no browser can read the view as ISO-2022-JP
// (whose escape sequences could turn its markup into something else) when
// it does not see the charset declaration.
func withoutControls(s string) string {
	if !strings.ContainsFunc(s, isControlByte) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControlByte(r) {
			return -1
		}
		return r
	}, s)
}

// isControlByte reports whether r is a C0 control but HTML's white space.
func isControlByte(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\f' && r != '\r'
}

// plainDataName reports whether key is an aria-* or data-* attribute
// whose name is lower-case letters, digits and - _ . only.
func plainDataName(key string) bool {
	rest, ok := strings.CutPrefix(key, "data-")
	if !ok {
		rest, ok = strings.CutPrefix(key, "aria-")
	}
	if !ok || rest == "" {
		return false
	}
	for _, c := range []byte(rest) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// safeURL reports whether u, a link's address as the parser gives it
// (character references decoded), is relative or http(s), read as a
// browser reads it: without its leading and trailing controls and spaces
// and with tabs and newlines removed anywhere. Anything before the first
// ':' that comes before a '/', '?' or '#' counts as a scheme, so what a
// browser might take for one is never let through unread. A relative URL
// that names a host (//host/x) is refused too.
func safeURL(u string) bool {
	u = strings.Trim(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	end := strings.IndexAny(u, "/?#")
	if end < 0 {
		end = len(u)
	}
	scheme, _, found := strings.Cut(u[:end], ":")
	if !found {
		// Relative, but not to another host: in a file opened from disk,
		// //host/x would be file://host/x (a network share on Windows), and
		// browsers read a backslash as a slash.
		return len(u) < 2 || !strings.ContainsRune(`/\`, rune(u[0])) || !strings.ContainsRune(`/\`, rune(u[1]))
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https")
}

// safeCSS reports whether css, a style sheet or a style attribute's
// declarations, can neither load nor run anything: it has no backslash
// (a CSS escape could spell any name), no @import, no expression, behavior
// or binding (old browsers' ways to run code), and every function it
// calls is in cssFunctions (so no url(), image-set(), src() or any
// function a browser may add that loads).
func safeCSS(css string) bool {
	s := strings.ToLower(css)
	if strings.ContainsAny(s, "\\\x00") {
		return false
	}
	for _, bad := range []string{"@import", "expression", "behavior", "binding", "javascript"} {
		if strings.Contains(s, bad) {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '(' {
			continue
		}
		j := i
		for j > 0 && cssNameByte(s[j-1]) {
			j--
		}
		if j < i && !cssFunctions[s[j:i]] {
			return false
		}
	}
	return true
}

// cssNameByte reports whether c can be part of a CSS function's name.
func cssNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c >= 0x80
}

// cssFunctions are the CSS functions safeCSS lets through: colours,
// arithmetic, transforms, gradients, filters, shapes, timing and the
// selectors' functional pseudo-classes. None takes a URL.
var cssFunctions = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(`rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix light-dark
		calc min max clamp var
		translate translatex translatey translatez translate3d scale scalex scaley scalez scale3d
		rotate rotatex rotatey rotatez rotate3d skew skewx skewy matrix matrix3d perspective
		linear-gradient radial-gradient conic-gradient repeating-linear-gradient
		repeating-radial-gradient repeating-conic-gradient
		blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia
		inset circle ellipse polygon rect
		cubic-bezier steps repeat minmax fit-content counter counters
		not is where has nth-child nth-last-child nth-of-type nth-last-of-type lang dir`) {
		m[f] = true
	}
	return m
}()

// textOf is the text of n's text children (a <style>'s sheet).
func textOf(n *html.Node) string {
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
	}
	return sb.String()
}
