package wn

import (
	"os"
	"strings"
	"testing"
)

// The parts contender gives the headline, the bylines and the body's
// paragraphs in page order, where the plain one gives the body alone.
func TestParts(t *testing.T) {
	page, err := os.ReadFile("../../../testdata/seed/news.html")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := New()
	if err != nil {
		t.Fatal(err)
	}
	parts, err := NewParts()
	if err != nil {
		t.Fatal(err)
	}
	body, err := plain.Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	all, err := parts.Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	const headline = "Russia, China to talk about deeper security co-operation in Eurasia"
	if strings.Contains(body, headline) {
		t.Errorf("winnow's text holds the headline: %.200q", body)
	}
	if !strings.HasPrefix(all, headline+"\n\n") {
		t.Errorf("winnow-parts does not start with the headline: %.200q", all)
	}
	if !strings.Contains(all, "\n\n09 April, 2024, 01:45 pm\n\n") {
		t.Errorf("winnow-parts lacks the dateline:\n%s", all)
	}
	rest := all
	for _, para := range strings.Split(body, "\n\n") {
		i := strings.Index(rest, para)
		if i < 0 {
			t.Fatalf("winnow-parts lacks, or has out of order, the body's paragraph %q", para)
		}
		rest = rest[i+len(para):]
	}
	if parts.Name != "winnow-parts" || plain.Name != "winnow" {
		t.Errorf("names %q, %q", plain.Name, parts.Name)
	}
}
