package page

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// TestNextDataBody checks the choice of the prose path and the limits of
// the walk over hostile page data.
func TestNextDataBody(t *testing.T) {
	para := "This sentence has more than eight words in it, as prose does."
	deep := strings.Repeat(`{"a":`, 5000) + `"` + para + `"` + strings.Repeat(`}`, 5000)
	many := `{"items":[` + strings.Repeat(`"`+para+`",`, 10_000) + `"` + para + `"]}`
	for _, tc := range []struct {
		name, data, want string
	}{
		{"longest path wins", `{"nav":["Home page of the site, with news and more."],"post":{"body":[{"text":"` + para + `"},{"text":"` + para + ` Again."}]}}`,
			para + "\n\n" + para + " Again."},
		{"labels and urls are no prose", `{"a":"https://example.com/a/b/c/d/e/f/g/h/i/j?x=1.2","b":"Just a label with no full stop at all here"}`, ""},
		{"markup counted by its text", `{"html":"<p>` + para + `</p><p>Two.</p>"}`, "<p>" + para + "</p><p>Two.</p>"},
		{"too deep", deep, ""},
		{"repeated once", many, para},
		{"not json", `{"a":`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><body><script id="__NEXT_DATA__" type="application/json">` + tc.data + `</script></body></html>`
			root, err := html.Parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			if got := nextDataBody(root); got != tc.want {
				t.Errorf("nextDataBody = %.200q, want %.200q", got, tc.want)
			}
		})
	}
}

// TestIsShell checks isShell against its definition, the letters and
// digits of the visible text (visibleTextOf) counted to maxShellText, on
// the pages of testdata/hidden and on pages at the limit, with the
// letters split over nodes, in skipped elements and in several scripts.
func TestIsShell(t *testing.T) {
	byText := func(root *html.Node) bool {
		var b strings.Builder
		visibleTextOf(root, &b)
		n := 0
		for _, r := range b.String() {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
			}
		}
		return n <= maxShellText
	}
	pages := hiddenPages(t)
	for _, n := range []int{maxShellText - 1, maxShellText, maxShellText + 1} {
		half := strings.Repeat("é", n/2)
		rest := strings.Repeat("7", n-n/2)
		pages[fmt.Sprint(n, " letters")] = "<p>" + half + "</p><div>- " + rest + " -</div><script>var x = 'abcdef';</script><select><option>hidden words</option></select>"
	}
	for name, src := range pages {
		root, err := html.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := isShell(root), byText(root); got != want {
			t.Errorf("%s: isShell = %v, want %v", name, got, want)
		}
	}
}
