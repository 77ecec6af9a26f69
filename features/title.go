package features

import (
	"strings"
	"unicode/utf8"

	"github.com/winnow-dev/winnow/internal/text"
)

// tokenSet returns the lower-cased letter/digit tokens of s.
func tokenSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range strings.FieldsFunc(strings.ToLower(s), notAlnum) {
		set[t] = true
	}
	return set
}

// titleMaxBytes and phraseMaxWords bound the blocks titleOverlap and
// phraseHits look at.
const (
	titleMaxBytes  = 400
	phraseMaxWords = 30
)

// titleOverlapLower is the share of a block's tokens that appear in the page
// title (headlines score near 1), over text already lower-cased by
// appendLower: the tokens are those of strings.FieldsFunc(low, notAlnum).
// Blocks over titleMaxBytes are not scored: a headline is never that long.
// keys is text.TokenKeys(title): a token whose key is not in it is not looked up.
func titleOverlapLower(low []byte, title map[string]bool, keys *text.ByteSet) float64 {
	toks, hit := 0, 0
	start := -1
	end := func(i int) {
		if start >= 0 {
			toks++
			if tok := low[start:i]; keys.Has(text.TokenKey(tok)) && title[string(tok)] {
				hit++
			}
			start = -1
		}
	}
	for i := 0; i < len(low); {
		var alnum bool
		n := 1
		if c := low[i]; c < utf8.RuneSelf {
			alnum = text.ASCIIClass[c] == text.ClassAlnum
		} else {
			var r rune
			r, n = utf8.DecodeRune(low[i:])
			alnum = !notAlnum(r)
		}
		if !alnum {
			end(i)
		} else if start < 0 {
			start = i
		}
		i += n
		if toks > 40 {
			return 0
		}
	}
	end(len(low))
	if toks == 0 || toks > 40 {
		return 0
	}
	return float64(hit) / float64(toks)
}
