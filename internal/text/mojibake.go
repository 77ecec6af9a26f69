package text

import (
	"strings"
	"unicode/utf8"
)

// SoftHyphen is U+00AD, which marks where a word may break and is not
// shown otherwise.
const SoftHyphen = '\u00ad'

// WithoutSoftHyphens returns s without its soft hyphens (SoftHyphen), so
// that a word a page marks as breakable reads as one word.
func WithoutSoftHyphens(s string) string {
	if !strings.ContainsRune(s, SoftHyphen) {
		return s
	}
	return strings.ReplaceAll(s, string(SoftHyphen), "")
}

// RepairDoubleUTF8 undoes double encoding: UTF-8 text read once as
// Windows-1252 (or Latin-1) and encoded as UTF-8 again, which turns "é"
// into "Ã©" and "’" into "â€™". It repairs s only when the repair is
// unambiguous: every non-ASCII rune of s is a Windows-1252 or Latin-1
// character, their bytes in that encoding form valid UTF-8, and at least
// one of the multi-byte sequences they form has a second byte other than
// 0xA0 (a no-break space after "Ã" or "É" is common in text that is not
// double-encoded). Text mixing a double-encoded word with a correct "é",
// or with any character outside those encodings, is left alone. It
// returns the repaired text and true, or s and false.
func RepairDoubleUTF8(s string) (string, bool) {
	// Every double-encoded sequence starts with a rune in U+00C2-U+00F4,
	// whose UTF-8 encoding starts with 0xC3.
	if strings.IndexByte(s, 0xC3) < 0 {
		return s, false
	}
	need, second, evidence := 0, false, false
	for _, r := range s {
		b, ok := cp1252Byte(r) // U+FFFD, from invalid UTF-8 too, has none
		if !ok {
			return s, false
		}
		switch {
		case need > 0:
			if b < 0x80 || b > 0xBF {
				return s, false
			}
			if second && b != 0xA0 {
				evidence = true
			}
			need, second = need-1, false
		case b < 0x80:
		case b >= 0xC2 && b <= 0xDF:
			need, second = 1, true
		case b >= 0xE0 && b <= 0xEF:
			need, second = 2, true
		case b >= 0xF0 && b <= 0xF4:
			need, second = 3, true
		default:
			return s, false
		}
	}
	if need > 0 || !evidence {
		return s, false
	}
	out := make([]byte, 0, len(s))
	for _, r := range s {
		b, _ := cp1252Byte(r)
		out = append(out, b)
	}
	if !utf8.Valid(out) {
		return s, false
	}
	return string(out), true
}

// cp1252Byte is the byte that encodes r in Windows-1252, where the
// bytes 0x80-0x9F Windows-1252 leaves undefined and Latin-1's C1 controls
// stand for themselves.
func cp1252Byte(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	for i, c := range cp1252High {
		if c == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// cp1252High are the characters of Windows-1252's bytes 0x80-0x9F (0 for
// the five it leaves undefined).
var cp1252High = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}
