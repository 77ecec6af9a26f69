package dataset

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-dev/winnow/internal/text"
)

// Tokenisation says how a text is cut into tokens for alignment and for
// the text measures (BagOfWords, Shingles).
type Tokenisation uint8

const (
	// Words cuts text into maximal runs of word characters (Tokens for
	// alignment and BagOfWords; \w+ runs for Shingles). It is right for
	// text that puts spaces between words.
	Words Tokenisation = iota
	// Characters is Words, except that every Han, Hiragana or Katakana
	// character is a token of its own (a run of Latin letters or digits
	// inside such text stays one token). It is for text written without
	// spaces between words, where Words would make a clause one token.
	Characters
)

var tokenisationNames = [...]string{"words", "characters"}

func (t Tokenisation) String() string {
	if int(t) < len(tokenisationNames) {
		return tokenisationNames[t]
	}
	return "Tokenisation(" + strconv.Itoa(int(t)) + ")"
}

// TokenisationOf is the tokenisation a gold text is scored and aligned
// with: Characters when Han, Hiragana and Katakana characters make up at
// least half of its tokens as Characters cuts them, Words otherwise
// (including for a text without tokens). A space-delimited text with a few
// CJK words in it stays Words, so its scores do not change.
func TokenisationOf(gold string) Tokenisation {
	cjk, other := 0, 0
	inRun := false
	for _, r := range gold {
		switch {
		case isCJK(r):
			cjk++
			inRun = false
		case isTokenRune(r):
			if !inRun {
				other++
			}
			inRun = true
		default:
			inRun = false
		}
	}
	if cjk > 0 && cjk >= other {
		return Characters
	}
	return Words
}

// Tokenisation is the tokenisation the page's gold text is scored with
// (TokenisationOf(p.Gold)); for a CJK set's pages it is also the one their
// blocks were aligned with.
func (p *LabelledPage) Tokenisation() Tokenisation { return TokenisationOf(p.Gold) }

// isCJK reports whether r is a Han, Hiragana or Katakana character: the
// scripts written without spaces between words. Hangul is left out (Korean
// puts spaces between words).
func isCJK(r rune) bool {
	if r < 0x2e80 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// TokensAs is Tokens under a tokenisation: for Words it is Tokens; for
// Characters each CJK character is also a token of its own.
func TokensAs(s string, t Tokenisation) []string {
	if t == Characters {
		return splitRunsCJK(text.WithoutSoftHyphens(s), isTokenRune, true)
	}
	return Tokens(s)
}

// splitRunsCJK is splitRuns with every CJK rune a run of its own.
func splitRunsCJK(s string, in func(rune) bool, lower bool) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, s[start:end])
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case isCJK(r):
			flush(i)
			out = append(out, s[i:i+utf8.RuneLen(r)])
		case in(r):
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
	if lower {
		for i, t := range out {
			out[i] = strings.ToLower(t)
		}
	}
	return out
}
