package page

import (
	"errors"
	"strings"
	"testing"
)

// foreignBoundCases are pages on which the parser reads svg, math or
// noscript otherwise than an HTML read of the page does, with what each
// tests.
var foreignBoundCases = []struct{ name, in string }{
	{"cdata in svg", `<svg><![CDATA[<p>x]]></svg><b id=1><p>y`},
	{"cdata hides a quote", `<svg><![CDATA[>"<a x=']]></svg>` + string(amplified(20, 30))},
	{"bogus comment hides a quote", `<svg></svg><![CDATA[>` + string(amplified(20, 30)) + `]]><a x='`},
	{"both", `<svg><![CDATA[>"<a x=']]></svg><![CDATA[>` + string(amplified(20, 30)) + `]]><a x='`},
	{"cdata in math", `<math><mi><![CDATA[x<b id=2>]]></mi><![CDATA[<b id=3>]]></math>` + string(amplified(10, 20))},
	{"breakout", `<svg><g><p><![CDATA[>` + string(amplified(20, 30)) + `]]><a x='`},
	{"integration point", `<svg><foreignObject><style><a x='</style></foreignObject></svg>` + string(amplified(20, 30))},
	{"svg title", `<svg><title><a x='</title></svg>` + string(amplified(20, 30)) + `'>`},
	{"svg style", `<svg><style>x<a title='</style></svg>` + string(amplified(20, 30)) + `'>`},
	{"unclosed svg", `<b><svg><use></b><![CDATA[>` + string(amplified(20, 30)) + `]]>`},
	{"template column group", `<template><col><noscript><a x='</noscript></template>` + string(amplified(20, 30))},
	{"template svg", `<template><col><svg><![CDATA[>` + string(amplified(20, 30)) + `]]></template>`},
	{"reentered", strings.Repeat(`<svg><![CDATA[<i>]]></svg><![CDATA[<u>]]>`, 20) + string(amplified(10, 20))},
}

// TestTreeBoundForeignContent: treeBound covers the parser where it reads
// svg and math otherwise than HTML.
func TestTreeBoundForeignContent(t *testing.T) {
	for _, tt := range foreignBoundCases {
		t.Run(tt.name, func(t *testing.T) {
			checkTreeBound(t, []byte(tt.in))
		})
	}
}

// TestForeignContentAmplificationRefused: 29 KB of reopened formatting
// elements after an svg whose CDATA section hides them from a read of the
// page as HTML (the parser makes a million nodes of it) is refused.
func TestForeignContentAmplificationRefused(t *testing.T) {
	for _, pre := range []string{
		`<svg><![CDATA[>"<a x=']]></svg>`,
		`<template><col><noscript><a x='</noscript></template>`,
	} {
		in := append([]byte(pre), amplified(500, 2000)...)
		if _, err := ParseBytes(in, Options{}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%q before 500 reopened formatting elements: err = %v, want ErrTooLarge", pre, err)
		}
	}
}

// TestForeignContentSmallAccepted: small pages with svg and math, CDATA
// sections and integration points are accepted, and where the parser
// reads them plainly the readings count no more than the page's read as
// HTML.
func TestForeignContentSmallAccepted(t *testing.T) {
	page := []byte(strings.Repeat(`<a href=/><svg viewBox="0 0 1 1"><title>Icon</title><style><![CDATA[.a>b{}]]></style><path d="M0"/></svg></a>`+
		`<math><mi>x</mi><mo>+</mo></math><script>if (a<b) x = '</div>';</script><p>text</p>`, 200))
	if _, err := ParseBytes(page, Options{}); err != nil {
		t.Fatalf("200 icons and formulas: %v", err)
	}
	checkTreeBound(t, page)
	n, _, _ := markupBound(page, 1<<62)
	html, _ := formattingBound(page, n, 1<<62, nil)
	if got, over, unsure := readingsBound(page, n, 1<<62); over || unsure || got > html {
		t.Errorf("readingsBound = %d (over %v, unsure %v), read as HTML %d", got, over, unsure, html)
	}
}

// TestForeignContentWorkBounded: a page nesting foreign content deeply,
// with a CDATA section and raw text in every level, makes every read fork
// with stacks as deep as the nesting; bounding it would take time in the
// square of its size, so it is refused as unsure once the reads' work
// passes forkWorkPerByte per byte, instead of taking seconds.
func TestForeignContentWorkBounded(t *testing.T) {
	in := []byte(strings.Repeat(`<math><annotation-xml><![CDATA[<b>]]><style>'</style><noscript>"</noscript></annotation-xml>`, 5000))
	_, over, unsure, work := readingsBoundWork(in, 0, 1<<62)
	if !over || !unsure {
		t.Errorf("over %v, unsure %v after work %d, want both", over, unsure, work)
	}
	if budget := forkWorkPerByte*len(in) + forkWorkFloor; work > budget+len(in) {
		t.Errorf("work %d went on past the budget %d", work, budget)
	}
	if _, err := ParseBytes(in, Options{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ParseBytes: %v, want ErrTooLarge", err)
	}
}
