package text

import "unicode/utf8"

// ASCII byte classes (ASCIIClass) for the fast paths of segmentation and
// word counting: white space as IsSpace has it, letters and digits, and the
// rest.
const (
	ClassOther = iota
	ClassSpace
	ClassAlnum
)

// ASCIIClass is the class of every ASCII byte.
var ASCIIClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch r := rune(c); {
		case IsSpace(r):
			t[c] = ClassSpace
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			t[c] = ClassAlnum
		}
	}
	return t
}()

// Byte classes (ByteStat) for the text statistics and class-token
// splitting: of ASCII bytes, white space as IsSpace has it, digits, upper-
// and lower-case letters, '.', ',', and the rest (all of it punctuation or
// symbols, or control characters, which count as such); and the bytes of
// UTF-8 sequences of other runes.
const (
	StatOther = iota
	StatSpace
	StatDigit
	StatUpper
	StatLower
	StatStop
	StatComma
	StatNonASCII
)

// ByteStat is the class of every byte value.
var ByteStat = func() (t [256]uint8) {
	for c := range 256 {
		switch r := rune(c); {
		case c >= utf8.RuneSelf:
			t[c] = StatNonASCII
		case IsSpace(r):
			t[c] = StatSpace
		case '0' <= r && r <= '9':
			t[c] = StatDigit
		case 'A' <= r && r <= 'Z':
			t[c] = StatUpper
		case 'a' <= r && r <= 'z':
			t[c] = StatLower
		case r == '.':
			t[c] = StatStop
		case r == ',':
			t[c] = StatComma
		}
	}
	return t
}()
