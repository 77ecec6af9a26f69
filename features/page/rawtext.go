package page

import "bytes"

// scanComment returns where the tokenizer ends a comment whose text
// starts at p, after "<!--": after "-->" or "--!>" (their dashes after
// the "<!--"), or "<!-->" and "<!--->" for an empty comment, or at the
// end of the page (done). The tokenizer counts dashes byte by byte; a '>'
// ends the comment exactly when two dashes, or two dashes and a '!',
// come right before it, so the scan can jump from '>' to '>'.
func scanComment(b []byte, p int) (end int, done bool) {
	switch {
	case p < len(b) && b[p] == '>':
		return p + 1, false
	case p+1 < len(b) && b[p] == '-' && b[p+1] == '>':
		return p + 2, false
	}
	for q := p; ; {
		j := bytes.IndexByte(b[q:], '>')
		if j < 0 {
			return len(b), true
		}
		gt := q + j
		if gt-2 >= p && b[gt-1] == '-' && b[gt-2] == '-' {
			return gt + 1, false
		}
		if gt-3 >= p && b[gt-1] == '!' && b[gt-2] == '-' && b[gt-3] == '-' {
			return gt + 1, false
		}
		q = gt + 1
	}
}

// endTagResult is what rawEndTag finds.
type endTagResult uint8

const (
	endTagFound    endTagResult = iota // the end tag
	endTagMismatch                     // another byte: read on from it
	endTagEOF                          // the end of the page
)

// rawEndTag reports whether b[p:] goes on an end tag whose "</" comes
// right before p, as the tokenizer looks for the end of raw text: name
// (lower case) in any case, then white space, '/' or '>'. On a mismatch,
// at is the byte that did not match, which the tokenizer reads again.
func rawEndTag(b []byte, p int, name string) (at int, r endTagResult) {
	for i := range len(name) {
		if p+i >= len(b) {
			return len(b), endTagEOF
		}
		if c := b[p+i]; c != name[i] && c != name[i]-('a'-'A') {
			return p + i, endTagMismatch
		}
	}
	at = p + len(name)
	switch {
	case at >= len(b):
		return len(b), endTagEOF
	case isSpace(b[at]) || b[at] == '/' || b[at] == '>':
		return at, endTagFound
	}
	return at, endTagMismatch
}

// scanRawText returns where the raw text or RCDATA of the element name
// that starts at p ends: at the '<' of its end tag, or at the end of the
// page (done).
func scanRawText(b []byte, p int, name string) (end int, done bool) {
	for {
		j := bytes.IndexByte(b[p:], '<')
		if j < 0 {
			return len(b), true
		}
		lt := p + j
		if lt+1 >= len(b) {
			return len(b), true
		}
		if b[lt+1] != '/' {
			p = lt + 1
			continue
		}
		at, r := rawEndTag(b, lt+2, name)
		switch r {
		case endTagFound:
			return lt, false
		case endTagEOF:
			return len(b), true
		}
		p = at
	}
}

// The states of the tokenizer in a script's text, named as in the HTML
// standard (its script data states).
const (
	scriptData = iota
	scriptLessThan
	scriptEndTagOpen
	scriptEscapeStart
	scriptEscapeStartDash
	scriptEscaped
	scriptEscapedDash
	scriptEscapedDashDash
	scriptEscapedLessThan
	scriptEscapedEndTagOpen
	scriptDoubleEscapeStart
	scriptDoubleEscaped
	scriptDoubleEscapedDash
	scriptDoubleEscapedDashDash
	scriptDoubleEscapedLessThan
	scriptDoubleEscapeEnd
)

// scanScript returns where the text of a script that starts at p ends,
// following the tokenizer's script data states: at the '<' of the
// </script> that ends it, or at the end of the page (done). "<!--" in a
// script escapes it, and "<script" in the escaped text hides the next
// </script>. Where the tokenizer departs from the standard, scanScript
// follows the tokenizer: in escaped text, '<' and a byte other than '/'
// or a letter go back to unescaped text, and so does "-->" after a
// double-escaped one.
func scanScript(b []byte, p int) (end int, done bool) {
	state := scriptData
	for {
		if state == scriptData {
			j := bytes.IndexByte(b[p:], '<')
			if j < 0 {
				return len(b), true
			}
			p += j + 1
			state = scriptLessThan
			continue
		}
		if p >= len(b) {
			return len(b), true
		}
		c := b[p]
		switch state {
		case scriptLessThan:
			switch c {
			case '/':
				p, state = p+1, scriptEndTagOpen
			case '!':
				p, state = p+1, scriptEscapeStart
			default:
				state = scriptData // read c again
			}
		case scriptEndTagOpen, scriptEscapedEndTagOpen:
			at, r := rawEndTag(b, p, "script")
			switch r {
			case endTagFound:
				return p - 2, false
			case endTagEOF:
				return len(b), true
			}
			p = at
			if state == scriptEndTagOpen {
				state = scriptData
			} else {
				state = scriptEscaped
			}
		case scriptEscapeStart, scriptEscapeStartDash:
			if c != '-' {
				state = scriptData
			} else if p++; state == scriptEscapeStart {
				state = scriptEscapeStartDash
			} else {
				state = scriptEscapedDashDash
			}
		case scriptEscaped, scriptEscapedDash, scriptEscapedDashDash:
			p++
			switch {
			case c == '-' && state == scriptEscaped:
				state = scriptEscapedDash
			case c == '-':
				state = scriptEscapedDashDash
			case c == '<':
				state = scriptEscapedLessThan
			case c == '>' && state == scriptEscapedDashDash:
				state = scriptData
			default:
				state = scriptEscaped
			}
		case scriptEscapedLessThan:
			switch {
			case c == '/':
				p, state = p+1, scriptEscapedEndTagOpen
			case isLetter(c):
				state = scriptDoubleEscapeStart
			default:
				state = scriptData // read c again
			}
		case scriptDoubleEscapeStart:
			at, r := rawEndTag(b, p, "script") // "script" and a delimiter, as after "</"
			switch r {
			case endTagFound:
				p, state = at+1, scriptDoubleEscaped
			case endTagEOF:
				return len(b), true
			default:
				p, state = at, scriptEscaped
			}
		case scriptDoubleEscaped, scriptDoubleEscapedDash, scriptDoubleEscapedDashDash:
			p++
			switch {
			case c == '-' && state == scriptDoubleEscaped:
				state = scriptDoubleEscapedDash
			case c == '-':
				state = scriptDoubleEscapedDashDash
			case c == '<':
				state = scriptDoubleEscapedLessThan
			case c == '>' && state == scriptDoubleEscapedDashDash:
				state = scriptData
			default:
				state = scriptDoubleEscaped
			}
		case scriptDoubleEscapedLessThan:
			if c == '/' {
				p, state = p+1, scriptDoubleEscapeEnd
			} else {
				state = scriptDoubleEscaped // read c again
			}
		case scriptDoubleEscapeEnd:
			at, r := rawEndTag(b, p, "script")
			switch r {
			case endTagFound:
				p, state = at+1, scriptEscaped
			case endTagEOF:
				return len(b), true
			default:
				p, state = at, scriptDoubleEscaped
			}
		}
	}
}
