package dataset

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
)

// exportPages are two small parsed pages with known and unknown labels.
func exportPages(t *testing.T) []*LabelledPage {
	t.Helper()
	parse := func(html string) *page.Page {
		p, err := page.ParseBytes([]byte(html), page.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := parse(`<html><body><div><a href="/">Home</a> <a href="/x">News</a></div><p>The council approved the harbour plan after a long debate on Tuesday evening.</p><p>Residents asked for more time.</p></body></html>`)
	b := parse(`<html><body><p>Copyright, all rights reserved.</p><p>A second story begins here, with enough words to be a paragraph.</p></body></html>`)
	labels := func(p *page.Page, ls ...Label) []Label {
		if len(ls) != len(p.Blocks) {
			t.Fatalf("page has %d blocks, test gives %d labels", len(p.Blocks), len(ls))
		}
		return ls
	}
	return []*LabelledPage{
		{Set: SetL3S, Site: "a.example", ID: "7", Page: a, Labels: labels(a, Boilerplate, Content, Unknown), Fine: []FineLabel{None, FullText, None}},
		{Set: SetWCXB, Site: "b example,com", ID: "1", Page: b, Labels: labels(b, Boilerplate, Content)},
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	n, err := WriteCSV(context.Background(), &buf, exportPages(t))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	if n != 4 || len(recs) != 5 {
		t.Fatalf("%d rows reported, %d records; want 4 rows (the Unknown block left out) and a header", n, len(recs))
	}
	head := recs[0]
	if want := len(exportMeta) + features.NumFeatures() + 1; len(head) != want || head[len(head)-1] != "label" || head[len(exportMeta)] != features.Names()[0] {
		t.Errorf("header %v: want %d columns, meta, the features in schema order, label last", head, want)
	}
	for _, want := range [][]string{
		{"l3s-gn1", "a.example", "l3s-gn1/7", "0", "none"},
		{"l3s-gn1", "a.example", "l3s-gn1/7", "1", "fulltext"},
		{"wcxb", "b example,com", "wcxb/1", "0", "none"},
	} {
		found := false
		for _, r := range recs[1:] {
			found = found || strings.Join(r[:len(exportMeta)], "|") == strings.Join(want, "|")
		}
		if !found {
			t.Errorf("no row with meta %v", want)
		}
	}
	if got := recs[2][len(recs[2])-1]; got != Content.String() {
		t.Errorf("label of the story block %q, want %q", got, Content)
	}
}

func TestWriteARFF(t *testing.T) {
	var buf bytes.Buffer
	n, err := WriteARFF(context.Background(), &buf, exportPages(t))
	if err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, want := range []string{
		"@relation winnow", "@attribute block real", "@attribute site {a.example,b_example_com}",
		"@attribute page {l3s-gn1/7,wcxb/1}", "@attribute " + features.Names()[0] + " real",
		"@attribute label {" + Boilerplate.String() + "," + Content.String() + "}", "@data\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("ARFF lacks %q:\n%s", want, s)
		}
	}
	data := strings.Split(strings.TrimSpace(s[strings.Index(s, "@data\n")+6:]), "\n")
	if n != 4 || len(data) != 4 {
		t.Errorf("%d rows reported, %d data lines; want 4", n, len(data))
	}
	if !strings.HasPrefix(data[2], "wcxb,b_example_com,wcxb/1,0,none,") {
		t.Errorf("nominal values are written with spaces and commas replaced: %q", data[2])
	}
}

func TestExportStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, write := range map[string]func(context.Context, *bytes.Buffer, []*LabelledPage) (int, error){
		"csv": func(ctx context.Context, b *bytes.Buffer, p []*LabelledPage) (int, error) { return WriteCSV(ctx, b, p) },
		"arff": func(ctx context.Context, b *bytes.Buffer, p []*LabelledPage) (int, error) {
			return WriteARFF(ctx, b, p)
		},
	} {
		if n, err := write(ctx, &bytes.Buffer{}, exportPages(t)); !errors.Is(err, context.Canceled) || n != 0 {
			t.Errorf("%s with a cancelled context: %d rows, error %v", name, n, err)
		}
	}
}

func TestLoadGoldDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	story := "The council approved the harbour plan after a long debate on Tuesday evening."
	write("b.html", `<html><body><div><a href="/">Home</a> <a href="/x">News</a></div><p>`+story+`</p></body></html>`)
	write("b.txt", story)
	write("a.htm", `<html><body><p>`+story+`</p></body></html>`)
	write("a.txt", story)
	write("notes.md", "not a page")
	pages, err := LoadGoldDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].ID != "a" || pages[1].ID != "b" {
		t.Fatalf("pages %v; want a and b, sorted by name", pages)
	}
	p := pages[1]
	if p.Set != GoldSet || p.Site != "b" || p.Gold != story || len(p.Labels) != len(p.Page.Blocks) {
		t.Errorf("page b: set %q, site %q, %d labels for %d blocks", p.Set, p.Site, len(p.Labels), len(p.Page.Blocks))
	}
	if last := p.Labels[len(p.Labels)-1]; last != Content {
		t.Errorf("the story block is labelled %v, want content (aligned to the gold)", last)
	}

	write("c.html", "<html><body><p>no gold text</p></body></html>")
	if _, err := LoadGoldDir(dir); err == nil || !strings.Contains(err.Error(), "c.txt") {
		t.Errorf("page without gold: error %v, want one naming c.txt", err)
	}
	if _, err := LoadGoldDir(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no .html pages") {
		t.Errorf("empty folder: error %v", err)
	}
}

func TestParseSets(t *testing.T) {
	if got, err := ParseSets(""); err != nil || got != nil {
		t.Errorf("ParseSets(\"\") = %v, %v; want nil (every set)", got, err)
	}
	if got, err := ParseSets(" readability, l3s-gn1,"); err != nil || !slices.Equal(got, []string{SetReadability, SetL3S}) {
		t.Errorf("ParseSets with blanks = %v, %v", got, err)
	}
	if _, err := ParseSets("l3s-gn1,nosuchset"); err == nil || !strings.Contains(err.Error(), `"nosuchset"`) {
		t.Errorf("unknown set: error %v, want one naming it", err)
	}
	if got := TrainableSets(); slices.Contains(got, SetReadability) || len(got) != len(SetNames())-1 {
		t.Errorf("TrainableSets() = %v: every set but the regression set", got)
	}
}

// rowsOf counts the blocks of pages labelled Content or Boilerplate: the
// training rows.
func rowsOf(pages []*LabelledPage) int {
	n := 0
	for _, p := range pages {
		for _, l := range p.Labels {
			if l == Content || l == Boilerplate {
				n++
			}
		}
	}
	return n
}

// TestSample checks that Sample keeps exactly the rows asked for, drawing
// whole pages with the seed and cutting the last one's labels, without
// touching the pages it was given.
func TestSample(t *testing.T) {
	var pages []*LabelledPage
	for i := range 20 {
		// 10 blocks, 8 of them training rows.
		labels := []Label{Content, Unknown, Boilerplate, Boilerplate, Content, Content, Unknown, Boilerplate, Content, Boilerplate}
		pages = append(pages, &LabelledPage{ID: strconv.Itoa(i), Page: &page.Page{Blocks: make([]page.Block, 10)}, Labels: labels})
	}
	ids := func(ps []*LabelledPage) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	a, b := Sample(pages, 45, 3), Sample(pages, 45, 3)
	if n := rowsOf(a); n != 45 || len(a) != 6 || !slices.Equal(ids(a), ids(b)) {
		t.Errorf("Sample of 45 rows from pages of 8: %d rows in %d pages, same seed same pages %v; want 45 in 6, deterministic", n, len(a), slices.Equal(ids(a), ids(b)))
	}
	last := a[len(a)-1]
	if want := []Label{Content, Unknown, Boilerplate, Boilerplate, Content, Content, Unknown, Unknown, Unknown, Unknown}; !slices.Equal(last.Labels, want) {
		t.Errorf("the last page's labels = %v, want its first 5 rows kept: %v", last.Labels, want)
	}
	if rowsOf(pages) != 160 {
		t.Errorf("the pages given now hold %d rows, want 160: Sample must cut a copy", rowsOf(pages))
	}
	if c := Sample(pages, 45, 4); slices.Equal(ids(a), ids(c)) {
		t.Error("another seed drew the same pages")
	}
	if s := Sample(pages, 48, 3); rowsOf(s) != 48 || len(s) != 6 || !slices.Equal(s[:5], a[:5]) {
		t.Errorf("a cap on a page boundary: %d rows in %d pages, want 48 in 6, the same first pages", rowsOf(s), len(s))
	}
	if all := Sample(pages, 1000, 1); len(all) != len(pages) || rowsOf(all) != 160 {
		t.Errorf("Sample beyond the total kept %d of %d pages, %d rows", len(all), len(pages), rowsOf(all))
	}
}
