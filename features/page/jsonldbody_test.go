package page

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// bodyKeyByRune is bodyKey as its doc states it, rune by rune through the
// unicode tables.
func bodyKeyByRune(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// TestBodyKey checks bodyKey against its definition on mixed scripts,
// invalid UTF-8, markup and the pages of testdata/hidden.
func TestBodyKey(t *testing.T) {
	in := []string{
		"", " ", "Hello, World! 42", "  lead and trail  ", "ÀÉÎ õü — Straße", "ΑΒΓ δ Ǆ ǅ İ Ⱥ",
		"日本語のテキスト、二〇二四年", "٣٤ Arabic digits", "bad \xff\xfe utf8 \xc3", "a<b>bold</b>&amp;c",
		"x\u00ady", "tab\there\nnew", "ＡＢＣ１２３",
	}
	for _, b := range hiddenPages(t) {
		in = append(in, b)
	}
	for _, s := range in {
		if got, want := bodyKey(s), bodyKeyByRune(s); got != want {
			t.Errorf("bodyKey(%.40q) = %.60q, want %.60q", s, got, want)
		}
	}
}

// hiddenPages reads the pages of testdata/hidden, by file name.
func hiddenPages(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "hidden", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[f] = string(b)
	}
	return pages
}

// FuzzBodyKey checks bodyKey against its definition on any string.
func FuzzBodyKey(f *testing.F) {
	for _, s := range []string{"Hello, World", "ÀÉ\xff<p>x</p>", "İⱥ 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := bodyKey(s), bodyKeyByRune(s); got != want {
			t.Errorf("bodyKey(%q) = %q, want %q", s, got, want)
		}
	})
}
