package features

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/text"
)

// The tests in this file check the table-driven and single-pass versions of
// the text features against their plain definitions, over the blocks of the
// golden pages, hand-picked cases and random text.

// fastPathTexts returns the block texts of the golden pages, some edge
// cases, and random strings over an alphabet of ASCII, Latin, Cyrillic,
// Han, kana, full-width punctuation, white space and control characters.
func fastPathTexts(t *testing.T) []string {
	t.Helper()
	texts := []string{"", " ", ".", "A", "a.", "Hello, World. Bye!", "x\x01y", "\x7f", "ÉCOLE école",
		"中华人民共和国。", "テスト！", "１２３", "Straße.", "a\u00a0b", "\u200b", "sign in,sign up", "©2024",
		"read more read more", "terms of service", "cookiecookie", "Copyright © All Rights Reserved",
		"\xff\xfe invalid", strings.Repeat("word ", 50), strings.Repeat("x", 200)}
	for _, tp := range readTestPages(t) {
		p, err := page.ParseBytes(tp.raw, page.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range p.Blocks {
			texts = append(texts, b.Text)
		}
		texts = append(texts, p.Title)
	}
	alphabet := []rune("aeiouAEIOU019 .,!?;:-\"'()\t\n\x01éÉßЖж中文字かなカナ。！？，\u00a0\u200b©’”")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

func TestTextStatsFastPath(t *testing.T) {
	for _, s := range fastPathTexts(t) {
		b := &page.Block{Text: s, Words: text.CountWords(s), LinkWords: text.CountWords(s) / 3}
		if got, want := computeTextStats(b), refTextStats(b); got != want {
			t.Fatalf("computeTextStats(%q) = %+v, want %+v", s, got, want)
		}
	}
}

func TestPhraseHitsFastPath(t *testing.T) {
	for _, s := range fastPathTexts(t) {
		low := appendLower(nil, s)
		want := 0
		for _, ph := range boilerplatePhrases {
			if bytes.Contains(low, []byte(ph)) {
				want++
			}
		}
		if got := phraseHitsLower(low); got != float64(want) {
			t.Fatalf("phraseHitsLower(%q) = %v, want %v", low, got, want)
		}
	}
}

func TestTitleOverlapFastPath(t *testing.T) {
	titles := []string{"", "Hello World", "中华 人民 école", "Read more about cookies", "a b c 1 2 3"}
	for _, title := range titles {
		set := tokenSet(title)
		keys := text.TokenKeys(set)
		for _, s := range fastPathTexts(t) {
			low := appendLower(nil, s)
			want := 0.0
			if toks := strings.FieldsFunc(string(low), notAlnum); len(toks) > 0 && len(toks) <= 40 {
				hit := 0
				for _, tok := range toks {
					if set[tok] {
						hit++
					}
				}
				want = float64(hit) / float64(len(toks))
			}
			if got := titleOverlapLower(low, set, &keys); got != want {
				t.Fatalf("title %q: titleOverlapLower(%q) = %v, want %v", title, low, got, want)
			}
		}
	}
}

func TestSameTagCounts(t *testing.T) {
	tags := []string{"p", "div", "li", "td", "h2"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		blocks := make([]page.Block, rng.IntN(50))
		for i := range blocks {
			blocks[i].Container = rng.IntN(6) - 1
			blocks[i].Tag = tags[rng.IntN(len(tags))]
		}
		got := new(vecScratch).sameTagCounts(blocks, -1, 6)
		for i, b := range blocks {
			want := 0
			for _, c := range blocks {
				if c.Container == b.Container && c.Tag == b.Tag {
					want++
				}
			}
			if got[i] != want {
				t.Fatalf("block %d (%d, %s): %d, want %d", i, b.Container, b.Tag, got[i], want)
			}
		}
	}
}

// refTextStats is computeTextStats rune by rune, without fast paths.
func refTextStats(b *page.Block) textStats {
	var st textStats
	var (
		words, upper, wordChars, chars, digits, punct, sentences int
		inWord                                                   bool
		last                                                     rune
		tokRunes, tokCJK                                         int
		tokAlnum                                                 bool
		dens                                                     densityLayout
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
	for _, r := range b.Text {
		if text.IsSpace(r) {
			if last == '.' || last == '!' || last == '?' {
				sentences++
			}
			endToken()
			last = ' '
			continue
		}
		chars++
		tokRunes++
		if text.IsCJK(r) {
			tokCJK++
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			tokAlnum = true
		}
		switch {
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			digits++
			wordChars++
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'):
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
		case r < utf8.RuneSelf || unicode.IsPunct(r) || unicode.IsSymbol(r):
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

func TestAppendLower(t *testing.T) {
	for _, s := range fastPathTexts(t) {
		if got, want := string(appendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
			t.Fatalf("appendLower(%q) = %q, want %q", s, got[1:], want[1:])
		}
	}
}
