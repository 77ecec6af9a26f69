package winnow

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// seedMisses are the fixture's lines that the default model alone decides
// against the fixture (docs/rules.md: the post-processing rules that
// patched them were removed): the lead photo's caption is dropped.
// TestSeedPage checks that each is still missed, so that the list shrinks
// as soon as the model learns one; an empty list is the goal.
var seedMisses = []string{"Lavrov shakes hands"}

// TestSeedPage extracts the fixture built in the shape of the page this
// project exists for (testdata/seed, ../shared/seed): the headline, author
// and date as fields, the story whole as the body, and none of the
// boilerplate around it.
func TestSeedPage(t *testing.T) {
	page, err := os.Open("testdata/seed/news.html")
	if err != nil {
		t.Fatal(err)
	}
	defer page.Close()
	a, err := Extract(page)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	story, err := os.ReadFile("testdata/seed/story.txt")
	if err != nil {
		t.Fatal(err)
	}
	fields := []struct{ name, got, want string }{
		{"title", a.Title, "Russia, China to talk about deeper security co-operation in Eurasia"},
		{"author", a.Author, "Reuters"},
		{"date", a.Date, "2024-04-09"},
		{"date_text", a.DateText, ""},
		{"language", a.Language, "en"},
	}
	bylineMissed := slices.Contains(seedMisses, "Reuters")
	for _, f := range fields {
		switch {
		case f.name == "author" && bylineMissed && f.got == f.want:
			t.Errorf("the author is found: the model learned the byline; take it out of seedMisses")
		case f.name == "author" && bylineMissed && f.got == "":
		case f.got != f.want:
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	for _, para := range strings.Split(strings.TrimSpace(string(story)), "\n") {
		if !strings.Contains(a.Text, para) {
			t.Errorf("story paragraph missing: %q", para)
		}
	}
	// The headline, byline and caption are fields, not body.
	for _, line := range []string{a.Title, "Reuters\n", "09 April, 2024, 01:45 pm", "Last modified", "Lavrov shakes hands"} {
		if strings.Contains(a.Text, line) {
			t.Errorf("not body, but in Text: %q", line)
		}
	}
	// A boilerplate line the model still keeps may come out as a caption
	// (seedMisses): the check below finds it there.
	promoMissed := slices.Contains(seedMisses, "Keep updated, follow")
	captions := slices.DeleteFunc(slices.Clone(a.Captions), func(c string) bool {
		return bylineMissed && c == "Reuters" || promoMissed && strings.Contains(c, "Keep updated, follow")
	})
	caption := len(captions) == 1 && strings.Contains(captions[0], "Lavrov shakes hands with China's Foreign Minister")
	switch missed := slices.Contains(seedMisses, "Lavrov shakes hands"); {
	case !caption && !missed:
		t.Errorf("captions = %q, want the photo's caption", a.Captions)
	case caption && missed:
		t.Errorf("the photo's caption is found: the model learned it; take it out of seedMisses")
	case !caption && len(captions) != 0:
		t.Errorf("captions = %q, want none but the photo's", a.Captions)
	}
	boilerplate := []struct{ text, what string }{
		{"Keep updated, follow", "the Google News promo between two paragraphs"},
		{"Top News", "the topic-tags heading"},
		{"Russia-China ties", "a topic tag"},
		{"moderation decisions are subjective", "the comments notice"},
		{"Related News", "the related-news heading"},
		{"ready to work with Russia on global governance", "a related-news link"},
		{"Top Stories", "the top-stories widget"},
		{"MOST VIEWED", "the most-viewed widget"},
		{"Red Crescent", "a long teaser caption under Features"},
		{"compact sedan", "a long teaser caption under Features"},
		{"More Videos from TBS", "the videos heading"},
		{"Shakshuka", "a video title"},
		{"All rights reserved", "the footer"},
		{"Home", "the menu"},
		{"&#039;", "an undecoded entity"},
	}
	// Boilerplate belongs in neither the body nor the captions.
	out := a.Text + "\n" + strings.Join(a.Captions, "\n")
	for _, b := range boilerplate {
		switch kept := strings.Contains(out, b.text); {
		case kept && !slices.Contains(seedMisses, b.text):
			t.Errorf("boilerplate kept: %s (%q)", b.what, b.text)
		case !kept && slices.Contains(seedMisses, b.text):
			t.Errorf("boilerplate dropped: %s (%q): the model learned it; take it out of seedMisses", b.what, b.text)
		}
	}
	if t.Failed() {
		t.Logf("extracted text:\n%s", a.Text)
	}
}
