package features

import (
	"strings"
	"unicode"
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
	"sidebar": SigSidebar, "widget": SigSidebar, "aside": SigSidebar, "rail": SigSidebar,
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
	{"sidebar", SigSidebar}, {"widget", SigSidebar},
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
