package page

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-dev/winnow/internal/text"
)

// signalWords map whole sub-tokens of class and id values to vocabularies.
// Short words are matched whole because as substrings they are everywhere
// ("ad" in "header", "tag" in "stage").
var signalWords = map[string]Signal{
	"nav": SigNav, "menu": SigNav, "navbar": SigNav, "navigation": SigNav, "topbar": SigNav,
	"header": SigHeaderFoot, "footer": SigHeaderFoot, "masthead": SigHeaderFoot,
	"copyright": SigHeaderFoot, "colophon": SigHeaderFoot,
	"share": SigShare, "sharing": SigShare, "social": SigShare, "follow": SigShare,
	"related": SigRelated, "promo": SigRelated, "recommended": SigRelated, "more": SigRelated,
	"teaser": SigRelated, "trending": SigRelated, "popular": SigRelated, "outbrain": SigRelated, "taboola": SigRelated,
	"comment": SigComment, "comments": SigComment, "disqus": SigComment, "reply": SigComment, "respond": SigComment,
	"sidebar": SigSidebar | SigSideColumn, "widget": SigSidebar, "aside": SigSidebar | SigSideColumn, "rail": SigSidebar,
	"ad": SigAd, "ads": SigAd, "advert": SigAd, "advertisement": SigAd, "banner": SigAd,
	"sponsor": SigAd, "sponsored": SigAd, "dfp": SigAd, "gpt": SigAd,
	"cookie": SigCookie, "consent": SigCookie, "newsletter": SigCookie, "subscribe": SigCookie,
	"signup": SigCookie, "modal": SigCookie, "popup": SigCookie, "paywall": SigCookie, "login": SigCookie,
	"breadcrumb": SigBreadcrumb, "breadcrumbs": SigBreadcrumb, "tag": SigBreadcrumb, "tags": SigBreadcrumb,
	"meta": SigBreadcrumb, "byline": SigBreadcrumb, "author": SigBreadcrumb, "date": SigBreadcrumb,
	"article": SigContent, "content": SigContent, "story": SigContent, "body": SigContent,
	"post": SigContent, "entry": SigContent, "text": SigContent, "main": SigContent, "blog": SigContent,
	"prose": SigContent,
}

// signalPrefixes match sub-tokens by prefix, for long words with many forms.
var signalPrefixes = []struct {
	prefix string
	sig    Signal
}{
	{"navig", SigNav}, {"menu", SigNav},
	{"footer", SigHeaderFoot}, {"header", SigHeaderFoot},
	{"share", SigShare}, {"social", SigShare},
	{"related", SigRelated}, {"recommend", SigRelated}, {"promo", SigRelated},
	{"comment", SigComment},
	{"sidebar", SigSidebar | SigSideColumn}, {"widget", SigSidebar},
	{"advert", SigAd}, {"sponsor", SigAd}, {"banner", SigAd},
	{"cookie", SigCookie}, {"newsletter", SigCookie}, {"subscri", SigCookie},
	{"breadcrumb", SigBreadcrumb},
	{"article", SigContent}, {"content", SigContent}, {"story", SigContent},
}

// classSignal returns the vocabularies a class or id token belongs to. The
// token is split into sub-tokens at non-letters and at camel-case
// boundaries, then lower-cased, so "article-body", "post_content",
// "entry2" and "relatedLinks" all match.
func classSignal(tok string) Signal {
	var sig Signal
	start := -1
	prevLower := false
	emit := func(end int) {
		if start >= 0 && end > start {
			sig |= subSignalFold(tok[start:end])
		}
	}
	for i, r := range tok {
		var letter, upper bool
		if r < utf8.RuneSelf {
			k := text.ByteStat[r]
			letter, upper = k == text.StatUpper || k == text.StatLower, k == text.StatUpper
		} else {
			letter, upper = unicode.IsLetter(r), unicode.IsUpper(r)
		}
		switch {
		case !letter:
			emit(i)
			start = -1
		case start < 0:
			start = i
		case prevLower && upper:
			emit(i)
			start = i
		}
		prevLower = letter && !upper
	}
	emit(len(tok))
	return sig
}

// subSignalFold is subSignal(strings.ToLower(sub)). Short ASCII sub-tokens,
// nearly all of them, are lowered into a stack buffer: no string is made.
func subSignalFold(sub string) Signal {
	var buf [32]byte
	if len(sub) > len(buf) {
		return subSignal(strings.ToLower(sub))
	}
	if sub == "" {
		return 0
	}
	for i := 0; i < len(sub); i++ {
		c := sub[i]
		if c >= utf8.RuneSelf {
			return subSignal(strings.ToLower(sub))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	low := buf[:len(sub)]
	// Most sub-tokens are no signal word: the key rules them out
	// without a map lookup.
	if signalWordKeys.Has(text.TokenKey(low)) {
		if s, ok := signalWords[string(low)]; ok {
			return s
		}
	}
	var sig Signal
	for m := signalPrefixFirst[low[0]]; m != 0; m &= m - 1 {
		p := signalPrefixes[bits.TrailingZeros32(m)]
		if len(low) >= len(p.prefix) && string(low[:len(p.prefix)]) == p.prefix {
			sig |= p.sig
		}
	}
	return sig
}

// signalWordKeys is the text.TokenKey of every signal word.
var signalWordKeys = text.TokenKeys(func() map[string]bool {
	set := map[string]bool{}
	for w := range signalWords {
		set[w] = true
	}
	return set
}())

// signalPrefixFirst is, for every byte value, the set of signalPrefixes
// (bit i for prefix i) that start with it.
var signalPrefixFirst = func() (t [256]uint32) {
	if len(signalPrefixes) > 32 {
		panic("features: more than 32 signal prefixes")
	}
	for i, p := range signalPrefixes {
		t[p.prefix[0]] |= 1 << i
	}
	return t
}()

// subSignal returns the vocabularies of the lower-case sub-token sub.
func subSignal(sub string) Signal {
	if s, ok := signalWords[sub]; ok {
		return s
	}
	var sig Signal
	for _, p := range signalPrefixes {
		if strings.HasPrefix(sub, p.prefix) {
			sig |= p.sig
		}
	}
	return sig
}
