package page

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// asciiScript is an inline script of about n bytes of plain ASCII
// JavaScript, as analytics and framework bundles put in a page's head.
func asciiScript(n int) string {
	const line = "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('config', 'UA-000000-1');\n"
	return "<script>" + strings.Repeat(line, n/len(line)+1) + "</script>"
}

// TestDecodeMetaUTF16 checks the HTML standard's rule that a <meta> naming
// UTF-16 on ASCII-compatible bytes means UTF-8: bytes that hold a readable
// "<meta" cannot be UTF-16.
func TestDecodeMetaUTF16(t *testing.T) {
	for _, label := range []string{"utf-16", "UTF-16LE", "utf-16be", "unicode"} {
		for _, head := range []string{
			`<meta charset="` + label + `">`,
			`<meta http-equiv="Content-Type" content="text/html; charset=` + label + `">`,
		} {
			for _, text := range []string{"plain ASCII text only", frenchText} {
				in := []byte(page(head, text))
				out, name, err := Decode(in, "")
				if err != nil {
					t.Fatalf("%s: Decode: %v", head, err)
				}
				if name != "utf-8" || !strings.Contains(string(out), text) {
					t.Errorf("%s with %.20q: read as %q, text kept %v; want utf-8 and the text", head, text, name, strings.Contains(string(out), text))
				}
			}
		}
	}
}

// TestDecodeLateMeta: a <meta> charset declaration after long head content
// (here a 6 KB inline script, past the old 4096-byte prescan) still decides
// the encoding; the detector alone reads this Polish ISO-8859-2 text wrong.
func TestDecodeLateMeta(t *testing.T) {
	in := encode(t, charmap.ISO8859_2, page(asciiScript(6000)+`<meta charset="iso-8859-2">`, polishText))
	out, name, err := Decode(in, "")
	if err != nil {
		t.Fatal(err)
	}
	if name != "iso-8859-2" || !strings.Contains(string(out), polishText) {
		t.Errorf("read as %q, text kept %v; want iso-8859-2 and the text", name, strings.Contains(string(out), polishText))
	}
}

// TestDecodeUndeclaredScriptHeavy: an undeclared windows-1251 page whose
// head holds a large ASCII script is still detected as windows-1251: the
// detector looks at the text outside scripts, styles and comments.
func TestDecodeUndeclaredScriptHeavy(t *testing.T) {
	for _, size := range []int{20 << 10, 200 << 10} {
		head := asciiScript(size) + "<style>" + strings.Repeat("body{margin:0;padding:0}\n", size/100) + "</style><!-- " + strings.Repeat("build 1234 ", size/100) + "-->"
		in := encode(t, charmap.Windows1251, page(head, russianText))
		out, name, err := Decode(in, "")
		if err != nil {
			t.Fatal(err)
		}
		if name != "windows-1251" || !strings.Contains(string(out), russianText) {
			t.Errorf("%d-byte script: read as %q, text kept %v; want windows-1251", size, name, strings.Contains(string(out), russianText))
		}
	}
}

// TestDeclaredCharset covers where a <meta> charset declaration counts:
// anywhere in the head within metaScanBytes, outside comments and the raw
// text of scripts and styles; the first one with a known label wins.
func TestDeclaredCharset(t *testing.T) {
	long := asciiScript(20 << 10)
	cases := []struct {
		name, in, want string
	}{
		{"none", `<html><head><title>x</title></head><body>charset=gbk</body>`, ""},
		{"html5", `<!doctype html><META CharSet="GBK">`, "gbk"},
		{"http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, "windows-1251"},
		{"unquoted", `<meta charset=koi8-r>`, "koi8-r"},
		{"after a long script", `<head>` + long + `<meta charset="euc-jp">`, "euc-jp"},
		{"after a long style", `<head><style>` + strings.Repeat("p{}", 10000) + `</style><meta charset="big5">`, "big5"},
		{"in a comment", `<head><!-- <meta charset="gbk"> --><meta charset="koi8-r">`, "koi8-r"},
		{"empty comment", `<head><!--><meta charset="gbk"><!-- -->`, "gbk"},
		{"in a script", `<head><script>document.write('<meta charset="gbk">')</script><meta charset="koi8-r">`, "koi8-r"},
		{"in a style", `<head><style>/* <meta charset="gbk"> */</style>`, ""},
		{"unknown label skipped", `<meta charset="no-such-charset"><meta charset="shift_jis">`, "shift_jis"},
		{"after body", `<head></head><body><p>x</p><meta charset="gbk">`, ""},
		{"after the head", `<head><title>t</title></head><meta charset="gbk">`, ""},
		{"metadata is not meta", `<metadata charset="gbk"><meta charset="koi8-r">`, "koi8-r"},
		{"beyond the scan", `<head><title>` + strings.Repeat("x", metaScanBytes) + `</title><meta charset="gbk">`, ""},
		{"utf-16 means utf-8", `<meta charset="utf-16le">`, "utf-8"},
		{"x-user-defined means windows-1252", `<meta charset="x-user-defined">`, "windows-1252"},
		{"unterminated script", `<head><script>var a = '<meta charset="gbk">';`, ""},
		{"value far in the tag", `<meta ` + strings.Repeat("x", 600) + `charset=big5>`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, got := declaredEncoding([]byte(tc.in))
			if got != tc.want {
				t.Errorf("declaredEncoding = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDecodeMislabelledUTF8: a page converted to UTF-8 that kept its old
// <meta> declaration of a legacy charset is read as UTF-8, as it already was
// for Latin labels.
func TestDecodeMislabelledUTF8(t *testing.T) {
	for _, tc := range []struct{ head, text string }{
		{`<meta charset="windows-1251">`, russianText},
		{asciiScript(6000) + `<meta charset="windows-1251">`, russianText},
		{`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, chineseText},
		{`<meta charset="shift_jis">`, japaneseText},
	} {
		out, name, err := Decode([]byte(page(tc.head, tc.text)), "")
		if err != nil {
			t.Fatal(err)
		}
		if name != "utf-8" || !strings.Contains(string(out), tc.text) {
			t.Errorf("%.60s: read as %q, text kept %v; want utf-8", tc.head, name, strings.Contains(string(out), tc.text))
		}
	}
}

// FuzzDecode: Decode never panics and returns valid UTF-8, and the
// prescan's helpers never read past the input or grow it.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(page(`<meta charset="utf-16">`, "x")))
	f.Add([]byte(page(asciiScript(300)+`<!--><meta charset=gbk><script>'<meta charset=koi8-r>'`, "\xc0\xc1\xc2 \xe0\xe1")))
	f.Add([]byte("<head><style>p{}</style><META http-equiv=content-type content='text/html;charset=windows-1251'></head>\xcf\xf0\xe8"))
	f.Add([]byte("<scrip<script</script<!--"))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, _, err := Decode(in, "")
		if err == nil && !utf8.Valid(out) {
			t.Fatalf("Decode returned invalid UTF-8")
		}
		declaredEncoding(in)
		if w := withoutScripts(in, len(in)); len(w) > len(in) {
			t.Fatalf("withoutScripts grew %d bytes to %d", len(in), len(w))
		}
	})
}

// metaCharsetByRegexp is metaCharsetLabel as its doc states it: the
// pattern run on the whole tag.
func metaCharsetByRegexp(tag []byte) []byte {
	if m := metaCharset.FindSubmatch(tag); m != nil {
		return m[1]
	}
	return nil
}

// TestMetaCharsetLabel checks metaCharsetLabel against metaCharset run on
// the whole tag.
func TestMetaCharsetLabel(t *testing.T) {
	for _, tag := range []string{
		`<meta charset="utf-8">`, `<META CHARSET=UTF-8>`, `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`,
		`<meta name="description" content="charity shop">`, `<meta name="x" content="y">`, `<meta>charset=utf-8`,
		"<meta charſet=latin1>", "<meta charset=\u212aoi8-r>", `<meta content="character set"; charset = 'shift_jis' >`,
		`<meta charset=>`, `<meta charset`, "<meta chars\xffet=utf-8>", `<meta data-charset="x" charset="big5">`,
	} {
		if got, want := metaCharsetLabel([]byte(tag)), metaCharsetByRegexp([]byte(tag)); !bytes.Equal(got, want) {
			t.Errorf("metaCharsetLabel(%q) = %q, want %q", tag, got, want)
		}
	}
}

// FuzzMetaCharsetLabel checks metaCharsetLabel against metaCharset run on
// the whole tag, for any tag.
func FuzzMetaCharsetLabel(f *testing.F) {
	f.Add([]byte(`<meta charset="utf-8">`))
	f.Add([]byte("<meta name=a content='char' charſet=b>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tag := append([]byte("<meta"), b...)
		if got, want := metaCharsetLabel(tag), metaCharsetByRegexp(tag); !bytes.Equal(got, want) {
			t.Errorf("metaCharsetLabel(%q) = %q, want %q", tag, got, want)
		}
	})
}
