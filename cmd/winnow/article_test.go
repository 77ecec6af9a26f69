package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow"
)

// TestExtractJSONFields checks the article's parts in -format json on the
// seed page: the headline, author and date as fields, the body alone as
// text, and every field present even when empty.
func TestExtractJSONFields(t *testing.T) {
	code, out, errOut := runWinnow(t, "", "extract", "-format", "json", seedPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"title", "author", "date", "date_text", "text", "captions", "comments", "language", "url", "site_name", "page_type"} {
		if _, ok := got[key]; !ok {
			t.Errorf("no %q in the JSON", key)
		}
	}
	want := map[string]any{
		"title": "Russia, China to talk about deeper security co-operation in Eurasia", "author": seedAuthor(t),
		"date": "2024-04-09", "date_text": "", "language": "en", "url": "", "site_name": "", "comments": "",
		"page_type": "article",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	text, _ := got["text"].(string)
	if !strings.HasPrefix(text, seedStory) {
		t.Errorf("text starts %.80q, want the story's first paragraph (no headline or byline before it)", text)
	}
	if _, ok := got["captions"].([]any); !ok {
		t.Errorf("captions = %v, want an array", got["captions"])
	}
}

// TestExtractParts checks the switches of what the text and Markdown
// output carry besides the body, and the threshold presets' usage errors.
func TestExtractParts(t *testing.T) {
	const caption = "Russia's Foreign Minister Sergei Lavrov shakes hands"
	authorLine, address := "", "</h1>"
	if a := seedAuthor(t); a != "" {
		authorLine, address = "author: "+a+"\n", "<address>"+a+"</address>"
	}
	tests := []struct {
		name, reason string
		args         []string
		code         int
		with         []string // in stdout (or stderr when code is not 0)
		without      []string
	}{
		{"text", "the body alone", []string{}, 0, []string{seedStory}, []string{"---", caption, "# Russia"}},
		{"with-metadata", "-with-metadata: YAML front matter before the text", []string{"-with-metadata"}, 0,
			[]string{"---\ntitle: Russia, China to talk about deeper security co-operation in Eurasia\n" + authorLine + "date: 2024-04-09\n---\n\n" + seedStory}, nil},
		{"markdown", "Markdown starts with the title", []string{"-format", "markdown"}, 0,
			[]string{"# Russia, China to talk about deeper security co-operation in Eurasia\n\n" + seedStory}, []string{"---"}},
		{"html", "an article with the header", []string{"-format", "html"}, 0,
			[]string{"<article>\n<header>\n<h1>Russia, China", address, `<time datetime="2024-04-09">`, "</header>\n", "<p>" + seedStory, "</article>"}, nil},
		{"comments", "-comments on a page without comments changes nothing", []string{"-comments"}, 0, []string{seedStory}, []string{caption}},
		{"precision", "a preset", []string{"-precision"}, 0, []string{seedStory}, nil},
		{"preset and threshold", "a preset sets the threshold", []string{"-recall", "-threshold", "0.4"}, 2, []string{"give no -threshold"}, nil},
		{"both presets", "one preset at a time", []string{"-recall", "-precision"}, 2, []string{"give one of them"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"extract"}, tt.args...), seedPath)
			code, out, errOut := runWinnow(t, "", args...)
			if code != tt.code {
				t.Fatalf("%s: exit %d, want %d: %s", tt.reason, code, tt.code, errOut)
			}
			if code != 0 {
				out = errOut
			}
			for _, w := range tt.with {
				if !strings.Contains(out, w) {
					t.Errorf("%s: output lacks %q:\n%.600s", tt.reason, w, out)
				}
			}
			for _, w := range tt.without {
				if strings.Contains(out, w) {
					t.Errorf("%s: output has %q", tt.reason, w)
				}
			}
		})
	}
}

// TestExtractCaptions checks that -captions puts in the body the captions
// that -format json lists apart, and that without it they are not in the
// body.
func TestExtractCaptions(t *testing.T) {
	code, out, errOut := runWinnow(t, "", "extract", "-format", "json", seedPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a struct{ Captions []string }
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Captions) == 0 {
		t.Skip("the seed page's caption is not kept as content")
	}
	_, plain, _ := runWinnow(t, "", "extract", seedPath)
	_, with, _ := runWinnow(t, "", "extract", "-captions", seedPath)
	// A caption is a line of its own where it is in the text ("Reuters"
	// is also in the story's first line).
	hasLine := func(text, line string) bool { return strings.Contains("\n"+text+"\n", "\n"+line+"\n") }
	for _, c := range a.Captions {
		if hasLine(plain, c) || !hasLine(with, c) {
			t.Errorf("caption %.60q: in the text %v, with -captions %v; want false, true", c, hasLine(plain, c), hasLine(with, c))
		}
	}
}

// seedAuthor is the author the library finds on the seed page
// (TestSeedPage in the root package pins what it is): the command's
// output must carry it as it is.
func seedAuthor(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	a, err := winnow.Extract(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return a.Author
}
