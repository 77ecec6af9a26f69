package winnow

import (
	"errors"
	"flag"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/gzfile"
	"github.com/winnow-dev/winnow/internal/shareddata"
)

var monotoneAll = flag.Bool("monotone-all", false, "TestThresholdMonotoneSharedPages: every page of the shared sets, not a sample")

// keptAt returns the threshold's verdicts on probs after the rules of on.
func keptAt(blocks []page.Block, probs []float64, threshold float64, on ruleSet) []bool {
	keep := thresholdVerdicts(probs, threshold)
	applyRules(blocks, probs, keep, threshold, on)
	return keep
}

// notSubset returns the first block kept in hi but not in lo, or -1.
func notSubset(hi, lo []bool) int {
	for i := range hi {
		if hi[i] && !lo[i] {
			return i
		}
	}
	return -1
}

// TestThresholdMonotone checks on random pages, for every combination of
// rules, that the blocks kept at a threshold are a subset of those kept at
// any lower one. The thresholds are a grid plus the points where a rule's
// comparison flips: each probability p, and p divided by the shares of the
// threshold the rules compare with.
func TestThresholdMonotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 21))
	kinds := []page.Kind{page.KindParagraph, page.KindHeading, page.KindCaption, page.KindTableCell, page.KindListItem}
	for n := range 600 {
		size := 1 + rng.IntN(14)
		blocks := make([]page.Block, size)
		probs := make([]float64, size)
		for i := range blocks {
			b := &blocks[i]
			b.Words = rng.IntN(40)
			if rng.IntN(3) == 0 {
				b.Words = rng.IntN(4)
			}
			if b.Words > 0 && rng.IntN(3) == 0 {
				b.LinkWords = rng.IntN(b.Words + 1)
			}
			b.Kind = kinds[rng.IntN(len(kinds))]
			if b.Kind == page.KindHeading {
				b.Level = 1 + rng.IntN(2)
			}
			if rng.IntN(4) == 0 {
				b.Flags |= page.InTable | page.InDataTable
			}
			probs[i] = rng.Float64()
			if rng.IntN(5) == 0 {
				probs[i] = float64(rng.IntN(11)) / 10
			}
		}
		thresholds := []float64{0, 1}
		for k := 1; k < 20; k++ {
			thresholds = append(thresholds, float64(k)/20)
		}
		for _, p := range probs {
			for _, share := range []float64{1, floorShare, fallbackFloor} {
				if p/share <= 1 {
					thresholds = append(thresholds, p/share, p/share+1e-12)
				}
			}
		}
		slices.Sort(thresholds)
		for on := range ruleSet(1 << len(ruleNames)) {
			if on.has(RuleThreshold) {
				continue
			}
			prev := keptAt(blocks, probs, thresholds[0], on)
			for k, th := range thresholds[1:] {
				kept := keptAt(blocks, probs, th, on)
				if i := notSubset(kept, prev); i >= 0 {
					t.Fatalf("page %d, rules %08b: block %d kept at threshold %v but not at %v\nblocks %+v\nprobs %v",
						n, on, i, th, thresholds[k], blocks, probs)
				}
				prev = kept
			}
		}
	}
}

// monotoneSets are the input pages of the shared sets, as globs under the
// data folder.
var monotoneSets = []string{
	"l3s-gn1/original/*.html.gz",
	"cleaneval/orig/*.html.gz",
	"cleaneval-victor/*.html.gz",
	"cleanportaleval/input/*.html.gz",
	"msvcode/*/html/*.html.gz",
	"wcxb/dev/html/*.html.gz",
	"dragnet/html/*.html.gz",
	"daniel/html/*.html.gz",
	"readability/*/source.html.gz",
}

// TestThresholdMonotoneSharedPages extracts pages of every shared set at
// thresholds 0, 0.1, ..., 1 with the default model and rules, and checks
// that raising the threshold never keeps a block, nor a word of the text,
// that a lower one dropped. It takes every page's probabilities once and
// decides at each threshold as Extract does. By default it samples about
// 60 pages of each set (every k-th name); -monotone-all runs every page.
func TestThresholdMonotoneSharedPages(t *testing.T) {
	root := shareddata.Dir(t)
	xs := make([]*Extractor, 11)
	for k := range xs {
		x, err := New(WithThreshold(float64(k) / 10))
		if err != nil {
			t.Fatal(err)
		}
		xs[k] = x
	}
	pages := 0
	for _, glob := range monotoneSets {
		files, err := filepath.Glob(filepath.Join(root, glob))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no pages match %s under %s", glob, root)
		}
		every := 1
		if !*monotoneAll {
			every = max(1, len(files)/60)
		}
		for n := 0; n < len(files); n += every {
			checkMonotone(t, xs, files[n])
			pages++
		}
	}
	t.Logf("%d pages, thresholds 0 to 1 by 0.1", pages)
}

func checkMonotone(t *testing.T, xs []*Extractor, path string) {
	t.Helper()
	raw, _, err := gzfile.ReadFile(path, page.DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	p, err := page.ParseBytes(raw, page.Options{})
	if err != nil {
		return // refused pages have no verdicts
	}
	probs := xs[0].probabilities(p)
	var prevKeep []bool
	prevWords := 0
	for k, x := range xs {
		a, err := x.decide(p, probs, nil)
		if err != nil && !errors.Is(err, ErrNoContent) {
			t.Fatalf("%s: %v", path, err)
		}
		keep := make([]bool, len(a.Blocks))
		for i, b := range a.Blocks {
			keep[i] = b.Content
		}
		words := len(strings.Fields(a.Text))
		if k > 0 {
			if i := notSubset(keep, prevKeep); i >= 0 {
				t.Errorf("%s: block %d (P %.4f, %s) kept at threshold %.1f but not at %.1f", path, i, probs[i], a.Blocks[i].Rule, float64(k)/10, float64(k-1)/10)
			}
			if words > prevWords {
				t.Errorf("%s: %d words of text at threshold %.1f, %d at %.1f", path, words, float64(k)/10, prevWords, float64(k-1)/10)
			}
		}
		prevKeep, prevWords = keep, words
	}
}
