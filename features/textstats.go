package features

import (
	"unicode"
	"unicode/utf8"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/text"
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

func computeTextStats(b *page.Block) textStats {
	var st textStats
	s := b.Text
	var (
		words, upper, wordChars int
		chars, digits, punct    int
		sentences               int
		fullStops, commas       int
		inWord                  bool
		last                    rune
		// The token being read, for the text density: its runes, Han and
		// kana runes, and whether it has another letter or digit.
		tokRunes, tokCJK int
		tokAlnum         bool
		dens             densityLayout
	)
	endToken := func() {
		if inWord {
			words++
		}
		inWord = false
		if tokRunes > 0 {
			dens.token(tokRunes, tokAlnum, tokCJK)
			tokRunes, tokCJK, tokAlnum = 0, 0, false
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		k := text.ByteStat[c]
		if k == text.StatLower {
			// A run of lower-case ASCII letters, the bulk of most text.
			j := i + 1
			for j < len(s) && text.ByteStat[s[j]] == text.StatLower {
				j++
			}
			wordChars += j - i
			chars += j - i
			tokRunes += j - i
			tokAlnum, inWord = true, true
			last = rune(s[j-1])
			i = j
			continue
		}
		if k != text.StatSpace && k != text.StatNonASCII {
			// Other visible ASCII, by table.
			i++
			switch k {
			case text.StatDigit:
				digits++
				wordChars++
				tokAlnum = true
			case text.StatUpper:
				if !inWord {
					upper++
				}
				wordChars++
				tokAlnum = true
			case text.StatStop:
				fullStops++
				punct++
			case text.StatComma:
				commas++
				punct++
			default:
				punct++
			}
			chars++
			tokRunes++
			inWord = true
			last = rune(c)
			continue
		}
		r, n := rune(c), 1
		var space bool
		if k == text.StatSpace {
			space = true
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			space = text.IsSpace(r)
		}
		i += n
		if space {
			if last == '.' || last == '!' || last == '?' {
				sentences++
			}
			endToken()
			last = ' '
			continue
		}
		// Not ASCII from here on.
		chars++
		tokRunes++
		// As text.CountWords counts: Han and kana apart, any other letter or
		// digit makes the token a word.
		if r >= 0x2e80 && text.IsCJK(r) {
			tokCJK++
		} else if !tokAlnum {
			tokAlnum = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case r == '。' || r == '！' || r == '？':
			sentences++
			punct++
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
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
	st.fullStops, st.commas = float64(fullStops), float64(commas)
	st.density = dens.density()
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
// laid out as words of two characters, as text.CountWords counts it.
func textDensity(s string) float64 {
	var d densityLayout
	for len(s) > 0 {
		i := 0
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !text.IsSpace(r) {
				break
			}
			i += n
		}
		s = s[i:]
		j := 0
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if text.IsSpace(r) {
				break
			}
			j += n
		}
		tok := s[:j]
		s = s[j:]
		if tok == "" {
			break
		}
		d.tokenWords(utf8.RuneCountInString(tok), text.CountWords(tok))
	}
	return d.density()
}

// densityLayout lays out the word tokens of a text on wrapWidth-column
// lines, for textDensity. computeTextStats feeds it tokens as it reads the
// text, so the text is read once.
type densityLayout struct {
	words, wrapped, onLine int
	lineLen                int // minus one: the first word takes no space before it
	started                bool
}

// token adds a token of runes runes: text.CountWords counts it as one word if it
// has a letter or digit outside Han and kana (alnum), plus one word per two
// Han or kana runes (cjk).
func (d *densityLayout) token(runes int, alnum bool, cjk int) {
	w := (cjk + 1) / 2
	if alnum {
		w++
	}
	d.tokenWords(runes, w)
}

// tokenWords adds a token of width runes holding w words.
func (d *densityLayout) tokenWords(width, w int) {
	if w == 0 {
		return
	}
	if !d.started {
		d.lineLen, d.started = -1, true
	}
	if w == 1 {
		// One word, nearly every token: no width to split.
		d.place(width)
		return
	}
	for k := range w {
		// Split the token's width among its pseudo-words, the first ones taking any remainder.
		ww := width / w
		if k < width%w {
			ww++
		}
		d.place(ww)
	}
}

// place adds one word of width runes to the layout.
func (d *densityLayout) place(width int) {
	d.words++
	d.onLine++
	d.lineLen += width + 1
	if d.lineLen > wrapWidth {
		d.wrapped++
		d.lineLen = width
		d.onLine = 1
	}
}

func (d *densityLayout) density() float64 {
	if d.wrapped == 0 {
		return float64(d.words)
	}
	return float64(d.words-d.onLine) / float64(d.wrapped)
}
