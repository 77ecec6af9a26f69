package page

import (
	"bytes"
	"testing"
)

// TestFindMetaCharset checks that findMetaCharset, which runs metaCharset
// only from the first "<meta" and only when "charset" may follow, finds
// what metaCharset finds over the whole head.
func TestFindMetaCharset(t *testing.T) {
	cases := []struct {
		name, head, reason string
	}{
		{"none", `<html><head><title>x</title></head>`, "no meta at all"},
		{"meta without charset", `<meta name="viewport" content="width=device-width">`, "a meta, no charset: no match"},
		{"html5", `<!doctype html><META CharSet="UTF-8">`, "case-insensitive tag and attribute"},
		{"http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, "charset inside content"},
		{"second meta", `<meta name=a><p>charset=latin1</p><meta charset=gbk>`, "charset outside a meta tag must be skipped"},
		{"long s", "<meta chars\u017fet=\"\u017fhift_jis\">", "(?i) folds s to U+017F, in the pattern and the class"},
		{"kelvin", "<meta charset=\"koi8-r\u212a\">", "(?i) folds k to U+212A inside the name's class"},
		{"text before", `charset=utf-8 <meta charset=euc-jp>`, "a charset before any meta is not a match"},
		{"far", `<meta ` + string(bytes.Repeat([]byte("x"), 600)) + `charset=big5>`, "beyond 512 characters of the tag: no match"},
		{"broken tag", `<meta charset`, "no value"},
		{"invalid utf-8", "<meta \xff\xfe charset=\xc3utf-8>", "invalid bytes count as one character each"},
	}
	check := func(t *testing.T, head []byte, reason string) {
		t.Helper()
		var want []byte
		if m := metaCharset.FindSubmatch(head); m != nil {
			want = m[1]
		}
		if got := findMetaCharset(head); !bytes.Equal(got, want) || (got == nil) != (want == nil) {
			t.Errorf("%s: findMetaCharset = %q, metaCharset finds %q", reason, got, want)
		}
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { check(t, []byte(tc.head), tc.reason) })
	}
	for _, tp := range readTestPages(t) {
		b := tp.raw
		for _, n := range []int{prescanBytes, 300, 1000} {
			check(t, b[:min(n, len(b))], tp.path)
		}
	}
}
