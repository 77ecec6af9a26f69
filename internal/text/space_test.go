package text

import "testing"

// TestHasPrintable checks that white space and invisible format characters
// alone are not printable, and that any other rune is, these marks
// around it or not.
func TestHasPrintable(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", false},
		{" \t\n\u00a0", false},
		{"\u200d", false},              // zero-width joiner
		{"\u200c \u200e\u200f", false}, // non-joiner, direction marks
		{"\u2060\ufeff\u200b", false},  // word joiner, BOM, zero-width space
		{"a", true},
		{"\u200d.", true},          // punctuation is seen
		{"👨\u200d👩", true},         // an emoji sequence
		{"\u00ad", false},          // a soft hyphen (Cf) alone
		{"\u200dmi\u200cxy", true}, // letters among the marks
		{"\x00", true},             // a control character is not a format one
	} {
		if got := HasPrintable(c.s); got != c.want {
			t.Errorf("HasPrintable(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
