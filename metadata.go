package winnow

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/date"
	"github.com/winnow-dev/winnow/internal/render"
	"github.com/winnow-dev/winnow/internal/text"
)

// maxAuthorWords is the most words a byline's author may have.
const maxAuthorWords = 8

// fillMetadata fills the article's parts other than Text from the page's
// metadata (page.Meta) and the blocks' roles: the head wins where it gives
// a value, the blocks fill the rest; a page with no date from either takes
// the JSON-LD web page's (page.Meta.PageDate), and an article without a
// byline block takes a date and an author it still lacks from the short
// blocks just under its headline (underHeadline, headlineDate,
// headlineAuthor).
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
	undated := a.Date == "" && a.DateText == ""
	if undated {
		a.Date, _ = date.Parse(m.PageDate)
		undated = a.Date == ""
	}
	if len(bylines) == 0 && articleParts(a.PageType) && (undated || a.Author == "") {
		lines := underHeadline(a.Blocks)
		if undated {
			a.Date = headlineDate(m, lines)
		}
		if a.Author == "" {
			a.Author = headlineAuthor(lines)
		}
	}
}

// headlineAuthor is the name after a leading "By" in lines (see cutBy,
// cleanAuthor), cut before a colon, a day ("on Wednesday") or a label of
// the date ("Published", "Last Updated") after it, when it starts with a
// capital letter; "" when no line gives one.
func headlineAuthor(lines []string) string {
	for _, l := range lines {
		rest, ok := cutBy(l)
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(cleanAuthor(rest), ":")
		words := strings.Fields(name)
		for i, w := range words {
			next := ""
			if i+1 < len(words) {
				next = words[i+1]
			}
			if i > 0 && (dateLabels[strings.ToLower(w)] || w == "on" && date.IsDateWord(next)) {
				words = words[:i]
				break
			}
		}
		if n := strings.Join(words, " "); startsUpper(n) {
			return n
		}
	}
	return ""
}

// dateLabels are words that end a byline's name where its date begins.
var dateLabels = map[string]bool{"published": true, "updated": true, "last": true, "posted": true}

// headlineLines and headlineLineWords bound where underHeadline looks: the
// blocks right after the headline, each of at most that many words.
const headlineLines, headlineLineWords = 3, 25

// underHeadline returns the texts of the short blocks just under an
// article's headline (the title block, else the first h1): at most
// headlineLines of them, up to the first of more than headlineLineWords
// words or a reader comment; nil without a headline.
func underHeadline(blocks []Block) []string {
	at, _, firstH1 := headlineBlocks(blocks)
	if at < 0 {
		at = firstH1
	}
	if at < 0 {
		return nil
	}
	var lines []string
	for i := at + 1; i < len(blocks) && i <= at+headlineLines; i++ {
		b := &blocks[i]
		if b.Role == RoleComment || text.CountWords(b.Text) > headlineLineWords {
			break
		}
		lines = append(lines, b.Text)
	}
	return lines
}

// headlineDate is the date of an article whose head gives none and whose
// blocks the byline head did not find: the first that parses (a time
// mark's datetime value, then its text, then the text) in lines, the
// blocks under its headline (underHeadline); "" when none parses. A date
// that does not parse is not taken: under the headline it may be a
// teaser's or a price.
func headlineDate(m *page.Meta, lines []string) string {
	d, _ := linesDate(m.TimeHints, lines)
	return d
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
// "By" in one of them, else one that starts with a name (see isName)
// followed by nothing or a date ("Anna Smirnova, 12 March 2024"); "" when
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
		if n := cleanAuthor(b); isName(n) {
			return n
		}
	}
	return ""
}

// byWords introduce the author in a byline, lower-case.
var byWords = []string{"by", "von", "par", "por", "di", "door"}

// cutBy returns what follows a leading "By" (or its equivalent in another
// language; a colon may follow it).
func cutBy(s string) (string, bool) {
	first, rest, _ := strings.Cut(s, " ")
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
		// The first part is the name's ("April Fulton" names a month).
		if strings.ContainsFunc(part, unicode.IsDigit) || (i > 0 && date.LooksLikeDate(part)) {
			if i == 0 {
				parts = []string{beforeDate(part)}
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

// beforeDate is what comes before the first digit of s, without the
// month and weekday names just before it: "Jane Doe" of "Jane Doe April
// 9", "" of "Jan 4".
func beforeDate(s string) string {
	words := strings.Fields(s[:max(0, strings.IndexFunc(s, unicode.IsDigit))])
	for len(words) > 0 && date.IsDateWord(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// isName reports whether a byline line reads as a name: two to four words,
// each starting with an upper-case letter, no digits ("Jane Doe",
// "ASSOCIATED PRESS"). One word is not enough: "Published", "Share" and
// "Comments" read the same as "Reuters"; nor is a label ending in "By"
// ("Written By").
func isName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 || strings.ContainsFunc(s, unicode.IsDigit) ||
		strings.EqualFold(words[len(words)-1], "by") {
		return false
	}
	for _, w := range words {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// pubDate is the publication date from the first source that parses: the
// head's date, the time marks in the byline blocks (their datetime value,
// then their text), the byline blocks' text. When none parses, dateText
// is the first date as written: the head's, a time mark's text in a
// byline, or the part of a byline block that looks like a date.
func pubDate(m *page.Meta, bylines []string) (iso, dateText string) {
	if d, ok := date.Parse(m.Date); ok {
		return d, ""
	}
	d, marks := linesDate(m.TimeHints, bylines)
	if d != "" {
		return d, ""
	}
	switch {
	case m.Date != "":
		return "", m.Date
	case len(marks) > 0:
		return "", marks[0].Text
	}
	for _, b := range bylines {
		if d := datePart(b); d != "" {
			return "", d
		}
	}
	return "", ""
}

// linesDate is the first date that parses in lines: a time mark's (of
// hints, those whose text lines hold) datetime value, then its text, then
// the lines' text; "" when none does. marks are the time marks lines
// hold, in document order.
func linesDate(hints []page.TimeHint, lines []string) (iso string, marks []page.TimeHint) {
	for _, h := range hints {
		for _, l := range lines {
			if h.Text != "" && strings.Contains(l, h.Text) {
				marks = append(marks, h)
				break
			}
		}
	}
	for _, h := range marks {
		if d, ok := date.Parse(h.Value); ok {
			return d, marks
		}
		if d, ok := date.Find(h.Text); ok {
			return d, marks
		}
	}
	for _, l := range lines {
		if d, ok := date.Find(l); ok {
			return d, marks
		}
	}
	return "", marks
}

// datePart is the part of a byline line, between separators, that looks
// like a date (date.LooksLikeDate), or "": "3 days ago" of "By Ann Lee –
// 3 days ago".
func datePart(line string) string {
	parts := []string{line}
	for _, sep := range []string{" | ", " · ", " • ", " - ", " – ", " — ", "|", "•"} {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	for _, p := range parts {
		if p = strings.TrimSpace(p); date.LooksLikeDate(p) {
			return p
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
