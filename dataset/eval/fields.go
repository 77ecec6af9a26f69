package eval

import (
	"strconv"
	"strings"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
)

// scoredFields are the article fields the report scores against the gold
// the sets give (dataset.LabelledPage's GoldTitle, GoldAuthor, GoldDate),
// in its order.
var scoredFields = [...]string{"title", "author", "date"}

// fieldMatch is how one article field did on one page: whether the page
// has gold for it, whether the field equals it, and their bag-of-words F1.
type fieldMatch struct {
	has, exact bool
	f1         float64
}

// scoreFields compares a's title and author with p's gold as word tokens
// (dataset.Tokens: case, punctuation and spacing aside), and a's date
// with p's gold date as a day (the first ten characters of both, where
// the gold's are an ISO date: YYYY-MM-DD).
func scoreFields(p *dataset.LabelledPage, a *winnow.Article) [len(scoredFields)]fieldMatch {
	var out [len(scoredFields)]fieldMatch
	for k, pair := range [...][2]string{{p.GoldTitle, a.Title}, {p.GoldAuthor, a.Author}} {
		gold, got := pair[0], pair[1]
		goldTokens := dataset.Tokens(gold)
		if len(goldTokens) == 0 {
			continue
		}
		out[k].has = true
		out[k].exact = strings.Join(goldTokens, " ") == strings.Join(dataset.Tokens(got), " ")
		_, _, out[k].f1 = dataset.BagOfWords(got, gold)
	}
	if day, ok := isoDay(p.GoldDate); ok {
		got, _ := isoDay(a.Date)
		out[2] = fieldMatch{has: true, exact: got == day}
		if out[2].exact {
			out[2].f1 = 1
		}
	}
	return out
}

// isoDay returns the day of an ISO 8601 date or date-time (its first ten
// characters, YYYY-MM-DD), and whether s starts with one.
func isoDay(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return "", false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	return s[:10], true
}

// FieldScore is how one article field matched the gold over the pages
// that have gold for it.
type FieldScore struct {
	Field string `json:"field"`
	Pages int    `json:"pages"`
	// Exact is the share of those pages whose field equals the gold (as
	// words; a date as its day); F1 the mean bag-of-words F1 (for a date,
	// Exact again).
	Exact float64 `json:"exact"`
	F1    float64 `json:"f1"`
}

// fieldScores aggregates the pages' field matches; nil when no page has
// gold for any field.
func fieldScores(prs []pageRoles) []FieldScore {
	var out []FieldScore
	for k, name := range scoredFields {
		fs := FieldScore{Field: name}
		exact := 0
		for _, pr := range prs {
			if m := pr.fields[k]; m.has {
				fs.Pages++
				fs.F1 += m.f1
				if m.exact {
					exact++
				}
			}
		}
		if fs.Pages == 0 {
			continue
		}
		fs.Exact = float64(exact) / float64(fs.Pages)
		fs.F1 /= float64(fs.Pages)
		out = append(out, fs)
	}
	return out
}

// fieldTable shows, per model and group, how the article's fields match
// the gold the sets give.
func fieldTable(r *Report) *table {
	t := &table{Title: "Article fields against the sets' gold (WCXB's title, author and date, DAnIEL's headline): pages with gold, share equal to it (as words; a date as its day), mean bag-of-words F1",
		Head: []string{"system", "group", "field", "pages", "exact", "F1"}}
	for _, rr := range r.Roles {
		for _, fs := range rr.Fields {
			t.add(rr.System, rr.Group, fs.Field, strconv.Itoa(fs.Pages), f3(fs.Exact), f3(fs.F1))
		}
	}
	return t
}
