package text

import (
	"unicode"
	"unicode/utf8"
)

// CountWords counts the words of s: runs of non-space characters that
// contain a letter or digit. Scripts written without spaces (Han, kana)
// count one word per two characters, near the mean word length of Chinese.
func CountWords(s string) int {
	var w WordCount
	w.Feed(s)
	return w.Total()
}

// WordCount counts words as CountWords does, over text given to it in
// pieces: by Feed, or, by a caller that classifies the text itself, by
// Space, Visible and Rune. The zero value is an empty count.
type WordCount struct {
	words, cjk    int
	inWord, alnum bool // in a word; it has a letter or digit
}

// Space ends the word being read, if any.
func (w *WordCount) Space() {
	if w.inWord && w.alnum {
		w.words++
	}
	w.inWord, w.alnum = false, false
}

// Visible adds characters, none of them white space or Han or kana, that
// include a letter or digit if alnum.
func (w *WordCount) Visible(alnum bool) {
	w.inWord = true
	w.alnum = w.alnum || alnum
}

// Rune adds the non-ASCII, non-space rune r.
func (w *WordCount) Rune(r rune) {
	if r >= 0x2e80 && IsCJK(r) {
		w.cjk++
	} else {
		w.Visible(unicode.IsLetter(r) || unicode.IsDigit(r))
	}
}

// Feed adds the text s.
func (w *WordCount) Feed(s string) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch ASCIIClass[c] {
			case ClassSpace:
				w.Space()
			case ClassAlnum:
				w.Visible(true)
			default:
				w.Visible(false)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if IsSpace(r) {
			w.Space()
		} else {
			w.Rune(r)
		}
	}
}

// Total is the number of words in the text so far.
func (w *WordCount) Total() int {
	n := w.words
	if w.inWord && w.alnum {
		n++
	}
	return n + (w.cjk+1)/2
}

// IsCJK reports the Han, Hiragana and Katakana runes: scripts written
// without spaces between words.
func IsCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}
