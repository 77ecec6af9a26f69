package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/bench/peers"
	"github.com/winnow-dev/winnow/bench/peers/wn"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/internal/shareddata"
)

func dataDir(t *testing.T) string {
	t.Helper()
	return shareddata.Dir(t)
}

// TestWinnowAsEval checks that winnow run on each page's Source, as the
// comparison runs every contender, scores what winnow eval scores from the
// loader's parsed page, on a set whose Source is the page the labels come
// from.
func TestWinnowAsEval(t *testing.T) {
	dir := dataDir(t)
	c, err := dataset.Load(dir, dataset.Options{Sets: []string{dataset.SetCleanPortalEval}})
	if err != nil {
		t.Fatal(err)
	}
	pages := dataset.HeldBack(c.Pages, 0.2, 1)
	x, err := wn.New()
	if err != nil {
		t.Fatal(err)
	}
	var tsv bytes.Buffer
	got, err := scorePages(pages, []peers.Extractor{x}, &tsv, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := winnow.New()
	if err != nil {
		t.Fatal(err)
	}
	var want dataset.ShingleMean
	var wantF1s []float64
	n := 0
	for _, p := range pages {
		if strings.TrimSpace(p.Gold) == "" {
			continue
		}
		a, _ := ex.FromPage(p.Page)
		tp, fp, fn := dataset.Shingles(a.Text, p.Gold)
		want.Add(tp, fp, fn)
		if f1, ok := dataset.PageF1(tp, fp, fn); ok {
			wantF1s = append(wantF1s, f1)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no held-back pages with gold text")
	}
	for _, g := range []string{dataset.SetCleanPortalEval, "all"} {
		s := got.groups[g]
		if len(s) != 1 || s[0].pages != n {
			t.Fatalf("group %q: %+v, want one contender over %d pages", g, s, n)
		}
		if s[0].text != want {
			t.Errorf("group %q: winnow on Source scores %+v, winnow eval's way %+v", g, s[0].text, want)
		}
		if got, want := dataset.DistributionOf(s[0].f1s), dataset.DistributionOf(wantF1s); got != want {
			t.Errorf("group %q: page F1 %+v on Source, %+v winnow eval's way", g, got, want)
		}
	}
	if lines := strings.Count(tsv.String(), "\n"); lines != n {
		t.Errorf("%d TSV lines, want one per page (%d)", lines, n)
	}
}

func TestUsage(t *testing.T) {
	existing := filepath.Join(t.TempDir(), "pages.tsv")
	if err := os.WriteFile(existing, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-contenders", "winnow,boilerpipe"}, `unknown contender "boilerpipe"`},
		{[]string{"-pages", existing, "-contenders", "winnow"}, "exists"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"-data", filepath.Join(t.TempDir(), "missing"), "-contenders", "winnow"}, "not a readable directory"},
	}
	for _, tc := range tests {
		err := run(tc.args, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Errorf("an existing -pages file was overwritten: %q", b)
	}
}

// TestHeldBackAsEval checks that the pages of one set the tool scores
// (dataset.LoadHeldBack) are the ones held back when every set is loaded: CleanEval-Victor's pages are CleanEval
// pages, so their sites are placed by CleanEval's split, which loading
// CleanEval-Victor alone would not see.
func TestHeldBackAsEval(t *testing.T) {
	dir := dataDir(t)
	sets := []string{dataset.SetL3S, dataset.SetCleanEval, dataset.SetVictor}
	c, err := dataset.Load(dir, dataset.Options{Sets: sets})
	if err != nil {
		t.Fatal(err)
	}
	for seed := uint64(1); seed <= 3; seed++ {
		var want []string
		for _, p := range dataset.HeldBack(c.Pages, 0.2, seed) {
			if p.Set == dataset.SetVictor {
				want = append(want, p.ID)
			}
		}
		c, err := dataset.LoadHeldBack(dir, []string{dataset.SetVictor}, dataset.SetNames(), 0.2, seed)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range c.Pages {
			got = append(got, p.ID)
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("seed %d: held back %v, want %v", seed, got, want)
		}
	}
}
