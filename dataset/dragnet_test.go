package dataset

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"
)

func TestIsCommentsMarker(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		// Markers as typed in the set.
		{"!@#$%^&*()  COMMENTS\n", true},
		{"!@#$%^&*() COMMENTS", true},
		{"!@#$%^&**()  COMMENTS", true},
		{"!@#$%^&*   COMMENTS", true},
		{"@#$%^&*() COMMENTS", true},
		{"!#@$%^&*()  COMMENTS", true},
		{"!@ $%^&*()  COMMENTS", true},
		{"!@#$%^&*()  COMMNENTS", true},
		{"!@#$%^&*()  CORRECTED", true},
		{"!@#$%^&*()  \tCOMMENTS\r\n", true},
		{"!@#$%^&*()", true},
		// Lines of text that are not markers.
		{"", false},
		{"COMMENTS", false},
		{"Comments:87", false},
		{"what is it with @!$%#s and phones?", false},
		{"^^^THIS!!!^^^", false},
		{"(((((hugs)))))", false},
		{"***************", false},
		{"!@#$%^&*() COMMENTS follow below here", false},
		{"!@#$%^&*() COMMENTS, 12", false},
	}
	for _, tc := range tests {
		if got := isCommentsMarker(tc.line); got != tc.want {
			t.Errorf("isCommentsMarker(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestSplitDragnetGold(t *testing.T) {
	tests := []struct {
		name, in          string
		article, comments string
		marked            bool
	}{
		{"no marker", "Title\nStory.\n", "Title\nStory.\n", "", false},
		{"marker", "Title\nStory.\n\n!@#$%^&*()  COMMENTS\nFirst!\nSecond.\n", "Title\nStory.\n\n", "First!\nSecond.\n", true},
		{"marker only", "!@#$%^&*()  COMMENTS\n", "", "", true},
		{"second marker dropped", "A\n!@#$%^&*() COMMENTS\nB\n!@#$%^&*() COMMENTS\nC", "A\n", "B\nC", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, c, m := splitDragnetGold(tc.in)
			if diff := cmp.Diff([]any{tc.article, tc.comments, tc.marked}, []any{a, c, m}); diff != "" {
				t.Errorf("split (-want +got): %s", diff)
			}
		})
	}
}

// TestLoadDragnet: the three-way labels of a page with comments, the site
// from hosts.tsv, a UTF-16 gold, and the pages refused (no gold, a gold
// or page that is not gzip, a gold holding only the marker) with a reason
// and an error naming the file, while the load goes on.
func TestLoadDragnet(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, SetDragnet)
	writeFile(t, filepath.Join(set, "hosts.tsv"), []byte("id\thost\thow\n1\twww.News.Example.co.uk\tcanonical/og:url/base\n2\tb.example.org\tmost-linked\n3\tc.example.org\tmost-linked\n4\td.example.org\tmost-linked\n5\te.example.org\tmost-linked\nR6\t\tnone\n"))
	page := []byte(`<html><head><meta charset="utf-8"><link rel="canonical" href="https://news.example.co.uk/a/1"></head><body>
<nav>Home World Sport Weather</nav>
<h1>Storm closes the harbour for a week</h1>
<p>The harbour was closed on Monday after a storm damaged the outer wall and two piers.</p>
<div class="comments"><p>I walked past it yesterday and the damage looked far worse than reported.</p>
<p>Who pays for the repairs this time, the council or the port company?</p></div>
<footer>Copyright Example News Group, all rights reserved</footer>
</body></html>`)
	gold := "Storm closes the harbour for a week\n\nThe harbour was closed on Monday after a storm damaged the outer wall and two piers.\n\n" +
		"!@#$%^&*()  COMMENTS\n\nI walked past it yesterday and the damage looked far worse than reported.\nWho pays for the repairs this time, the council or the port company?\n"
	writeGz(t, filepath.Join(set, "html", "1.html.gz"), page)
	writeGz(t, filepath.Join(set, "gold", "1.txt.gz"), []byte(gold))
	writeGz(t, filepath.Join(set, "html", "2.html.gz"), page) // no gold
	writeGz(t, filepath.Join(set, "html", "3.html.gz"), page)
	writeFile(t, filepath.Join(set, "gold", "3.txt.gz"), []byte(gold)) // gold not gzip
	writeGz(t, filepath.Join(set, "html", "4.html.gz"), page)
	writeGz(t, filepath.Join(set, "gold", "4.txt.gz"), []byte("\n!@#$%^&*()  COMMENTS\n\n")) // marker only
	writeFile(t, filepath.Join(set, "html", "5.html.gz"), page)                              // page not gzip
	writeGz(t, filepath.Join(set, "gold", "5.txt.gz"), []byte(gold))
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Storm closes the harbour for a week\nThe harbour was closed on Monday after a storm damaged the outer wall and two piers.\n"))
	if err != nil {
		t.Fatal(err)
	}
	writeGz(t, filepath.Join(set, "html", "R6.html.gz"), page)
	writeGz(t, filepath.Join(set, "gold", "R6.txt.gz"), utf16)

	c, err := Load(dir, Options{Sets: []string{SetDragnet}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"dragnet/1", "dragnet/R6"}, ids(c.Pages)); diff != "" {
		t.Fatalf("loaded pages (-want +got): %s\nskipped: %v", diff, c.Skipped)
	}
	want := map[string]struct{ reason, file string }{
		"2": {"no gold", filepath.Join("gold", "2.txt.gz")},
		"3": {"read", filepath.Join("gold", "3.txt.gz")},
		"4": {"empty gold", filepath.Join("gold", "4.txt.gz")},
		"5": {"read", filepath.Join("html", "5.html.gz")},
	}
	if len(c.Skipped) != len(want) {
		t.Errorf("skipped %v, want %d pages", c.Skipped, len(want))
	}
	for _, s := range c.Skipped {
		w := want[s.ID]
		if s.Reason != w.reason {
			t.Errorf("skip %s: reason %q, want %q", s.ID, s.Reason, w.reason)
		}
		if s.Err == nil || !strings.Contains(s.Err.Error(), w.file) {
			t.Errorf("skip %s: error %v does not name %s", s.ID, s.Err, w.file)
		}
	}

	p := c.Pages[0]
	checkPage(t, p)
	if p.Site != "example.co.uk" || p.URL != "https://news.example.co.uk/a/1" || p.Lang != "en" || p.PageType != "article" {
		t.Errorf("site, url, lang, type = %q, %q, %q, %q", p.Site, p.URL, p.Lang, p.PageType)
	}
	// nav, h1, p, comment, comment, footer
	if diff := cmp.Diff([]Label{B, C, C, B, B, B}, p.Labels); diff != "" {
		t.Errorf("labels (-want +got): %s", diff)
	}
	if diff := cmp.Diff([]bool{false, false, false, true, true, false}, p.Comment); diff != "" {
		t.Errorf("comment flags (-want +got): %s", diff)
	}
	if strings.Contains(p.Gold, "COMMENTS") || strings.Contains(p.Gold, "walked past") || !strings.Contains(p.CommentGold, "walked past") {
		t.Errorf("gold %q / comment gold %q: want the article and the comments apart, without the marker", p.Gold, p.CommentGold)
	}
	kept, n := CommentsKept(p, []bool{false, true, true, true, false, false})
	if kept != 1 || n != 2 {
		t.Errorf("CommentsKept = %d of %d, want 1 of 2", kept, n)
	}

	q := c.Pages[1]
	checkPage(t, q)
	if q.Site != "dragnet:R6" {
		t.Errorf("site = %q, want dragnet:R6 (hosts.tsv gives no host)", q.Site)
	}
	if diff := cmp.Diff([]Label{B, C, C, B, B, B}, q.Labels); diff != "" {
		t.Errorf("UTF-16 gold: labels (-want +got): %s", diff)
	}
	if diff := cmp.Diff(make([]bool, 6), q.Comment); diff != "" || q.CommentGold != "" {
		t.Errorf("a page without a marker has comment labels, all false: (-want +got) %s; comment gold %q", diff, q.CommentGold)
	}
}

func TestHostSite(t *testing.T) {
	for in, want := range map[string]string{
		"www.cbsnews.com":               "cbsnews.com",
		"worldnews.nbcnews.com":         "nbcnews.com",
		"WWW.Guardian.CO.UK":            "guardian.co.uk",
		"www2.rizospastis.gr":           "rizospastis.gr",
		"tweetrightbrain.posterous.com": "posterous.com",
		"example.com:8080":              "example.com",
		"":                              "",
	} {
		if got := hostSite(in); got != want {
			t.Errorf("hostSite(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRealDragnet: on the real set, about 30% of the pages have a comments
// part, most of them some comment blocks, and the labelled blocks cover
// the gold.
func TestRealDragnet(t *testing.T) {
	dir := dataDir(t)
	c := loadReal(t, dir, SetDragnet)
	marked, withBlocks := 0, 0
	for _, p := range c.Pages {
		if p.CommentGold == "" {
			continue
		}
		marked++
		if _, n := CommentsKept(p, nil); n > 0 {
			withBlocks++
		}
	}
	cov := MeasureCoverage(c.Pages)[SetDragnet]
	t.Logf("%d pages, %d with comments, %d with comment blocks; article P %.3f R %.3f (in page %.3f); comments P %.3f R %.3f (in page %.3f)",
		len(c.Pages), marked, withBlocks, cov.Article.Precision(), cov.Article.Recall(), cov.Article.InPage(),
		cov.Comments.Precision(), cov.Comments.Recall(), cov.Comments.InPage())
	if share := float64(marked) / float64(len(c.Pages)); share < 0.2 || share > 0.4 {
		t.Errorf("%.2f of the pages have comments, want about 0.3", share)
	}
	if float64(withBlocks) < 0.9*float64(marked) {
		t.Errorf("%d of %d pages with comments have comment blocks", withBlocks, marked)
	}
	if cov.Article.Recall() < 0.95 || cov.Comments.Recall() < 0.9 {
		t.Errorf("coverage: article %.3f, comments %.3f, want >= 0.95, 0.9", cov.Article.Recall(), cov.Comments.Recall())
	}
}
