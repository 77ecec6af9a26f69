package features

import (
	"unicode"
	"unicode/utf8"
)

// wrapWidth is the line width boilerpipe wraps text at to compute text density.
const wrapWidth = 80

// textStats are the shallow text features of one block, from the boilerpipe
// paper (Kohlschütter et al., WSDM 2010, section 4) and its TextBlock class.
type textStats struct {
	words       float64 // number of words
	avgWordLen  float64 // mean characters per word
	avgSentLen  float64 // words per sentence
	density     float64 // text density: words per 80-column wrapped line
	linkDensity float64 // words inside <a> / words
	fullStops   float64 // number of '.' characters
	upperShare  float64 // share of words starting with an upper-case letter
	digitShare  float64 // share of non-space characters that are digits
	punctShare  float64 // share of non-space characters that are punctuation or symbols
	commas      float64 // number of commas
	endsPunct   float64 // 1 if the text ends with sentence punctuation
}

func computeTextStats(b *Block) textStats {
	var st textStats
	s := b.Text
	var (
		words, upper, wordChars int
		chars, digits, punct    int
		sentences               int
		inWord                  bool
		last                    rune
	)
	endToken := func() {
		if inWord {
			words++
		}
		inWord = false
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		if isSpace(r) {
			if last == '.' || last == '!' || last == '?' {
				sentences++
			}
			endToken()
			last = ' '
			continue
		}
		chars++
		switch {
		case r < 0x80 && ('0' <= r && r <= '9'):
			digits++
			wordChars++
		case r < 0x80 && ('a' <= r|0x20 && r|0x20 <= 'z'):
			if !inWord && r <= 'Z' {
				upper++
			}
			wordChars++
		case r == '.':
			st.fullStops++
			punct++
		case r == ',':
			st.commas++
			punct++
		case r == '。' || r == '！' || r == '？':
			sentences++
			punct++
		case r < 0x80 || unicode.IsPunct(r) || unicode.IsSymbol(r):
			punct++
		case unicode.IsDigit(r):
			digits++
			wordChars++
		default:
			if !inWord && unicode.IsUpper(r) {
				upper++
			}
			wordChars++
		}
		inWord = true
		last = r
	}
	switch last {
	case '.', '!', '?', '"', '\u201d', '。', '！', '？', ')':
		st.endsPunct = 1
		sentences++
	}
	endToken()
	if sentences == 0 {
		sentences = 1
	}
	st.density = textDensity(s)
	st.words = float64(b.Words)
	if words > 0 {
		st.avgWordLen = float64(wordChars) / float64(words)
		st.upperShare = float64(upper) / float64(words)
	}
	st.avgSentLen = float64(b.Words) / float64(sentences)
	if b.Words > 0 {
		st.linkDensity = float64(b.LinkWords) / float64(b.Words)
	}
	if chars > 0 {
		st.digitShare = float64(digits) / float64(chars)
		st.punctShare = float64(punct) / float64(chars)
	}
	return st
}

func notAlnum(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// textDensity is boilerpipe's text density: the words of s are laid out on
// lines of wrapWidth columns, and the density is the number of words per
// line, leaving out the last, incomplete line; a block that fits on one line
// has density = its words. It follows BoilerpipeHTMLContentHandler.flushBlock
// (bp sax/BoilerpipeHTMLContentHandler.java) token for token: only word
// tokens (with a letter or digit) take room, a word is as wide as its
// characters plus one space, and a line wraps once it is wider than
// wrapWidth. A run of Han or kana characters, written without spaces, is
// laid out as words of two characters, as countWords counts it.
func textDensity(s string) float64 {
	words, wrapped, onLine := 0, 0, 0
	lineLen := -1
	add := func(width int) {
		words++
		onLine++
		lineLen += width + 1
		if lineLen > wrapWidth {
			wrapped++
			lineLen = width
			onLine = 1
		}
	}
	for len(s) > 0 {
		i := 0
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isSpace(r) {
				break
			}
			i += n
		}
		s = s[i:]
		j := 0
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) {
				break
			}
			j += n
		}
		tok := s[:j]
		s = s[j:]
		if tok == "" {
			break
		}
		w := countWords(tok)
		if w == 0 {
			continue
		}
		width := utf8.RuneCountInString(tok)
		for k := range w {
			// Split the token's width among its pseudo-words, the first ones taking any remainder.
			ww := width / w
			if k < width%w {
				ww++
			}
			add(ww)
		}
	}
	if wrapped == 0 {
		return float64(words)
	}
	return float64(words-onLine) / float64(wrapped)
}
