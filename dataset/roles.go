package dataset

import (
	"slices"
	"strconv"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// RoleHead is one distinction between block roles that a set can teach: is
// a block a reader comment, the headline, a byline or dateline, a figure
// caption? Each is learned one-vs-rest by its own model, from the sets that
// make that distinction (RoleLabels).
type RoleHead uint8

// Role heads, in the order RoleHeads lists them.
const (
	HeadComment RoleHead = iota
	HeadTitle
	HeadByline
	HeadCaption
)

var headNames = [...]string{"comment", "title", "byline", "caption"}

// RoleHeads returns every role head in the order of the constants.
func RoleHeads() []RoleHead {
	out := make([]RoleHead, len(headNames))
	for i := range out {
		out[i] = RoleHead(i)
	}
	return out
}

func (h RoleHead) String() string {
	if int(h) < len(headNames) {
		return headNames[h]
	}
	return "RoleHead(" + strconv.Itoa(int(h)) + ")"
}

// bylineWords is the most words a block matching WCXB's author or date may
// have to be labelled a byline: longer blocks only mention them.
const bylineWords = 25

// RoleLabels returns, per block of p, whether the block has role h:
// Content when it has, Boilerplate when it has not, Unknown when the set
// does not say. It returns nil when p's set makes no such distinction at
// all. The labels come from what each set marks apart:
//
//   - comment: the sets that label reader comments (CommentLabelled):
//     Dragnet's comments part, L3S-GN1's Comments;
//   - title: L3S-GN1's Headline; the blocks of WCXB and DAnIEL pages whose
//     text is the gold title (GoldTitle), headings first;
//   - byline: L3S-GN1's Supplemental text that looks like a byline or
//     dateline (looksLikeByline; its other Supplemental text is Unknown);
//     WCXB pages with an author or date in their gold: the short blocks
//     naming the author or holding the date's year with a word;
//   - caption: L3S-GN1's Supplemental text that does not look like a
//     byline and does look like a caption (looksLikeCaption: captions and
//     image credits; the rest, such as agency names, table cells and
//     subheadings, is Unknown).
//
// A block whose content label is Unknown is Unknown here too.
func (p *LabelledPage) RoleLabels(h RoleHead) []Label {
	var out []Label
	switch h {
	case HeadComment:
		if p.Comment == nil {
			return nil
		}
		out = make([]Label, len(p.Labels))
		for i, c := range p.Comment {
			if c {
				out[i] = Content
			}
		}
	case HeadTitle:
		switch {
		case p.Fine != nil:
			out = fineRole(p, func(f FineLabel, _ *page.Block) Label {
				if f == Headline {
					return Content
				}
				return Boilerplate
			})
		case p.GoldTitle != "":
			out = titleLabels(p)
		}
	case HeadByline:
		switch {
		case p.Fine != nil:
			out = fineRole(p, func(f FineLabel, b *page.Block) Label {
				switch {
				case f != Supplemental:
					return Boilerplate
				case looksLikeByline(b.Text):
					return Content
				}
				return Unknown
			})
		case p.Set == SetWCXB && (p.GoldAuthor != "" || p.GoldDate != ""):
			out = bylineLabels(p)
		}
	case HeadCaption:
		if p.Fine != nil {
			out = fineRole(p, func(f FineLabel, b *page.Block) Label {
				switch {
				case f != Supplemental:
					return Boilerplate
				case looksLikeByline(b.Text) || !looksLikeCaption(b):
					return Unknown
				}
				return Content
			})
		}
	}
	if out == nil {
		return nil
	}
	for i, l := range p.Labels {
		if l == Unknown {
			out[i] = Unknown
		}
	}
	return out
}

// fineRole labels the blocks of an L3S-GN1 page by their fine labels.
func fineRole(p *LabelledPage, f func(FineLabel, *page.Block) Label) []Label {
	out := make([]Label, len(p.Fine))
	for i, fl := range p.Fine {
		out[i] = f(fl, &p.Page.Blocks[i])
	}
	return out
}

// titleLabels marks the blocks whose tokens are the gold title's (or hold
// them with at most three more): the headings among them when there are
// any, the others then Unknown (a breadcrumb or a teaser repeating the
// title is not the headline).
func titleLabels(p *LabelledPage) []Label {
	tok := TokenisationOf(p.GoldTitle)
	title := TokensAs(p.GoldTitle, tok)
	out := make([]Label, len(p.Page.Blocks))
	if len(title) == 0 {
		return out
	}
	var match []int
	heading := false
	for i := range p.Page.Blocks {
		b := &p.Page.Blocks[i]
		bt := TokensAs(b.Text, tok)
		if len(bt) < len(title) || len(bt) > len(title)+3 || !containsRun(bt, title) {
			continue
		}
		match = append(match, i)
		heading = heading || b.Kind == page.KindHeading
	}
	for _, i := range match {
		if !heading || p.Page.Blocks[i].Kind == page.KindHeading {
			out[i] = Content
		} else {
			out[i] = Unknown
		}
	}
	return out
}

// bylineLabels marks the short blocks naming WCXB's gold author, or
// holding the year of its gold date beside a word (a dateline; not a
// copyright line).
func bylineLabels(p *LabelledPage) []Label {
	author := Tokens(p.GoldAuthor)
	year := ""
	if d := strings.TrimSpace(p.GoldDate); len(d) >= 4 {
		if _, err := strconv.Atoi(d[:4]); err == nil {
			year = d[:4]
		}
	}
	out := make([]Label, len(p.Page.Blocks))
	for i := range p.Page.Blocks {
		b := &p.Page.Blocks[i]
		bt := Tokens(b.Text)
		if len(bt) == 0 || len(bt) > bylineWords {
			continue
		}
		dated := year != "" && len(bt) > 1 && slices.Contains(bt, year) && !slices.Contains(bt, "copyright") && !slices.Contains(bt, "rights")
		if (len(author) > 0 && containsRun(bt, author)) || dated {
			out[i] = Content
		}
	}
	return out
}

// bylineCues are the words that make a short block of L3S-GN1's
// Supplemental text a byline or dateline rather than a caption.
var bylineCues = []string{"by", "posted", "published", "updated", "modified", "reporter", "correspondent", "staff", "writer", "editor",
	"am", "pm", "gmt", "est", "edt", "pst", "bst", "utc",
	"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
	"aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// looksLikeByline reports whether a block of at most 20 words opens with
// "by" or holds a date or time word (bylineCues): a byline or dateline.
func looksLikeByline(text string) bool {
	t := Tokens(text)
	if len(t) == 0 || len(t) > 20 {
		return false
	}
	if t[0] == "by" {
		return true
	}
	for _, w := range t {
		if slices.Contains(bylineCues[1:], w) {
			return true
		}
	}
	return false
}

// captionMinWords is the fewest words a block of L3S-GN1's Supplemental
// text outside a figure needs to be labelled a caption: shorter ones are
// agency names, dates and numbers ("Reuters", "(IANS)", "100.0%").
const captionMinWords = 4

// looksLikeCaption reports whether a block of L3S-GN1's Supplemental text
// is a figure caption or image credit rather than the set's other
// supplemental text: a <figcaption> or <caption> or a block in a <figure>,
// or else a block of at least captionMinWords words that is not a heading,
// list item, table cell or preformatted text and not a copyright line.
func looksLikeCaption(b *page.Block) bool {
	if b.Kind == page.KindCaption || b.Flags&page.InFigure != 0 {
		return true
	}
	switch b.Kind {
	case page.KindHeading, page.KindListItem, page.KindTableCell, page.KindPre:
		return false
	}
	if b.Words < captionMinWords {
		return false
	}
	low := strings.ToLower(b.Text)
	return !strings.Contains(low, "©") && !strings.Contains(low, "copyright") && !strings.Contains(low, "rights reserved")
}

// containsRun reports whether run occurs in s as consecutive elements.
func containsRun(s, run []string) bool {
	for i := 0; i+len(run) <= len(s); i++ {
		if slices.Equal(s[i:i+len(run)], run) {
			return true
		}
	}
	return false
}
