// Package date reads the publication dates pages write, in metadata or in
// a byline, into ISO 8601.
//
//	d, ok := date.Find("By Jane Doe, 09 April, 2024, 01:45 pm") // "2024-04-09", true
package date

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// maxInput is the longest text read: a byline, not a page.
const maxInput = 512

// The forms a date is found in, each anchored to a position in a
// lower-cased text. The year has four digits in all of them: a two-digit
// year, and a day and month whose order the text does not settle (4/9/2024),
// are not read.
var (
	// 2024-04-09, 2024-04-09T13:45:00Z, 2024-04-09 13:45+02:00, 2024/04/09
	isoDate = regexp.MustCompile(`\b(\d{4})([-/])(\d{1,2})[-/](\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?\b`)
	// 9.4.2024, 09. 04. 2024: day first, as everywhere dots are written
	dotDate = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b`)
	// 9/4/2024 or 4/9/2024: read only when one part exceeds 12
	slashDate = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	// 9 April 2024, 09 April, 2024, 9th of April 2024, 9. April 2024, 9 de abril de 2024
	dayMonth = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\.?\s*(?:of\s+|de\s+)?(\pL+)\.?,?\s+(?:de\s+)?(\d{4})\b`)
	// April 9, 2024, Apr. 9th 2024
	monthDay = regexp.MustCompile(`\b(\pL+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// the time after a date: 01:45 pm, at 13:45:10 utc, 1.45pm
	clock = regexp.MustCompile(`^[\s,]*(?:at\s+|um\s+|à\s+|-\s+|\|\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(utc|gmt|z|[+-]\d{2}:?\d{2})?\b`)
)

// months are month names and abbreviations in English, German, French,
// Spanish, Italian, Dutch and Portuguese, and Russian names (genitive and
// nominative), lower-case.
var months = monthNames()

func monthNames() map[string]time.Month {
	names := [12]string{
		"january jan januar janvier enero gennaio januari janeiro jän января январь",
		"february feb februar février fevrier febrero febbraio februari fevereiro февраля февраль",
		"march mar märz maerz mars marzo maart março марта март",
		"april apr avril abril aprile апреля апрель",
		"may mai mayo maggio mei maio мая май",
		"june jun juni juin junio giugno junho июня июнь",
		"july jul juli juillet julio luglio julho июля июль",
		"august aug août aout agosto augustus августа август",
		"september sep sept septembre septiembre settembre setembro сентября сентябрь",
		"october oct oktober octobre octubre ottobre oktober outubro okt октября октябрь",
		"november nov novembre noviembre novembro ноября ноябрь",
		"december dec dezember décembre decembre diciembre dicembre dezembro dez декабря декабрь",
	}
	m := make(map[string]time.Month)
	for i, list := range names {
		for _, n := range strings.Fields(list) {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}

// Parse reads s, a date as metadata or a <time> element gives it (see
// Find), into ISO 8601: "2006-01-02", or RFC 3339
// ("2006-01-02T15:04:05Z07:00") when s gives a time and its zone (an
// offset, Z, UTC or GMT). A time without a zone is dropped: it does not
// say which day it is elsewhere, but the date as written stands.
func Parse(s string) (string, bool) { return Find(s) }

// Find returns the first date in s, a text such as a byline ("By Jane
// Doe, April 9, 2024, 3:05 pm"), as Parse writes it. It reads day, month
// and year in the forms of the package's patterns, with month names in
// English and the major Western European languages, and checks that the
// day exists; ok is false when there is none, or s is longer than a
// byline.
func Find(s string) (string, bool) {
	if len(s) > maxInput {
		return "", false
	}
	low := strings.ToLower(s)
	best, out := -1, ""
	try := func(start int, iso string) {
		if iso != "" && (best < 0 || start < best) {
			best, out = start, iso
		}
	}
	if m := isoDate.FindStringSubmatchIndex(low); m != nil {
		try(m[0], isoMatch(low, m))
	}
	if m := dotDate.FindStringSubmatchIndex(low); m != nil {
		d, mo, y := num(low, m, 1), num(low, m, 2), num(low, m, 3)
		try(m[0], withClock(low[m[1]:], y, mo, d))
	}
	if m := slashDate.FindStringSubmatchIndex(low); m != nil {
		a, b, y := num(low, m, 1), num(low, m, 2), num(low, m, 3)
		switch {
		case a > 12 && b <= 12:
			try(m[0], withClock(low[m[1]:], y, b, a))
		case b > 12 && a <= 12:
			try(m[0], withClock(low[m[1]:], y, a, b))
		case a == b:
			try(m[0], withClock(low[m[1]:], y, a, a))
		}
	}
	for _, m := range dayMonth.FindAllStringSubmatchIndex(low, 4) {
		if mo, ok := months[low[m[4]:m[5]]]; ok {
			try(m[0], withClock(low[m[1]:], num(low, m, 3), int(mo), num(low, m, 1)))
			break
		}
	}
	for _, m := range monthDay.FindAllStringSubmatchIndex(low, 4) {
		if mo, ok := months[low[m[2]:m[3]]]; ok {
			try(m[0], withClock(low[m[1]:], num(low, m, 3), int(mo), num(low, m, 2)))
			break
		}
	}
	return out, best >= 0
}

// LooksLikeDate reports whether s, which Find could not read, still seems
// to be a date or time as written: it names a month or a weekday, says
// "ago", "yesterday" or "today", or has digits grouped as in a date.
func LooksLikeDate(s string) bool {
	if len(s) > maxInput {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r > 0x7f)
	}) {
		if w == "ago" || w == "yesterday" || w == "today" {
			return true
		}
		if IsDateWord(w) && w != "may" && w != "mar" && w != "mai" && w != "май" {
			return true
		}
	}
	return looseDigits.MatchString(s)
}

// IsDateWord reports whether w, in any case and with a trailing dot or
// comma, is a month's name or abbreviation (as Find reads them) or an
// English weekday's.
func IsDateWord(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ".,"))
	if _, ok := months[w]; ok {
		return true
	}
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
		return true
	}
	return false
}

var looseDigits = regexp.MustCompile(`\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?\b`)

// isoMatch reads a match of isoDate: the date, or "" when it does not
// exist.
func isoMatch(low string, m []int) string {
	y, mo, d := num(low, m, 1), num(low, m, 3), num(low, m, 4)
	if !valid(y, mo, d) {
		return ""
	}
	// No time, no zone, or slashes (2024/04/09 13:45 is no ISO form).
	if m[10] < 0 || m[16] < 0 || low[m[4]:m[5]] == "/" {
		return format(y, mo, d)
	}
	h, mi, sec := num(low, m, 5), num(low, m, 6), 0
	if m[14] >= 0 {
		sec = num(low, m, 7)
	}
	if iso := rfc3339(y, mo, d, h, mi, sec, low[m[16]:m[17]]); iso != "" {
		return iso
	}
	return format(y, mo, d)
}

// withClock is the date y-mo-d, with the time that follows it in rest
// when that time gives its zone; "" when the date does not exist.
func withClock(rest string, y, mo, d int) string {
	if !valid(y, mo, d) {
		return ""
	}
	c := clock.FindStringSubmatchIndex(rest)
	if c == nil || c[10] < 0 {
		return format(y, mo, d)
	}
	h, mi, sec := num(rest, c, 1), num(rest, c, 2), 0
	if c[6] >= 0 {
		sec = num(rest, c, 3)
	}
	if c[8] >= 0 {
		pm := rest[c[8]] == 'p'
		if h < 1 || h > 12 {
			return format(y, mo, d)
		}
		switch {
		case pm && h < 12:
			h += 12
		case !pm && h == 12:
			h = 0
		}
	}
	if iso := rfc3339(y, mo, d, h, mi, sec, rest[c[10]:c[11]]); iso != "" {
		return iso
	}
	return format(y, mo, d)
}

// rfc3339 writes a time in the zone zone (z, utc, gmt or ±hh[:]mm), or
// "" when it does not exist.
func rfc3339(y, mo, d, h, mi, sec int, zone string) string {
	if h > 23 || mi > 59 || sec > 60 {
		return ""
	}
	off := 0
	if zone != "z" && zone != "utc" && zone != "gmt" {
		digits := strings.ReplaceAll(zone[1:], ":", "")
		zh, _ := strconv.Atoi(digits[:2])
		zm := 0
		if len(digits) >= 4 {
			zm, _ = strconv.Atoi(digits[2:4])
		}
		if zh > 14 || zm > 59 {
			return ""
		}
		off = zh*3600 + zm*60
		if zone[0] == '-' {
			off = -off
		}
	}
	loc := time.UTC
	if off != 0 {
		loc = time.FixedZone("", off)
	}
	return time.Date(y, time.Month(mo), d, h, mi, min(sec, 59), 0, loc).Format(time.RFC3339)
}

func valid(y, mo, d int) bool {
	if y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func format(y, mo, d int) string {
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// num is submatch i of m in s as a number (0 when absent).
func num(s string, m []int, i int) int {
	if m[2*i] < 0 {
		return 0
	}
	n, _ := strconv.Atoi(s[m[2*i]:m[2*i+1]])
	return n
}
