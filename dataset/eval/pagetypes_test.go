package eval

import (
	"strings"
	"testing"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

func TestPageTypesOf(t *testing.T) {
	// Any extractor marks a model system; pageTypesOf reads only the
	// page scores.
	sys := &System{name: "m", x: &winnow.Extractor{}}
	page := func(set, typ, got string) pageEval {
		return pageEval{page: &dataset.LabelledPage{Set: set, PageType: typ}, sys: []pageScore{{pageType: got}}}
	}
	evals := []pageEval{
		page("wcxb", "article", "article"),
		page("wcxb", "listing", "collection"),
		page("wcxb", "listing", "listing"),
		page("wcxb", "product", ""),
		page("l3s-gn1", "article", "article"),
		page("cleaneval", "", "forum"), // no known type: not scored
	}
	got := pageTypesOf(evals, []*System{sys})
	if len(got) != 2 || got[0].Group != "wcxb" || got[1].Group != "all" {
		t.Fatalf("groups %+v, want wcxb then all", got)
	}
	all := got[1]
	if all.Pages != 5 || all.Correct != 3 || all.Accuracy != 0.6 {
		t.Errorf("all: %d pages, %d correct, accuracy %v; want 5, 3, 0.6", all.Pages, all.Correct, all.Accuracy)
	}
	types := all.Types
	at := func(s string) int {
		for i, x := range types {
			if x == s {
				return i
			}
		}
		return len(types) // none
	}
	if all.Matrix[at("listing")][at("collection")] != 1 || all.Matrix[at("listing")][at("listing")] != 1 ||
		all.Matrix[at("product")][len(types)] != 1 || all.Matrix[at("article")][at("article")] != 2 {
		t.Errorf("matrix %v", all.Matrix)
	}
	var b strings.Builder
	pageTypeTable(&Report{PageTypes: got}).writeText(&b)
	if !strings.Contains(b.String(), "listing") || !strings.Contains(b.String(), "0.600") {
		t.Errorf("table:\n%s", b.String())
	}
	// Without a page-type model, every page is "none": no score.
	for i := range evals {
		evals[i].sys[0].pageType = ""
	}
	if got := pageTypesOf(evals, []*System{sys}); len(got) != 0 {
		t.Errorf("no page-type model: %+v, want none", got)
	}
}

func TestPageTypeRows(t *testing.T) {
	p, err := page.ParseBytes([]byte("<p>Some text.</p>"), page.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var pages []*dataset.LabelledPage
	for _, typ := range []string{"article", "article", "article", "article", "listing", "", "recipe"} {
		pages = append(pages, &dataset.LabelledPage{PageType: typ, Page: p})
	}
	count := func(y []model.Label) (pos, neg int) {
		for _, l := range y {
			if l == model.Content {
				pos++
			} else {
				neg++
			}
		}
		return pos, neg
	}
	cases := []struct {
		head     string
		pos, neg int
		reason   string
	}{
		{"listing", 4, 4, "the one listing repeated 4 times against 4 articles"},
		{"article", 4, 4, "the one listing repeated 4 times as the rarer class"},
		{"forum", 0, 5, "no forum: no repeats"},
	}
	for _, tc := range cases {
		x, y := PageTypeRows(pages, tc.head)
		if pos, neg := count(y); pos != tc.pos || neg != tc.neg || len(x) != len(y) {
			t.Errorf("%s: %d rows, %d of the type and %d not; want %d and %d: %s", tc.head, len(x), pos, neg, tc.pos, tc.neg, tc.reason)
		}
	}
}
