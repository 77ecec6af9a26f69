package winnow

import (
	"strings"
	"unicode"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/date"
	"github.com/winnow-dev/winnow/internal/render"
	"github.com/winnow-dev/winnow/internal/text"
)

// maxAuthorWords is the most words a byline's author may have.
const maxAuthorWords = 8

// fillMetadata fills the article's parts other than Text from the page's
// metadata (page.Meta) and the blocks' roles: the head wins where it gives
// a value, the blocks fill the rest.
func (a *Article) fillMetadata(p *page.Page) {
	m := &p.Meta
	a.Title = chooseTitle(p, a.Blocks)
	a.Language, a.URL, a.SiteName = m.Language, m.URL, m.SiteName
	var bylines []string
	for i := range a.Blocks {
		switch b := &a.Blocks[i]; b.Role {
		case RoleByline:
			bylines = append(bylines, b.Text)
		case RoleCaption:
			a.Captions = append(a.Captions, b.Text)
		}
	}
	a.Comments = a.renderRoles(render.Text, RoleComment)
	a.Author = m.Author
	if a.Author != "" && isSite(a.Author, m.SiteName) {
		a.Author = "" // the site named as its own author (dc.creator on heise.de) is no byline
	}
	if a.Author == "" {
		a.Author = bylineAuthor(m.AuthorHints, bylines)
	}
	a.Date, a.DateText = pubDate(m, bylines)
}

// isSite reports whether the author's name is the site's name, spaced or
// cased otherwise or as a domain ("CBSNews.com" for "CBS News").
func isSite(author, site string) bool {
	a := strings.ReplaceAll(titleKey(author), " ", "")
	s := strings.ReplaceAll(titleKey(site), " ", "")
	if s == "" {
		return false
	}
	for _, tld := range []string{"", "com", "org", "net", "couk"} {
		if a == s+tld {
			return true
		}
	}
	return false
}

// bylineAuthor is the author the byline blocks name: the page's author
// marks that they hold (joined with ", "), else the name after a leading
// "By" in one of them, else one that is only a name (see isName); "" when
// none does.
func bylineAuthor(hints, bylines []string) string {
	var names []string
	for _, h := range hints {
		for _, b := range bylines {
			if strings.Contains(b, h) {
				if n := cleanAuthor(h); n != "" && !contains(names, n) {
					names = append(names, n)
				}
				break
			}
		}
	}
	if len(names) > 0 {
		return strings.Join(names, ", ")
	}
	for _, b := range bylines {
		if rest, ok := cutBy(b); ok {
			if n := cleanAuthor(rest); n != "" {
				return n
			}
		}
	}
	for _, b := range bylines {
		if isName(b) {
			return b
		}
	}
	return ""
}

// byWords introduce the author in a byline, lower-case.
var byWords = []string{"by", "von", "par", "por", "di", "door"}

// cutBy returns what follows a leading "By" (or its equivalent in another
// language; a colon may follow it).
func cutBy(s string) (string, bool) {
	first, rest, ok := strings.Cut(s, " ")
	if !ok {
		return "", false
	}
	first = strings.TrimSuffix(strings.ToLower(first), ":")
	if !contains(byWords, first) {
		return "", false
	}
	return strings.TrimSpace(rest), true
}

// cleanAuthor cuts an author's name where the byline goes on to other
// things (a separator, a date, a role after a comma) and returns it, or ""
// when what remains is no name.
func cleanAuthor(s string) string {
	if rest, ok := cutBy(s); ok {
		s = rest
	}
	for _, sep := range []string{" | ", " · ", " • ", " - ", " – ", " — ", "|", "•", "\n"} {
		s, _, _ = strings.Cut(s, sep)
	}
	// A date or time may follow, after a comma or not.
	parts := strings.Split(s, ",")
	for i, part := range parts {
		if strings.ContainsFunc(part, unicode.IsDigit) || date.LooksLikeDate(part) {
			if i == 0 {
				part = part[:max(0, strings.IndexFunc(part, unicode.IsDigit))]
				parts = []string{part}
			} else {
				parts = parts[:i]
			}
			break
		}
	}
	s = strings.Join(parts, ",")
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ",;:"))
	if s == "" || text.CountWords(s) > maxAuthorWords || !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	return s
}

// isName reports whether a whole byline line reads as a name: at most four
// words, each starting with an upper-case letter, no digits ("Reuters",
// "Jane Doe", "AFP").
func isName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || strings.ContainsFunc(s, unicode.IsDigit) {
		return false
	}
	for _, w := range words {
		r := []rune(w)[0]
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// pubDate is the publication date from the first source that parses: the
// head's date, the time marks in the byline blocks (their datetime value,
// then their text), the byline blocks' text. When none parses, dateText
// is the first date as written: the head's, a time mark's text in a
// byline, or a byline block that looks like a date.
func pubDate(m *page.Meta, bylines []string) (iso, dateText string) {
	if d, ok := date.Parse(m.Date); ok {
		return d, ""
	}
	var marks []page.TimeHint
	for _, h := range m.TimeHints {
		for _, b := range bylines {
			if h.Text != "" && strings.Contains(b, h.Text) {
				marks = append(marks, h)
				break
			}
		}
	}
	for _, h := range marks {
		if d, ok := date.Parse(h.Value); ok {
			return d, ""
		}
		if d, ok := date.Find(h.Text); ok {
			return d, ""
		}
	}
	for _, b := range bylines {
		if d, ok := date.Find(b); ok {
			return d, ""
		}
	}
	switch {
	case m.Date != "":
		return "", m.Date
	case len(marks) > 0:
		return "", marks[0].Text
	}
	for _, b := range bylines {
		if date.LooksLikeDate(b) {
			return "", b
		}
	}
	return "", ""
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
