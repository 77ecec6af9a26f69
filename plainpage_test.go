package winnow

import (
	"strings"
	"testing"
)

// TestPlainPages checks that a page of nothing but a headline and a few
// paragraphs of prose, in the shapes small hand-written pages and
// extractors' test pages take, keeps every paragraph: there is no
// boilerplate on it to leave out, and a page of plain text dropped whole
// is a failure a user sees at once.
func TestPlainPages(t *testing.T) {
	paras := []string{
		"The committee met on Tuesday to discuss the budget for the coming year, and agreed to raise the grant for the library by a tenth.",
		"Several members asked why the repairs to the bridge had been put off again, and the treasurer promised a report before the next meeting.",
		"The meeting closed after two hours with a vote of thanks to the volunteers who had painted the hall over the summer holidays.",
	}
	wrap := func(open, close string) string {
		var b strings.Builder
		for _, p := range paras {
			b.WriteString(open + p + close + "\n")
		}
		return b.String()
	}
	pages := []struct {
		name, html string
		paras      []string // the paragraphs it holds
	}{
		{"paragraphs in body", "<html><head><title>Council notes</title></head><body><h1>Council notes</h1>\n" + wrap("<p>", "</p>") + "</body></html>", paras},
		{"divs in an article", "<html><head><title>Council notes</title></head><body><article><h1>Council notes</h1>\n" + wrap("<div>", "</div>") + "</article></body></html>", paras},
		{"font tags under h2s", "<html><body><article><h1>Notes</h1>\n" + wrap(`<h2>Item</h2><div><font face="Arial">`, "</font></div>") + "</article></body></html>", paras},
		{"no headline", "<html><body>\n" + wrap("<p>", "</p>") + "</body></html>", paras},
		{"one paragraph, a title", "<html><head><title>Notes</title></head><body><h1>Notes</h1><p>" + paras[0] + "</p></body></html>", paras[:1]},
	}
	for _, pg := range pages {
		a, err := Extract(strings.NewReader(pg.html))
		if err != nil {
			t.Errorf("%s: %v", pg.name, err)
			continue
		}
		missing := false
		for _, p := range pg.paras {
			if !strings.Contains(a.Text, p) {
				t.Errorf("%s: paragraph %q… missing from the text", pg.name, p[:30])
				missing = true
			}
		}
		if missing {
			for _, b := range a.Blocks {
				t.Logf("%s: P %.2f %s", pg.name, b.Probability, b.Text[:min(40, len(b.Text))])
			}
		}
	}
}
