package dataset

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const sampleDir = "../testdata/dataset"

func loadSample(t *testing.T, sets ...string) *Corpus {
	t.Helper()
	c, err := Load(sampleDir, Options{Sets: sets})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoadWCXBSample(t *testing.T) {
	c := loadSample(t, SetWCXB)
	if len(c.Skipped) != 0 {
		t.Errorf("skipped %v", c.Skipped)
	}
	if diff := cmp.Diff([]string{"wcxb/0437", "wcxb/0551", "wcxb/4169"}, ids(c.Pages)); diff != "" {
		t.Fatalf("pages (-want +got): %s", diff)
	}
	tests := []struct {
		id, site, pageType string
		reason             string
	}{
		{"0437", "coryd.dev", "article", "site from the JSON's url, www. stripped"},
		{"0551", "wcxb:0551", "forum", "empty url and no canonical link: the site falls back to the page id"},
		{"4169", "kineticlabs.com", "product", "page type from _internal.page_type.primary"},
	}
	for i, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			p := c.Pages[i]
			if p.Site != tc.site || p.PageType != tc.pageType {
				t.Errorf("site, type = %q, %q; want %q, %q (%s)", p.Site, p.PageType, tc.site, tc.pageType, tc.reason)
			}
			checkPage(t, p)
			if len(p.With) == 0 || len(p.Without) == 0 {
				t.Errorf("with/without snippets missing: %d, %d", len(p.With), len(p.Without))
			}
			if p.Fine != nil {
				t.Errorf("Fine = %v, want nil for a gold-text set", p.Fine)
			}
			// The content blocks hold the must-contain snippets.
			var content strings.Builder
			for j, b := range p.Page.Blocks {
				if p.Labels[j] == Content {
					content.WriteString(b.Text + " ")
				}
			}
			_, rec, _ := BagOfWords(content.String(), strings.Join(p.With, " "))
			if rec < 0.9 {
				t.Errorf("content blocks hold %.2f of the with-snippet words, want >= 0.9", rec)
			}
		})
	}
}

// checkPage checks the invariants every loaded page keeps.
func checkPage(t *testing.T, p *LabelledPage) {
	t.Helper()
	if p.Page == nil || len(p.Page.Blocks) == 0 {
		t.Fatalf("%s/%s: no blocks", p.Set, p.ID)
	}
	if len(p.Labels) != len(p.Page.Blocks) {
		t.Fatalf("%s/%s: %d labels for %d blocks", p.Set, p.ID, len(p.Labels), len(p.Page.Blocks))
	}
	if p.Fine != nil && len(p.Fine) != len(p.Page.Blocks) {
		t.Fatalf("%s/%s: %d fine labels for %d blocks", p.Set, p.ID, len(p.Fine), len(p.Page.Blocks))
	}
	if p.Comment != nil && len(p.Comment) != len(p.Page.Blocks) {
		t.Fatalf("%s/%s: %d comment flags for %d blocks", p.Set, p.ID, len(p.Comment), len(p.Page.Blocks))
	}
	for i, c := range p.Comment {
		if c && p.Labels[i] == Content {
			t.Fatalf("%s/%s: block %d is both content and a comment", p.Set, p.ID, i)
		}
	}
	if p.Site == "" {
		t.Errorf("%s/%s: empty site", p.Set, p.ID)
	}
	// Annotators may find no main content on a page (CleanEval-Victor 55
	// and 56 are all victor_other); alignment never yields such a page.
	if !BlockLabelled(p.Set) && !hasContent(p.Labels) {
		t.Errorf("%s/%s: no content block", p.Set, p.ID)
	}
}

func TestLoadReadabilitySample(t *testing.T) {
	c := loadSample(t, SetReadability)
	if diff := cmp.Diff([]string{"readability/005-unescape-html-entities", "readability/ol"}, ids(c.Pages)); diff != "" {
		t.Fatalf("pages (-want +got): %s (skipped %v)", diff, c.Skipped)
	}
	for _, p := range c.Pages {
		checkPage(t, p)
		if p.Gold == "" {
			t.Errorf("%s: empty gold (want the text of expected.html)", p.ID)
		}
	}
	if Trainable(SetReadability) {
		t.Error("Trainable(readability) = true; its labels are another extractor's")
	}
}

func TestLoadWorkersDeterministic(t *testing.T) {
	one, err := Load(sampleDir, Options{Workers: 1, Sets: []string{SetWCXB, SetReadability}})
	if err != nil {
		t.Fatal(err)
	}
	many, err := Load(sampleDir, Options{Workers: 4, Sets: []string{SetReadability, SetWCXB}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ids(one.Pages), ids(many.Pages)); diff != "" {
		t.Fatalf("page order depends on workers: %s", diff)
	}
	for i := range one.Pages {
		if diff := cmp.Diff(one.Pages[i].Labels, many.Pages[i].Labels); diff != "" {
			t.Errorf("%s: labels differ: %s", one.Pages[i].ID, diff)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name   string
		dir    string
		sets   []string
		noData bool
		reason string
	}{
		{"missing dir", filepath.Join(t.TempDir(), "nope"), nil, true, "the data directory does not exist"},
		{"missing set", t.TempDir(), []string{SetWCXB}, true, "the set's folder does not exist"},
		{"unknown set", sampleDir, []string{"imaginary"}, false, "a set name that is not one of SetNames"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Load(tc.dir, Options{Sets: tc.sets})
			if err == nil {
				t.Fatalf("Load = %d pages, nil error; want an error (%s)", len(c.Pages), tc.reason)
			}
			if got := errors.Is(err, ErrNoData); got != tc.noData {
				t.Errorf("errors.Is(%v, ErrNoData) = %v, want %v", err, got, tc.noData)
			}
		})
	}
}

func writeGz(t *testing.T, path string, b []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	writeFile(t, path, buf.Bytes())
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadSkips: bad pages are skipped with a groupable reason, and the
// good pages still load.
func TestLoadSkips(t *testing.T) {
	dir := t.TempDir()
	dev := filepath.Join(dir, SetWCXB, "dev")
	goodHTML := []byte("<html><body><nav>Home News</nav><h1>A title here</h1><p>The story of the page is this sentence here.</p></body></html>")
	goodJSON := `{"url": "https://www.example.com/a", "_internal": {"page_type": {"primary": "article"}}, "ground_truth": {"title": "A title here", "main_content": "The story of the page is this sentence here.", "with": ["story of the page"], "without": ["Home News"]}}`
	writeGz(t, filepath.Join(dev, "html", "0001.html.gz"), goodHTML)
	writeFile(t, filepath.Join(dev, "ground-truth", "0001.json"), []byte(goodJSON))
	writeGz(t, filepath.Join(dev, "html", "0002.html.gz"), goodHTML)
	writeFile(t, filepath.Join(dev, "ground-truth", "0002.json"), []byte(`{"ground_truth": {"main_content": ""}}`))
	writeGz(t, filepath.Join(dev, "html", "0003.html.gz"), []byte("\x89PNG\r\n\x1a\nbinary"))
	writeFile(t, filepath.Join(dev, "ground-truth", "0003.json"), []byte(goodJSON))
	writeGz(t, filepath.Join(dev, "html", "0004.html.gz"), goodHTML)   // no JSON
	writeFile(t, filepath.Join(dev, "html", "0005.html.gz"), goodHTML) // not gzip
	writeFile(t, filepath.Join(dev, "ground-truth", "0005.json"), []byte(goodJSON))
	writeGz(t, filepath.Join(dev, "html", "0006.html.gz"), []byte("<p>Nothing of the gold here at all.</p>"))
	writeFile(t, filepath.Join(dev, "ground-truth", "0006.json"), []byte(goodJSON))
	writeGz(t, filepath.Join(dev, "html", "0007.html.gz"), goodHTML)
	writeFile(t, filepath.Join(dev, "ground-truth", "0007.json"), []byte(`{"ground_truth": `))

	c, err := Load(dir, Options{Sets: []string{SetWCXB}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"wcxb/0001"}, ids(c.Pages)); diff != "" {
		t.Errorf("loaded pages (-want +got): %s", diff)
	}
	got := map[string]string{}
	for _, s := range c.Skipped {
		got[s.ID] = s.Reason
		if s.Err == nil {
			t.Errorf("skip %s has no error", s.ID)
		}
	}
	want := map[string]string{
		"0002": "empty gold",
		"0003": "parse: not HTML",
		"0004": "no gold",
		"0005": "read",
		"0006": "gold not found in page",
		"0007": "gold json",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("skip reasons (-want +got): %s", diff)
	}
	p := c.Pages[0]
	if diff := cmp.Diff([]Label{B, C, C}, p.Labels); diff != "" {
		t.Errorf("labels (-want +got): %s\nreason: title and story are content (the title is aligned too), the menu not", diff)
	}
	if p.Site != "example.com" {
		t.Errorf("site = %q, want example.com", p.Site)
	}
}

func TestApplyMask(t *testing.T) {
	src := "<html><title>T</title><body><p>Menu &amp; more</p>\n<p>Story text</p><script>var x = 1;</script></body></html>"
	// The mask keeps "Story text" and the script (which must not be wrapped).
	mask := []rune(strings.Repeat("□", len([]rune(src))))
	for _, keep := range []string{"Story text", "var x = 1;"} {
		i := len([]rune(src[:strings.Index(src, keep)]))
		copy(mask[i:], []rune(keep))
	}
	got, err := applyMask(src, string(mask))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, "Story text", `<span class="winnow-mask-content">Story text</span>`, 1)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("applyMask (-want +got): %s", diff)
	}
	if _, err := applyMask(src, "□"); err == nil {
		t.Error("applyMask with a short mask: want an error")
	}
}

func TestSiteOf(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"https://www.Example.COM:8080/a?b", "example.com", "lower-cased, port and www. dropped"},
		{"http://news.bbc.co.uk/x", "news.bbc.co.uk", "other subdomains stay"},
		{"not a url", "", "no host"},
		{"", "", "empty"},
	}
	for _, tc := range tests {
		if got := siteOf(tc.in); got != tc.want {
			t.Errorf("siteOf(%q) = %q, want %q (%s)", tc.in, got, tc.want, tc.reason)
		}
	}
	for in, want := range map[string]string{"news.bbc.co.uk": "bbc.co.uk", "images.forbes.com": "forbes.com", "example.com": "example.com", "a.b.example.org": "example.org"} {
		if got := registrable(in); got != want {
			t.Errorf("registrable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDominantSite(t *testing.T) {
	page := []byte(`<a href="https://web.archive.org/web/2005/http://www.forbes.com/a">a</a>
<a href="http://images.forbes.com/b">b</a><a href="http://other.com/c">c</a><link rel="stylesheet" href="https://web.archive.org/static/x.css">`)
	if got := dominantSite(page); got != "forbes.com" {
		t.Errorf("dominantSite = %q, want forbes.com (Wayback links unwrapped, subdomains merged)", got)
	}
	canon := []byte(`<head><link rel="canonical" href="https://web.archive.org/web/20170101000000/https://www.cnn.com/2017/x"></head>`)
	if got := declaredURL(canon); got != "https://www.cnn.com/2017/x" {
		t.Errorf("declaredURL = %q, want the unwrapped canonical URL", got)
	}
}

// TestLoadEvery checks that Options.Every loads every Every-th page of
// each set, the first included, and that 0 and 1 load all.
func TestLoadEvery(t *testing.T) {
	all := loadSample(t, SetWCXB, SetReadability)
	ids := func(c *Corpus) []string {
		var out []string
		for _, p := range c.Pages {
			out = append(out, p.Set+"/"+p.ID)
		}
		for _, s := range c.Skipped {
			out = append(out, s.Set+"/"+s.ID)
		}
		return out
	}
	for _, every := range []int{0, 1} {
		c, err := Load(sampleDir, Options{Sets: []string{SetWCXB, SetReadability}, Every: every})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(ids(all), ids(c)); diff != "" {
			t.Errorf("Every %d is not every page (-all +got):\n%s", every, diff)
		}
	}
	c, err := Load(sampleDir, Options{Sets: []string{SetWCXB, SetReadability}, Every: 2})
	if err != nil {
		t.Fatal(err)
	}
	// Each set keeps its first page and half of the rest, rounded up.
	perSet := func(c *Corpus) map[string]int {
		n := map[string]int{}
		for _, id := range ids(c) {
			n[strings.SplitN(id, "/", 2)[0]]++
		}
		return n
	}
	want := map[string]int{}
	for set, n := range perSet(all) {
		want[set] = (n + 1) / 2
	}
	if diff := cmp.Diff(want, perSet(c)); diff != "" {
		t.Errorf("Every 2: pages per set (-want +got):\n%s", diff)
	}
}
