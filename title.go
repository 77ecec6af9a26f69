package winnow

import (
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// titleSeparators split a <title> into the headline and the site name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "}

// chooseTitle picks the headline: the head's (page.Meta.Title: og:title,
// twitter:title, JSON-LD headline) without a site-name part, else the
// first block whose role is the title, else the first h1 kept as content,
// else the first h1 anywhere, else <title> without its site-name part.
func chooseTitle(p *page.Page, blocks []Block) string {
	if p.Meta.Title != "" {
		return dropSiteName(p.Meta.Title, p.Meta.SiteName)
	}
	firstH1, keptH1 := "", ""
	for i := range blocks {
		b := &blocks[i]
		if b.Role == RoleTitle {
			return b.Text
		}
		if b.Kind == page.KindHeading && b.Level == 1 {
			if b.Content && keptH1 == "" {
				keptH1 = b.Text
			}
			if firstH1 == "" {
				firstH1 = b.Text
			}
		}
	}
	switch {
	case keptH1 != "":
		return keptH1
	case firstH1 != "":
		return firstH1
	}
	return stripSiteName(p.Title)
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
