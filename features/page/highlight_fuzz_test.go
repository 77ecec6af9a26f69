package page

import (
	"bytes"
	"os"
	"testing"

	"golang.org/x/net/html"
)

// FuzzHighlight checks that the highlight view of any input is inert: read
// back as a browser parses it, it has no on* attribute, no javascript: (or
// other non-http) URL, no <base>, no <meta http-equiv> (refresh), nothing
// that runs or loads (hazard), no ESC; and it stays so when parsed and rendered
// once more, as internal/highlight does to add its legend. Refusals are the
// documented input errors.
func FuzzHighlight(f *testing.F) {
	news, err := os.ReadFile("../../testdata/seed/news.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(news)
	for _, s := range []string{
		`<p>text<img src=x onerror="alert(1)"></p>`,
		`<body onload="alert(1)"><p>text</p></body>`,
		`<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>x</text></a></svg>`,
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
		`<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">`,
		`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
		`<a href=" &#x01;JaVa&#09;ScRiPt&colon;alert(1)">x</a><a href="vbscript:x">y</a><a href="//evil/">z</a>`,
		`<form action="https://evil/"><button formaction="javascript:alert(1)">Go</button><input type=image src=x></form>`,
		`<head><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="https://evil/"><link rel=stylesheet href=x.css></head><p>t</p>`,
		`<style>@import url(x.css); p{background:u\72l(x)}</style><p style="background:url(x)">t</p>`,
		`<iframe srcdoc="<script>alert(1)</script>"></iframe><object data=x></object><embed src=x><video poster=x></video>`,
		`<template><img src=x onerror=alert(1)></template><!--<img src=x onerror=alert(1)>--><x-a onclick=alert(1)>c</x-a>`,
		`<table><td><select><option><textarea></textarea><plaintext><img src=x onerror=alert(1)>`,
		`<xmp></xmp><img src=x onerror=alert(1)></xmp><listing>a</listing><noembed><img src=x onerror=alert(1)></noembed>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := Highlight(in, Options{MaxBlocks: 2000}, func(block int) []html.Attribute {
			return []html.Attribute{{Key: "style", Val: "background:#c8f7c5"}, {Key: "title", Val: "block"}}
		})
		if err != nil {
			if !IsInputError(err) {
				t.Fatalf("undocumented error %v", err)
			}
			return
		}
		if bytes.IndexByte(out, 0x1b) >= 0 {
			t.Fatalf("the view keeps an ESC, which could make a browser read it as ISO-2022-JP:\n%q", out)
		}
		doc, err := html.Parse(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if h := hazard(doc); h != "" {
			t.Fatalf("the view keeps %s:\n%s", h, out)
		}
		var again bytes.Buffer
		if err := html.Render(&again, doc); err != nil {
			t.Fatal(err)
		}
		doc2, err := html.Parse(&again)
		if err != nil {
			t.Fatal(err)
		}
		if h := hazard(doc2); h != "" {
			t.Fatalf("the view parsed and rendered again has %s:\n%s", h, again.Bytes())
		}
	})
}
