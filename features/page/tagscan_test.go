package page

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// tagScanCases are snippets where the tokenizer's token boundaries are
// easy to get wrong.
var tagScanCases = []string{
	"", "x", "<", "<<", "<<a>", "a<", "a < b", "<1>", "< a>", "<a", "<a ", "<a b", "<a b=", "<a b='", `<a b="x`, "<a b=x",
	"<a>", "<A HREF=x>", "<DiV Class=a>x</DIV>", "<a/b>", "<a/>", "<br/>", "<br />", "<a href=/>", "<a href=/ />",
	"<a x=/ X=/>", "<a x=/ y=/>", "<a /=/>", "<a x/>", "<a x= />", "<a x=>", "<a =x>", "<a ==x>", "<a =>", "<a = >",
	"<a b=1 B=2 b=3>", "<a b c d>", "<a b=\"c>d\" e='f>g'>h", "<a\tb\nc\rd\fe>", "<a\x00b c\x00=d>", "<\x00a>",
	"<a b=\"/\"/>", "<img src=x/>", "<p title='a'b>x",
	"</", "</>", "</ >", "</1>", "</a", "</a>", "</A b='>'>", "</a/>", "x</y", "</\x00>",
	"<!", "<!>", "<!>x", "<!-", "<!--", "<!-->", "<!--->", "<!---->", "<!-- x -->", "<!-- x --!>", "<!-- x --!", "<!-- x --", "<!-- x -",
	"<!--!>x-->", "<!---!>x-->", "<!----!>", "<!----!x>y-->", "<!--a--!-->", "<!--a--!!>b-->", "<!-- > -- > --->", "<!--<b>-->",
	"<!DOCTYPE html>", "<!doctype", "<!DOCTYPE", "<!DocType x", "<!DOC", "<!DOCX>", "<!DOCTYPEhtml>", "<![CDATA[x]]>", "<?xml x?>", "<?", "<?x",
	"<script>a<b>c</script>d", "<script>x</script", "<script>x</scriptx></script>", "<SCRIPT>x</Script >y", "<script>x</script/>",
	"<script><!--<script></script>--></script>", "<script><!--<script></script></script>x",
	"<script><!-- a --> <b></script>", "<script><!--<a></script>", "<script><!--<script>--></script>x</script>",
	"<script><!--<script -- x</script>y--></script>", "<script><!--<SCRIPT/>x</script></script>", "<script><!-<b></script>",
	"<script><!--<scripty></script>", "<script><!--<scrip", "<script><!--<script", "<script><!--<script>", "<script><!--<script></scr",
	"<script><!--<script><!--</script>--></script>", "<script><!--<script>-->x</script>", "<script><!--x--!><b></script>",
	"<script><!--<1></script>", "<script>", "<script/>x</script>", "<script a='</script>'>x</script>",
	"<style>a</style>", "<style>a</STYLE b>", "<style></style>", "<style>a</styl</style>", "<style>x</style", "<style>x</",
	"<title><b></title>", "<title>x</title", "<textarea>a</textarea>b", "<textarea></textarea>", "<xmp><p></xmp>",
	"<iframe><b></iframe>", "<noembed><b></noembed>", "<noframes><b></noframes>", "<plaintext><b></plaintext>x", "<plaintext>",
	"<noscript><b>x</b></noscript>", "<noscript>", "<NoScript><p>x</noscript>",
	"<svg><title><b>x</b></title><style><i>y</i></style></svg><style><b></style>", "<math><mi><script>x</script></mi></math>",
	"<svg/><title><b></title>", "<math><textarea><b></textarea></math>",
	"a\r\nb<p\r\nclass=x\r\n>c\rd", "\x00<\x00>\x00<p\x00>\x00", "<p\x00q>", "<a b=\x00>",
	"<table><tr><td>x<td>y</table>", strings.Repeat("<b id=1>", 40) + "x",
	"<a " + strings.Repeat("k ", 40) + "k=/>", "<a " + strings.Repeat("k ", 40) + "j=/>",
	"<a " + strings.Repeat("k1 k2 k3 k4 k5 k6 k7 k8 k9 ", 5) + "k7=/>", "<a " + strings.Repeat("x", 40) + " y=/>",
	manyKeys(100, "K57=/>"), manyKeys(100, "k100=/>"), manyKeys(17, "k3>") + manyKeys(40, "k39>") + manyKeys(300, "x>"),
}

// manyKeys is a start tag with n keys k0, k1, ... and then last.
func manyKeys(n int, last string) string {
	var b strings.Builder
	b.WriteString("<a")
	for i := range n {
		fmt.Fprintf(&b, " k%d", i)
	}
	return b.String() + " " + last
}

// scanPolicies say after which start tags a driver calls NextIsNotRawText:
// as formattingBound does (see rawPolicy), never or always.
var scanPolicies = []string{"bound", "never", "always"}

// rawPolicy follows the tokens and says, after each start tag, whether
// the next token is not raw text.
type rawPolicy struct {
	kind string
	m    fmtModel
}

// tag follows a tag token (start..end in b) and reports whether the
// driver is to call NextIsNotRawText after it.
func (p *rawPolicy) tag(b []byte, tt html.TokenType, name []byte, start, end int) bool {
	k := formattingIndex(name)
	if tt == html.EndTagToken {
		p.m.end(name, k)
		return false
	}
	notRaw := string(name) == "noscript" || p.m.foreign > 0
	var tag []byte
	if k >= 0 {
		tag = b[start:end]
	}
	p.m.start(name, k, tt == html.SelfClosingTagToken, tag)
	switch p.kind {
	case "never":
		return false
	case "always":
		return true
	}
	return notRaw
}

// checkTagScan drives html.Tokenizer and tagScanner over b side by side,
// calling NextIsNotRawText on both where policy says, and fails t where
// their tokens differ: type, raw bytes, tag name, attribute count.
func checkTagScan(t testing.TB, b []byte, policy string) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(b))
	s := newTagScanner(b)
	p := rawPolicy{kind: policy}
	end := 0
	for i := 0; ; i++ {
		want, got := z.Next(), s.next()
		if want != got {
			t.Fatalf("%s, token %d at %d: %v, want %v, in %q", policy, i, end, got, want, b)
		}
		if want == html.ErrorToken {
			if err := z.Err(); !errors.Is(err, io.EOF) {
				t.Fatalf("tokenizer: %v", err)
			}
			if s.start != end {
				t.Fatalf("%s: the scanner ends at %d, the tokenizer at %d, in %q", policy, s.start, end, b)
			}
			return
		}
		start := end
		end += len(z.Raw())
		if s.start != start || s.end != end || !bytes.Equal(z.Raw(), b[start:end]) {
			t.Fatalf("%s, token %d (%v): raw %d..%d %q, want %d..%d %q, in %q",
				policy, i, want, s.start, s.end, b[s.start:s.end], start, end, z.Raw(), b)
		}
		if want != html.StartTagToken && want != html.SelfClosingTagToken && want != html.EndTagToken {
			continue
		}
		name, more := z.TagName()
		attrs := 0
		for ; more; attrs++ {
			_, _, more = z.TagAttr()
		}
		written := b[s.nameStart:s.nameEnd]
		if got := lowerBytes(bytes.ReplaceAll(written, []byte{0}, []byte("\ufffd"))); !bytes.Equal(got, name) {
			t.Fatalf("%s, token %d: name %q, want %q, in %q", policy, i, got, name, b)
		}
		var buf [maxName]byte
		if lower := s.lowerName(&buf); !bytes.Equal(lower, lowerBytes(written)) && len(written) <= maxName {
			t.Fatalf("%s, token %d: lowerName %q of %q", policy, i, lower, written)
		}
		if s.attrs != attrs {
			t.Fatalf("%s, token %d: %d attributes, want %d, in %q", policy, i, s.attrs, attrs, b)
		}
		if p.tag(b, want, name, start, end) {
			z.NextIsNotRawText()
			s.notRawText()
		}
	}
}

// lowerBytes is a copy of b lower-cased as the tokenizer does: ASCII only.
func lowerBytes(b []byte) []byte {
	l := make([]byte, len(b))
	for i, c := range b {
		l[i] = lowerASCII(c)
	}
	return l
}

// checkFormattingBound fails t where formattingBound's count differs
// from formattingBoundTokenizer's.
func checkFormattingBound(t testing.TB, b []byte) {
	t.Helper()
	n, _, _ := markupBound(b, 1<<62)
	got, _ := formattingBound(b, n, 1<<62, nil)
	want, _ := formattingBoundTokenizer(b, n, 1<<62)
	if got != want {
		t.Fatalf("formattingBound = %d, over html.Tokenizer %d, of %.200q", got, want, b)
	}
}

// formattingBoundTokenizer is formattingBound as it was before
// tagScanner: over html.Tokenizer's tokens.
func formattingBoundTokenizer(b []byte, n, limit int) (int, bool) {
	var m fmtModel
	z := html.NewTokenizer(bytes.NewReader(b))
	end := 0   // of the current token in b: the tokens' raw texts follow each other
	attrs := 0 // attributes so far
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return n, false
		}
		start := end
		end += len(z.Raw())
		m.position++
		if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		// The start tag as written, before TagName lowers its name and
		// TagAttr unescapes its values in the tokenizer's buffer.
		raw := z.Raw()
		inPage := end <= len(b) && bytes.Equal(b[start:end], raw)
		name, hasAttr := z.TagName()
		k := formattingIndex(name)
		var tag []byte // a formatting start tag as written
		if k >= 0 && tt != html.EndTagToken {
			if inPage {
				tag = b[start:end]
			} else {
				tag = bytes.Clone(raw) // never seen: the tokens' raw texts follow each other
			}
		}
		// An attribute costs about half a node.
		before := attrs
		for ; hasAttr; attrs++ {
			_, _, hasAttr = z.TagAttr()
		}
		n += attrs/2 - before/2
		if tt == html.EndTagToken {
			n += m.end(name, k) + min(m.nlive, maxClones)
		} else {
			n += 2 * min(m.nlive, maxClones)
			if string(name) == "noscript" || m.foreign > 0 {
				// The parser reads <noscript> as markup (scripting is
				// off), and no element holds raw text in svg and math.
				z.NextIsNotRawText()
			}
			m.start(name, k, tt == html.SelfClosingTagToken, tag)
		}
		if n > limit {
			return n, true
		}
	}
}

func TestTagScanMatchesTokenizer(t *testing.T) {
	for _, in := range append(tagScanCases, treeBoundCaseInputs()...) {
		for _, policy := range scanPolicies {
			checkTagScan(t, []byte(in), policy)
		}
		checkFormattingBound(t, []byte(in))
	}
	if testing.Short() {
		return
	}
	pages := eachSharedPage(t, func(_ string, dec []byte) {
		checkTagScan(t, dec, "bound")
		checkFormattingBound(t, dec)
	})
	t.Logf("%d shared pages tokenized alike, with the same formattingBound", pages)
}

func treeBoundCaseInputs() []string {
	var in []string
	for _, tt := range treeBoundCases {
		in = append(in, tt.in)
	}
	return in
}

// FuzzTagScan checks tagScanner against html.Tokenizer on arbitrary
// bytes, with each policy for NextIsNotRawText.
func FuzzTagScan(f *testing.F) {
	for _, in := range append(tagScanCases, treeBoundCaseInputs()...) {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, policy := range scanPolicies {
			checkTagScan(t, in, policy)
		}
		checkFormattingBound(t, in)
	})
}
