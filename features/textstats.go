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
		lineLen, lines          int
		wordsInFullLines        int
		wordsOnLine             int
		tokLen                  int
		last                    rune
	)
	endToken := func() {
		if !inWord {
			return
		}
		words++
		if lineLen > 0 && lineLen+1+tokLen > wrapWidth {
			lines++
			wordsInFullLines += wordsOnLine
			wordsOnLine, lineLen = 0, 0
		}
		if lineLen > 0 {
			lineLen++
		}
		lineLen += tokLen
		wordsOnLine++
		inWord, tokLen = false, 0
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
		tokLen++
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
	// boilerpipe: a block of one line has density = its words; otherwise the
	// last, incomplete line is left out.
	if lines == 0 {
		st.density = float64(words)
	} else {
		st.density = float64(wordsInFullLines) / float64(lines)
	}
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
