package winnow

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/gzfile"
)

func TestFallback(t *testing.T) {
	blk := func(words int) page.Block { return page.Block{Words: words} }
	four := []page.Block{blk(3), blk(40), blk(30), blk(2)}
	tests := []struct {
		name, reason string
		blocks       []page.Block
		probs        []float64
		keep, want   []bool
		threshold    float64
		changed      bool
	}{
		{
			name: "short text under a long menu", reason: "nothing reaches 0.5, the best block has 0.45: blocks of at least 0.27 are kept",
			blocks: four, probs: []float64{0.05, 0.45, 0.3, 0.26},
			keep: []bool{false, false, false, false}, want: []bool{false, true, true, false},
			threshold: 0.5, changed: true,
		},
		{
			name: "no main content", reason: "the best block, 0.2, is below half the threshold: nothing is kept",
			blocks: four, probs: []float64{0.05, 0.2, 0.1, 0.02},
			keep: []bool{false, false, false, false}, want: []bool{false, false, false, false},
			threshold: 0.5,
		},
		{
			name: "floor follows the threshold", reason: "0.3 is half of 0.6 but not of 0.8",
			blocks: four, probs: []float64{0.05, 0.35, 0.3, 0.02},
			keep: []bool{false, false, false, false}, want: []bool{false, false, false, false},
			threshold: 0.8,
		},
		{
			name: "a paragraph kept", reason: "a page that keeps more than fallbackWords words is left alone",
			blocks: []page.Block{blk(3), blk(40), blk(60), blk(2)}, probs: []float64{0.05, 0.45, 0.6, 0.02},
			keep: []bool{false, false, true, false}, want: []bool{false, false, true, false},
			threshold: 0.5,
		},
		{
			name: "only a few words kept", reason: "30 words kept: the dropped blocks at least 0.6 as probable as the best dropped one (0.45) are added",
			blocks: []page.Block{blk(3), blk(40), blk(30), blk(2), blk(25)}, probs: []float64{0.05, 0.45, 0.6, 0.02, 0.3},
			keep: []bool{false, false, true, false, false}, want: []bool{false, true, true, false, true},
			threshold: 0.5, changed: true,
		},
		{
			name: "only empty blocks kept", reason: "a kept block without words is no content: the fallback applies",
			blocks: []page.Block{blk(0), blk(40), blk(30)}, probs: []float64{0.9, 0.4, 0.1},
			keep: []bool{true, false, false}, want: []bool{true, true, false},
			threshold: 0.5, changed: true,
		},
		{
			name: "all zero", reason: "a page the model is sure is boilerplate throughout keeps nothing, even at threshold 0",
			blocks: four, probs: []float64{0, 0, 0, 0},
			keep: []bool{false, false, false, false}, want: []bool{false, false, false, false},
			threshold: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := append([]bool(nil), tt.keep...)
			changed := fallback(tt.blocks, tt.probs, keep, nil, tt.threshold)
			if diff := cmp.Diff(tt.want, keep); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
			if changed != tt.changed {
				t.Errorf("fallback reported changed=%v, want %v", changed, tt.changed)
			}
		})
	}
}

// TestFallbackDocsPage runs the extractor on a documentation page of the
// shared WCXB development split whose navigation holds most of its words:
// the default model scores its text below 0.5, and without the fallback
// at most its heading is extracted.
func TestFallbackDocsPage(t *testing.T) {
	root := os.Getenv("WINNOW_DATA")
	if root == "" {
		t.Skip("WINNOW_DATA is not set; set it to the shared data folder (e.g. ../shared/data) to run this test")
	}
	path := filepath.Join(root, "wcxb", "dev", "html", "4407.html.gz")
	f, err := gzfile.Open(path)
	if err != nil {
		t.Fatalf("WINNOW_DATA=%s: %v", root, err)
	}
	defer f.Close()
	page, err := page.Parse(f, page.Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	on, err := New()
	if err != nil {
		t.Fatal(err)
	}
	off, err := New(WithSmoothing(false))
	if err != nil {
		t.Fatal(err)
	}
	// Without post-processing the model keeps at most a heading: no more
	// words than the fallback's trigger, and none of the body.
	if a, err := off.FromPage(page); err != nil && !errors.Is(err, ErrNoContent) {
		t.Fatalf("without post-processing: %v", err)
	} else if err == nil && (len(strings.Fields(a.Text)) > fallbackWords || strings.Contains(a.Text, "Workflows automate")) {
		t.Fatalf("without post-processing: text %q; want at most %d words and no body (the page no longer needs the fallback: pick another)", a.Text, fallbackWords)
	}
	a, err := on.FromPage(page)
	if err != nil {
		t.Fatalf("with the fallback: %v", err)
	}
	fellBack := 0
	for _, b := range a.Blocks {
		if b.Rule == RuleFallback {
			fellBack++
		}
	}
	if fellBack == 0 {
		t.Errorf("no block has Rule %v", RuleFallback)
	}
	for _, want := range []string{
		"Workflows automate tasks in your software development lifecycle.",
		"You can configure workflows to run on a schedule",
	} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("extracted text lacks %q:\n%s", want, a.Text)
		}
	}
	for _, junk := range []string{"Skip to main content", "Privacy policy", "Runner scale sets"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("extracted text has the menu or footer line %q:\n%s", junk, a.Text)
		}
	}
}
