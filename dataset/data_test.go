package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/internal/shareddata"
)

// Tests against the real sets. They run when WINNOW_DATA points at the data
// directory, skip when it is unset, and fail when it is set but missing.
// Under the race detector each set is sampled (every raceEvery-th page).

const raceEvery = 15

func dataDir(t testing.TB) string {
	t.Helper()
	return shareddata.Dir(t)
}

// loadReal loads one set, all of it, or a sample under -race.
func loadReal(t testing.TB, dir, set string) *Corpus {
	t.Helper()
	if !raceEnabled {
		c, err := Load(dir, Options{Sets: []string{set}})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	jobs, err := listers[set](filepath.Join(dir, set), 0)
	if err != nil {
		t.Fatal(err)
	}
	var sample []job
	for i := 0; i < len(jobs); i += raceEvery {
		sample = append(sample, jobs[i])
	}
	pages, errs := run(sample, 0, nil)
	c := &Corpus{}
	for i, j := range sample {
		if errs[i] != nil {
			c.Skipped = append(c.Skipped, Skip{Set: j.set, ID: j.id, Reason: reason(errs[i]), Err: errs[i]})
			continue
		}
		c.Pages = append(c.Pages, pages[i])
	}
	return c
}

func TestRealSets(t *testing.T) {
	dir := dataDir(t)
	tests := []struct {
		set string
		// pages is the number expected on a full load; minContent and
		// maxContent bound the share of content blocks.
		pages                  int
		maxSkips               int
		minContent, maxContent float64
		fine                   bool
	}{
		{SetL3S, 621, 0, 0.10, 0.25, true},
		{SetCleanEval, 737, 59, 0.45, 0.75, false},
		{SetVictor, 51, 0, 0.40, 0.65, false},
		{SetCleanPortalEval, 69, 2, 0.05, 0.25, false}, // bbc.co.uk_news_04, _05: "this page contains no article"
		{SetWCXB, 1467, 60, 0.20, 0.45, false},         // 1443 before the text under <noscript> and in React segments reached blocks
		{SetMSVCode, 718, 5, 0.05, 0.20, false},
		{SetReadability, 130, 3, 0.20, 0.45, false},
		{SetDragnet, 1056, 2, 0.05, 0.20, false},
		{SetDaniel, 1432, 2, 0.03, 0.15, false},
	}
	for _, tc := range tests {
		t.Run(tc.set, func(t *testing.T) {
			c := loadReal(t, dir, tc.set)
			if !raceEnabled && len(c.Pages) != tc.pages {
				t.Errorf("%d pages, want %d", len(c.Pages), tc.pages)
			}
			if !raceEnabled && len(c.Skipped) > tc.maxSkips {
				t.Errorf("%d pages skipped, want at most %d; first: %v", len(c.Skipped), tc.maxSkips, c.Skipped[0])
			}
			blocks, content := 0, 0
			for _, p := range c.Pages {
				checkPage(t, p)
				checkSource(t, dir, p)
				if p.Set != tc.set {
					t.Fatalf("page %s has set %q", p.ID, p.Set)
				}
				if (p.Fine != nil) != tc.fine {
					t.Errorf("%s: fine labels present = %v, want %v", p.ID, p.Fine != nil, tc.fine)
				}
				if (p.Comment != nil) != CommentLabelled(tc.set) {
					t.Errorf("%s: comment labels present = %v, want %v", p.ID, p.Comment != nil, CommentLabelled(tc.set))
				}
				for _, l := range p.Labels {
					if l != Unknown {
						blocks++
					}
					if l == Content {
						content++
					}
				}
			}
			share := float64(content) / float64(max(blocks, 1))
			if share < tc.minContent || share > tc.maxContent {
				t.Errorf("content share %.3f, want in [%.2f, %.2f]", share, tc.minContent, tc.maxContent)
			}
		})
	}
}

// checkSource checks that a page's Source is a file of its set's folder
// and, for L3S-GN1, the original page rather than the annotated one.
func checkSource(t *testing.T, dir string, p *LabelledPage) {
	t.Helper()
	rel, err := filepath.Rel(filepath.Join(dir, p.Set), p.Source)
	if err != nil || strings.HasPrefix(rel, "..") {
		t.Fatalf("%s/%s: Source %q is not under the set's folder", p.Set, p.ID, p.Source)
	}
	if fi, err := os.Stat(p.Source); err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
		t.Fatalf("%s/%s: Source %q is not a non-empty file: %v", p.Set, p.ID, p.Source, err)
	}
	if p.Set == SetL3S && filepath.Dir(rel) != "original" {
		t.Fatalf("%s/%s: Source %q is not the original page", p.Set, p.ID, p.Source)
	}
}

// TestRealSplit checks the default split on the real sets: site-disjoint,
// every set on both sides.
func TestRealSplit(t *testing.T) {
	dir := dataDir(t)
	if raceEnabled {
		t.Skip("the full corpus is too slow under -race; TestSplit covers the logic")
	}
	c, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	train, test := Split(c.Pages, 0.2, 1)
	side := map[string]bool{}
	for _, p := range train {
		side[siteKey(p)] = false
	}
	perSet := map[string][2]int{}
	for _, p := range test {
		if in, ok := side[siteKey(p)]; ok && !in {
			t.Errorf("site %s on both sides", siteKey(p))
		}
		n := perSet[p.Set]
		n[1]++
		perSet[p.Set] = n
	}
	for _, p := range train {
		n := perSet[p.Set]
		n[0]++
		perSet[p.Set] = n
	}
	for _, set := range SetNames() {
		n := perSet[set]
		t.Logf("%-16s train %4d test %4d (%.0f%%)", set, n[0], n[1], 100*float64(n[1])/float64(n[0]+n[1]))
		if n[0] == 0 || n[1] == 0 {
			t.Errorf("set %s: train %d, test %d pages; want both sides", set, n[0], n[1])
		}
	}
}
