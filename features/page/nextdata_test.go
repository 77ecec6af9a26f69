package page

import (
	"strings"
	"testing"

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
