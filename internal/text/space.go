package text

import (
	"strings"
	"unicode"
)

// IsSpace reports white space, including the no-break space that pages use
// for layout and the zero-width space and stray byte order marks that
// render as nothing.
func IsSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v' || r == 0xa0 ||
		(r > 0x7f && (unicode.IsSpace(r) || r == 0x200b || r == 0xfeff))
}

// HasVisible reports whether s has a rune that is not white space: whether
// NormalizeSpace(s) is not empty.
func HasVisible(s string) bool {
	for _, r := range s {
		if !IsSpace(r) {
			return true
		}
	}
	return false
}

// HasPrintable reports whether s has a rune that is neither white space
// (IsSpace) nor an invisible format character (Unicode category Cf: the
// zero-width joiner and non-joiner, direction marks, the word joiner),
// which render as nothing on their own.
func HasPrintable(s string) bool {
	for _, r := range s {
		if !IsSpace(r) && (r < 0x80 || !unicode.Is(unicode.Cf, r)) {
			return true
		}
	}
	return false
}

// NormalizeSpace collapses runs of white space into one space and trims.
func NormalizeSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
