package page

import "golang.org/x/net/html/atom"

// skipped reports the elements that never contribute text. Ruby
// annotations (<rt>, <rtc>, and the <rp> parentheses around them for
// browsers without ruby) are left out: they gloss the base text, which is
// kept.
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Head,
		atom.Title, atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio, atom.Video,
		atom.Select, atom.Textarea, atom.Datalist, atom.Rt, atom.Rp, atom.Rtc:
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
		atom.Img, atom.Button, atom.Input, atom.Output, atom.Meter, atom.Progress, atom.Ruby:
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

// kindOf is the Kind and heading level of a block held by the element tag,
// in the table row row (-1 for none), inside <pre> if pre.
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
