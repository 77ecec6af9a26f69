package text

import (
	"strings"
	"testing"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		name, reason, text string
		want               int
	}{
		{"empty", "no text, no words", "", 0},
		{"english", "words are space-separated tokens with a letter or digit", "The cat sat, on 2 mats.", 6},
		{"punctuation tokens", "tokens without a letter or digit are not words", "a - b | c ...", 3},
		{"cyrillic", "non-Latin letters count", "Привет мир", 2},
		{"chinese", "Han text counts one word per two characters, rounded up", "中华人民共和国", 4},
		{"mixed", "Latin words plus Han characters", "Go 语言", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CountWords(tt.text); got != tt.want {
				t.Errorf("CountWords(%q) = %d, want %d: %s", tt.text, got, tt.want, tt.reason)
			}
		})
	}
}

// TestWordCountPieces checks that feeding a text in pieces counts what
// CountWords counts for the whole, wherever the cuts fall, and that
// NormalizeSpace keeps the words.
func TestWordCountPieces(t *testing.T) {
	texts := []string{"The cat sat, on 2 mats.", "中华人民共和国 and 日本語", "a\u00a0b\u200bc", " - | ...", "Привет, мир!"}
	for _, s := range texts {
		want := CountWords(s)
		for cut := 0; cut <= len(s); cut++ {
			if !isRuneStart(s, cut) {
				continue
			}
			var w WordCount
			w.Feed(s[:cut])
			w.Feed(s[cut:])
			if got := w.Total(); got != want {
				t.Errorf("%q cut at %d: %d words, want %d", s, cut, got, want)
			}
		}
		if got := CountWords(NormalizeSpace(s)); got != want {
			t.Errorf("CountWords(NormalizeSpace(%q)) = %d, want %d", s, got, want)
		}
	}
}

func isRuneStart(s string, i int) bool { return i == len(s) || s[i]&0xc0 != 0x80 }

func TestNormalizeSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{" \t\n", ""},
		{"  a  b\n\nc ", "a b c"},
		{"a\u00a0\u200b\ufeffb", "a b"},
	}
	for _, tt := range tests {
		if got := NormalizeSpace(tt.in); got != tt.want {
			t.Errorf("NormalizeSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := HasVisible(tt.in); got != (tt.want != "") {
			t.Errorf("HasVisible(%q) = %v", tt.in, got)
		}
	}
	if strings.ContainsRune(NormalizeSpace("x\u3000y"), '\u3000') {
		t.Error("the ideographic space is white space")
	}
}
