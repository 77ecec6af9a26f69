package winnow

import (
	"strings"
	"unicode/utf8"

	"github.com/winnow-dev/winnow/features/page"
)

// titleSeparators split a <title> into the headline and the site name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "}

// chooseTitle picks the headline: the head's (page.Meta.Title: og:title,
// twitter:title, JSON-LD headline) without a site-name part, but the
// page's own headline when the head's is that headline with another part
// set off by a separator ("Headline | Section | Site", "Site: Headline",
// see decorates); without the head's, the page's own headline, else
// <title> without its site-name part. The page's own headline is the
// first block whose role is the title, else the first h1 kept as
// content, else the first h1.
func chooseTitle(p *page.Page, blocks []Block) string {
	own := ownHeadline(blocks)
	if p.Meta.Title != "" {
		head := dropSiteName(p.Meta.Title, p.Meta.SiteName)
		if own != "" && decorates(head, own) {
			return own
		}
		return head
	}
	if own != "" {
		return own
	}
	return stripSiteName(p.Title)
}

// ownHeadline is the headline the page prints: the first block whose role
// is the title, else the first h1 kept as content, else the first h1, else
// "".
func ownHeadline(blocks []Block) string {
	title, keptH1, firstH1 := headlineBlocks(blocks)
	for _, i := range [...]int{title, keptH1, firstH1} {
		if i >= 0 {
			return strings.TrimSpace(blocks[i].Text)
		}
	}
	return ""
}

// headlineBlocks returns the indices of the blocks that may be the page's
// headline: the first whose role is the title, the first h1 kept as
// content, the first h1; -1 for none.
func headlineBlocks(blocks []Block) (title, keptH1, firstH1 int) {
	title, keptH1, firstH1 = -1, -1, -1
	for i := range blocks {
		b := &blocks[i]
		if b.Role == RoleTitle && title < 0 {
			title = i
		}
		if b.Kind == page.KindHeading && b.Level == 1 {
			if b.Content && keptH1 < 0 {
				keptH1 = i
			}
			if firstH1 < 0 {
				firstH1 = i
			}
		}
	}
	return title, keptH1, firstH1
}

// decorates reports whether title is headline with more before or after
// it, set off by a separator: "Headline | Site", "Headline - Section |
// Site", "Site: Headline", "Site » Headline". A dash, slash or underscore
// separates only with white space on both sides ("COVID-19 cases" is not
// "COVID" decorated). Both are compared as written, but for the white
// space at their ends.
func decorates(title, headline string) bool {
	title, headline = strings.TrimSpace(title), strings.TrimSpace(headline)
	if headline == "" || len(title) <= len(headline) {
		return false
	}
	if rest, ok := strings.CutPrefix(title, headline); ok {
		return separates(rest, false)
	}
	if rest, ok := strings.CutSuffix(title, headline); ok {
		return separates(rest, true)
	}
	return false
}

// separates reports whether rest, the part of a title after the headline
// (before it, with before), starts (ends) with a separator: one of
// "|:·»•" right beside the headline or after white space, or a dash,
// slash or underscore (or a run of one of them, "//") with white space on
// both sides.
func separates(rest string, before bool) bool {
	trimmed := strings.TrimLeft(rest, " ")
	r, n := utf8.DecodeRuneInString(trimmed)
	spaced := len(trimmed) < len(rest)
	after := trimmed[n:]
	if before {
		trimmed = strings.TrimRight(rest, " ")
		r, n = utf8.DecodeLastRuneInString(trimmed)
		spaced = len(trimmed) < len(rest)
		after = trimmed[:len(trimmed)-n]
	}
	switch {
	case r == utf8.RuneError || trimmed == "":
		return false
	case strings.ContainsRune("|:·»•", r):
		return true
	case strings.ContainsRune("-–—/_", r):
		// A run of them ("//", "--") counts as one.
		if before {
			after = strings.TrimRight(after, string(r))
			return spaced && strings.HasSuffix(after, " ")
		}
		after = strings.TrimLeft(after, string(r))
		return spaced && strings.HasPrefix(after, " ")
	}
	return false
}

// dropSiteName removes from title a part, between separators, that is
// the site's name (as og:site_name gives it): "Headline | Site" is
// "Headline". Without a site name the title stays as it is.
func dropSiteName(title, site string) string {
	if site == "" {
		return title
	}
	key := titleKey(site)
	for _, sep := range titleSeparators {
		if !strings.Contains(title, sep) {
			continue
		}
		parts := strings.Split(title, sep)
		kept := parts[:0]
		for _, part := range parts {
			if titleKey(part) != key {
				kept = append(kept, strings.TrimSpace(part))
			}
		}
		if len(kept) > 0 && len(kept) < len(parts) {
			return strings.Join(kept, sep)
		}
	}
	return title
}

// stripSiteName removes the site name from a <title>: of the parts between
// the first separator found, it keeps the longest.
func stripSiteName(title string) string {
	for _, sep := range titleSeparators {
		if !strings.Contains(title, sep) {
			continue
		}
		best := ""
		for _, part := range strings.Split(title, sep) {
			part = strings.TrimSpace(part)
			if len(part) > len(best) {
				best = part
			}
		}
		return best
	}
	return strings.TrimSpace(title)
}
