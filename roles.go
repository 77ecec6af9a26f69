package winnow

import (
	"strings"
	"unicode"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/text"
)

// The byline marks' reach (markBylines): a block holding an author or
// time mark of the markup is a byline when it lies within this many
// blocks before or after the headline's block, and has at most
// bylineMaxWords words.
const (
	bylineBefore   = 2
	bylineAfter    = 6
	bylineMaxWords = 15
)

// refineRoles completes the roles the role models gave blocks (each
// block's Role set already; see Extractor.roles) with what the page's
// markup says: when no block is the title, the kept block that is the
// headline (headlineBlock) is; a kept figure caption is a caption; and a
// short block by the headline (headlineAnchor) that holds an author or
// time mark of the markup (page.Meta's hints) is a byline. Bylines and
// captions are an article's parts: on a page of another type (notArticle:
// a forum thread, a product, a listing, ...), a kept byline or caption is
// body, as a post's header (who wrote it, when), a listing item's date or
// a product photo's legend is part of what the page shows.
//
// Which blocks become bylines does not depend on which blocks are kept,
// so that raising the threshold never moves a block from byline back
// into the text.
func refineRoles(p *page.Page, blocks []Block, notArticle bool) {
	t := -1
	for i := range blocks {
		if blocks[i].Role == RoleTitle {
			t = i
		}
	}
	anchor := t // the title head's verdict does not depend on the threshold
	if t < 0 {
		anchor = headlineAnchor(p, blocks)
		if t = headlineBlock(blocks, titleKey(chooseTitle(p, blocks))); t >= 0 {
			blocks[t].Role = RoleTitle
		}
	}
	for i := range blocks {
		if blocks[i].Content && blocks[i].Role == RoleBody && blocks[i].Kind == page.KindCaption {
			blocks[i].Role = RoleCaption
		}
	}
	markBylines(p, blocks, anchor)
	if notArticle {
		for i := range blocks {
			if b := &blocks[i]; b.Content && (b.Role == RoleByline || b.Role == RoleCaption) {
				b.Role = RoleBody
			}
		}
	}
}

// headlineAnchor is the block the byline marks are looked for around when
// no block is the title head's: the first block, kept or not, that is the
// headline the page's head names (og:title and the like, else <title>
// without its site name; see sameTitle), else the page's first h1; -1
// when there is none. It reads no block's verdict.
func headlineAnchor(p *page.Page, blocks []Block) int {
	title := stripSiteName(p.Title)
	if p.Meta.Title != "" {
		title = dropSiteName(p.Meta.Title, p.Meta.SiteName)
	}
	if key := titleKey(title); key != "" {
		for i := range blocks {
			if sameTitle(key, &blocks[i]) {
				return i
			}
		}
	}
	for i := range blocks {
		if blocks[i].Kind == page.KindHeading && blocks[i].Level == 1 {
			return i
		}
	}
	return -1
}

// headlineLead is how many of the first kept blocks headlineBlock looks
// at for a first-level heading when no kept block is the headline.
const headlineLead = 3

// headlineBlock is the index of the kept block that is the headline whose
// titleKey is key: the first whose text is it (see sameTitle), else the
// first h1 among the first headlineLead kept blocks (the head's headline
// often words the h1 differently); -1 when there is none.
func headlineBlock(blocks []Block, key string) int {
	if key == "" {
		return -1
	}
	for i := range blocks {
		if blocks[i].Content && sameTitle(key, &blocks[i]) {
			return i
		}
	}
	kept := 0
	for i := range blocks {
		b := &blocks[i]
		if !b.Content {
			continue
		}
		if b.Kind == page.KindHeading && b.Level == 1 {
			return i
		}
		if kept++; kept == headlineLead {
			break
		}
	}
	return -1
}

// sameTitle reports whether block b is the headline whose titleKey is key:
// its text has that key, or it is a first-level heading whose key and the
// headline's hold one another (og:title "Headline | Site" over the h1
// "Headline").
func sameTitle(key string, b *Block) bool {
	h1 := b.Kind == page.KindHeading && b.Level == 1
	if d := len(b.Text) - len(key); !h1 && (d < -len(key)/2 || d > len(key)/2+16) {
		return false // too short or long to have the key: no key made
	}
	bk := titleKey(b.Text)
	if bk == key {
		return true
	}
	return bk != "" && h1 && (strings.Contains(key, bk) || strings.Contains(bk, key))
}

// markBylines makes a byline of each block near the headline's block t
// (-1: none) that is short and holds the text of one of the page's author
// or time marks, or is (part of) a byline mark's text, among the blocks
// the role models left body or boilerplate.
func markBylines(p *page.Page, blocks []Block, t int) {
	m := &p.Meta
	if t < 0 || (len(m.AuthorHints) == 0 && len(m.TimeHints) == 0 && len(m.BylineHints) == 0) {
		return
	}
	for i := max(0, t-bylineBefore); i < len(blocks) && i <= t+bylineAfter; i++ {
		b := &blocks[i]
		if i == t || (b.Role != RoleBody && b.Role != RoleBoilerplate) || text.CountWords(b.Text) > bylineMaxWords {
			continue
		}
		if hasHint(p, b.Text) {
			b.Role = RoleByline
		}
	}
}

// hasHint reports whether s holds the text of one of p's author or time
// marks, or is part of the text of a byline mark.
func hasHint(p *page.Page, s string) bool {
	for _, h := range p.Meta.BylineHints {
		if strings.Contains(h, s) {
			return true
		}
	}
	for _, h := range p.Meta.AuthorHints {
		if strings.Contains(s, h) {
			return true
		}
	}
	for _, h := range p.Meta.TimeHints {
		if h.Text != "" && strings.Contains(s, h.Text) {
			return true
		}
	}
	return false
}

// titleKey is s lower-cased with only its letters and digits, single
// spaces between words: two headlines that differ in punctuation, case or
// spacing have the same key.
func titleKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}
