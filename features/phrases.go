package features

import (
	"bytes"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// boilerplatePhrases are lower-case phrases typical of boilerplate blocks in
// English pages: navigation, sharing, promotion, legal and comment notices.
var boilerplatePhrases = []string{
	"copyright", "©", "all rights reserved", "privacy", "cookie", "terms of",
	"subscribe", "newsletter", "sign up", "sign in", "log in", "register",
	"related", "read more", "more from", "more videos", "top stories", "most viewed",
	"most popular", "trending", "recommended", "share", "follow us", "facebook",
	"twitter", "advertisement", "sponsored", "comments", "leave a reply", "click here",
	"back to top", "skip to", "google news",
}

// phraseHitsLower counts boilerplate phrases in text lower-cased by
// appendLower: the number of phrases p with bytes.Contains(low, p). Callers
// score 0 for blocks over phraseMaxWords words, since a story may well
// mention "privacy" or "Twitter".
func phraseHitsLower(low []byte) float64 {
	// One pass over the text: at each byte, only the phrases that start
	// with it and its successor, and are not found yet, are compared.
	var found uint64
	for i := 0; i+1 < len(low); i++ {
		for m := phraseFirst[low[i]] & phraseSecond[low[i+1]] &^ found; m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m)
			if bytes.HasPrefix(low[i:], boilerplateBytes[k]) {
				found |= 1 << k
			}
		}
	}
	return float64(bits.OnesCount64(found))
}

// boilerplateBytes are boilerplatePhrases as byte slices.
var boilerplateBytes = func() [][]byte {
	out := make([][]byte, len(boilerplatePhrases))
	for i, ph := range boilerplatePhrases {
		out[i] = []byte(ph)
	}
	return out
}()

// phraseFirst and phraseSecond are, for every byte value, the set of
// boilerplatePhrases (bit i for phrase i) whose first, respectively second,
// byte it is. Every phrase has at least two bytes and there are at most 64.
var phraseFirst, phraseSecond = func() (first, second [256]uint64) {
	if len(boilerplatePhrases) > 64 {
		panic("features: more than 64 boilerplate phrases")
	}
	for i, ph := range boilerplatePhrases {
		if len(ph) < 2 {
			panic("features: boilerplate phrase shorter than two bytes")
		}
		first[ph[0]] |= 1 << i
		second[ph[1]] |= 1 << i
	}
	return first, second
}()

// appendLower appends the bytes of strings.ToLower(s) to dst, without
// allocating a string: ASCII bytes are lowered in place, other runes
// through unicode.ToLower, and invalid bytes become U+FFFD, as strings.Map
// does.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			// Copy the run of ASCII at once, then lower it.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			start := len(dst)
			dst = append(dst, s[i:j]...)
			for k := start; k < len(dst); k++ {
				dst[k] = lowerASCIITable[dst[k]]
			}
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// lowerASCIITable maps every byte to itself but A-Z to a-z.
var lowerASCIITable = func() (t [256]byte) {
	for c := range 256 {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()
