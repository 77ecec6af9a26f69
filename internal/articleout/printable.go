package articleout

import (
	"strings"
	"unicode/utf8"
)

// Printable is s without what would drive a terminal instead of showing
// on it: the C0 controls but newline and tab, DEL, the C1 controls
// (U+0080-U+009F), and the escape sequences they open, whole: ESC [ (or
// CSI) with its parameters and final byte, ESC ] P X ^ _ (or OSC, DCS, SOS,
// PM, APC) up to their terminator (BEL or ST) when there is one, and the
// two-byte escapes (ESC c, ESC 7, ESC ( B). So a page's text cannot clear
// the screen, move the cursor, recolour the terminal, set its title or
// write to its clipboard through winnow's output, and whatever else it
// holds is kept. Invalid UTF-8 is kept as it is.
func Printable(s string) string {
	if !hasControl(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += escapeLen(s[i:])
		case r == 0x9b: // CSI
			i += w + csiLen(s[i+w:])
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // DCS SOS OSC PM APC
			i += w + stringLen(s[i+w:])
		case isControl(r):
			i += w
		default:
			sb.WriteString(s[i : i+w])
			i += w
		}
	}
	return sb.String()
}

// isControl reports whether r is a C0 control other than newline and tab,
// DEL or a C1 control.
func isControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f
}

// hasControl reports whether s holds a character Printable drops.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
			return true
		}
	}
	return false
}

// escapeLen is the length of the escape sequence that s, starting with
// ESC, starts: at least the ESC.
func escapeLen(s string) int {
	if len(s) < 2 {
		return 1
	}
	switch c := s[1]; {
	case c == '[':
		return 2 + csiLen(s[2:])
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return 2 + stringLen(s[2:])
	case c >= 0x20 && c <= 0x2f: // intermediates, then a final byte
		n := 1
		for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
			n++
		}
		if n < len(s) && s[n] >= 0x30 && s[n] <= 0x7e {
			n++
		}
		return n
	case c >= 0x30 && c <= 0x7e:
		return 2
	}
	return 1
}

// csiLen is the length of a control sequence's parameters, intermediates
// and final byte at the start of s (what follows ESC [ or CSI); it stops
// before a byte that cannot be part of one.
func csiLen(s string) int {
	n := 0
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x3f {
		n++
	}
	if n < len(s) && s[n] >= 0x40 && s[n] <= 0x7e {
		n++
	}
	return n
}

// stringLen is the length of a control string at the start of s (what
// follows ESC ] and the like) through its terminator, BEL, ESC \ or ST;
// 0 when s has no terminator, so that only the opening is dropped.
func stringLen(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
	}
	return 0
}
