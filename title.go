package winnow

import (
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// titleSeparators split a <title> into the headline and the site name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "}

// chooseTitle picks the headline: the first h1 kept as content, else
// og:title, else the first h1 anywhere, else <title> without its site-name
// part (the longest piece between separators).
func chooseTitle(p *page.Page, blocks []Block) string {
	firstH1 := ""
	for i := range blocks {
		b := &blocks[i]
		if b.Kind == page.KindHeading && b.Level == 1 {
			if b.Content {
				return b.Text
			}
			if firstH1 == "" {
				firstH1 = b.Text
			}
		}
	}
	if p.OGTitle != "" {
		return p.OGTitle
	}
	if firstH1 != "" {
		return firstH1
	}
	return stripSiteName(p.Title)
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
