package page

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestSubSignalFold checks the allocation-free lowering against
// subSignal(strings.ToLower(sub)).
func TestSubSignalFold(t *testing.T) {
	subs := []string{"", "x", "Nav", "NAVIGATION", "navigational", "Menus", "ad", "AD", "Ads", "header2",
		"SideBarWidget", "Straße", "ÄRTICLE", "K", strings.Repeat("comment", 6), "Comment" + strings.Repeat("x", 30)}
	for w := range signalWords {
		subs = append(subs, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for _, p := range signalPrefixes {
		subs = append(subs, p.prefix, strings.ToUpper(p.prefix)+"Box", p.prefix[:len(p.prefix)-1])
	}
	for _, sub := range subs {
		if got, want := subSignalFold(sub), subSignal(strings.ToLower(sub)); got != want {
			t.Errorf("subSignalFold(%q) = %b, subSignal(ToLower) = %b", sub, got, want)
		}
	}
}

// TestClassSignalFastPath checks classSignal against its plain definition
// over hand-picked tokens, the words and class tokens of the golden pages
// and random tokens.
func TestClassSignalFastPath(t *testing.T) {
	toks := []string{"", "-", "navBar", "NavBar", "XMLHttp", "article-body", "post_content", "entry2",
		"relatedLinks", "ÄrticleBody", "straßeMenu", "sidebarWidget3", "AD", "adsense", "headerTop"}
	for w := range signalWords {
		toks = append(toks, w, "x-"+w, w+"Box", strings.ToUpper(w))
	}
	for _, tp := range readTestPages(t) {
		p, err := ParseBytes(tp.raw, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range p.Blocks {
			toks = append(toks, strings.Fields(b.Text)...)
			toks = append(toks, p.Classes(b.Element)...)
		}
	}
	alphabet := []rune("aeiouAEIOU019_-:.éÉßЖж中文かなカナ")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		toks = append(toks, b.String())
	}
	for _, tok := range toks {
		if got, want := classSignal(tok), refClassSignal(tok); got != want {
			t.Fatalf("classSignal(%q) = %b, want %b", tok, got, want)
		}
	}
}

// refClassSignal is classSignal with unicode's letter and case tests and
// subSignal over strings.ToLower, without fast paths.
func refClassSignal(tok string) Signal {
	var sig Signal
	start := -1
	prevLower := false
	emit := func(end int) {
		if start >= 0 && end > start {
			sig |= subSignal(strings.ToLower(tok[start:end]))
		}
	}
	for i, r := range tok {
		letter := unicode.IsLetter(r)
		switch {
		case !letter:
			emit(i)
			start = -1
		case start < 0:
			start = i
		case prevLower && unicode.IsUpper(r):
			emit(i)
			start = i
		}
		prevLower = letter && !unicode.IsUpper(r)
	}
	emit(len(tok))
	return sig
}
