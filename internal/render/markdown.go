package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MarkdownText is s, a block's text, written so that a Markdown reader
// (CommonMark, GitHub's) shows it literally: nothing in it starts markup.
// Anywhere in a line, \ ` * [ and ~ are backslash-escaped, _ too unless it
// is inside a word (snake_case stays), < is written &lt; where it could
// open a tag, an autolink or a comment (before a letter, /, ! or ?), and &
// is written &amp; where it starts what could be a character reference
// (&name; &#n; &#xh;). At the start of a line, which loses its leading spaces and
// tabs (they would make code of it), the characters that open a block are
// escaped: # > - + = | : and the . or ) after a number (so "1. " is no
// list item). Other characters, periods and hyphens inside a line among
// them, are left as they are.
func MarkdownText(s string) string {
	var sb strings.Builder
	sb.Grow(len(s) + len(s)/16)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			sb.WriteByte('\n')
		}
		escapeLine(&sb, strings.TrimLeft(line, " \t"))
	}
	return sb.String()
}

// MarkdownHeading is s written as the text of a Markdown heading: on one
// line (line breaks become spaces), escaped as MarkdownText escapes it,
// with a closing # escaped so that it is not read as the heading's
// optional closing sequence.
func MarkdownHeading(s string) string {
	t := MarkdownText(strings.Join(strings.Fields(s), " "))
	if strings.HasSuffix(t, "#") {
		t = t[:len(t)-1] + `\#`
	}
	return t
}

// markdownCell is s written as the text of a Markdown table cell: as a
// heading's (one line, escaped), with | escaped too.
func markdownCell(s string) string {
	return strings.ReplaceAll(MarkdownText(strings.Join(strings.Fields(s), " ")), "|", `\|`)
}

// escapeLine writes line, which has no newline and no leading white space,
// escaped as MarkdownText says.
func escapeLine(sb *strings.Builder, line string) {
	if line == "" {
		return
	}
	start := 0
	if strings.IndexByte("#>-+=|:", line[0]) >= 0 {
		sb.WriteByte('\\')
		sb.WriteByte(line[0])
		start = 1
	} else if n := leadingDigits(line); n > 0 && n <= 9 && n < len(line) && (line[n] == '.' || line[n] == ')') {
		sb.WriteString(line[:n])
		sb.WriteByte('\\')
		sb.WriteByte(line[n])
		start = n + 1
	}
	for i := start; i < len(line); i++ {
		c := line[i]
		switch c {
		case '\\', '`', '*', '[', '~':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case '_':
			if !intraword(line, i) {
				sb.WriteByte('\\')
			}
			sb.WriteByte(c)
		case '<':
			if i+1 < len(line) && (isASCIILetter(line[i+1]) || strings.IndexByte("/!?", line[i+1]) >= 0) {
				sb.WriteString("&lt;")
			} else {
				sb.WriteByte(c)
			}
		case '&':
			if isReference(line[i:]) {
				sb.WriteString("&amp;")
			} else {
				sb.WriteByte(c)
			}
		default:
			sb.WriteByte(c)
		}
	}
}

// leadingDigits is the number of ASCII digits s starts with.
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isReference reports whether s starts with what CommonMark may read as a
// character reference: & then a letter or #, up to 32 letters, digits
// (or # and x), then ;.
func isReference(s string) bool {
	if len(s) < 3 || !(isASCIILetter(s[1]) || s[1] == '#') {
		return false
	}
	for i := 2; i < len(s) && i < 34; i++ {
		switch c := s[i]; {
		case c == ';':
			return true
		case isASCIILetter(c) || c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return false
}

// intraword reports whether the byte at i in s has a letter or digit on
// both sides, where an underscore opens and closes no emphasis.
func intraword(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return i > 0 && i+1 < len(s) && alnum(before) && alnum(after)
}

// codeFence is the fence for a code block holding code: three backticks,
// or one more than the longest run of backticks in code, so that no line
// of code closes it.
func codeFence(code string) string {
	longest, run := 0, 0
	for i := 0; i < len(code); i++ {
		if code[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}
