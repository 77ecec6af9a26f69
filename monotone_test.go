package winnow

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
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

// notSubset returns the first block kept in hi but not in lo, or -1.
func notSubset(hi, lo []bool) int {
	for i := range hi {
		if hi[i] && !lo[i] {
			return i
		}
	}
	return -1
}

// TestThresholdMonotone decides random pages of paragraphs, headings and
// links with random probabilities at a grid of thresholds and at every
// probability, as Extract does, and checks that a higher threshold keeps a
// subset of the blocks and no more words of text.
func TestThresholdMonotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 21))
	tags := []string{"p", "h1", "h2", "li", "td"}
	for n := range 200 {
		var html strings.Builder
		html.WriteString("<html><body><table><tr>")
		for range 1 + rng.IntN(20) {
			tag := tags[rng.IntN(len(tags))]
			if tag == "li" {
				html.WriteString("<ul>")
			}
			fmt.Fprintf(&html, "<%s>", tag)
			for w := range 1 + rng.IntN(30) {
				if rng.IntN(5) == 0 {
					fmt.Fprintf(&html, `<a href="/%d">link%d</a> `, w, w)
				} else {
					fmt.Fprintf(&html, "word%d ", w)
				}
			}
			fmt.Fprintf(&html, "</%s>", tag)
			if tag == "li" {
				html.WriteString("</ul>")
			}
		}
		html.WriteString("</tr></table></body></html>")
		p, err := page.ParseBytes([]byte(html.String()), page.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sv := smoothBufOf(p)
		probs := make([]float64, len(p.Blocks))
		thresholds := []float64{0, 1}
		for i := range probs {
			probs[i] = rng.Float64()
			if rng.IntN(5) == 0 {
				probs[i] = float64(rng.IntN(11)) / 10
			}
			thresholds = append(thresholds, probs[i], math.Nextafter(probs[i], 2))
		}
		for k := 1; k < 20; k++ {
			thresholds = append(thresholds, float64(k)/20)
		}
		slices.Sort(thresholds)
		var prevKeep []bool
		prevWords := 0
		for k, th := range thresholds {
			if th > 1 {
				break
			}
			x, err := New(WithThreshold(th))
			if err != nil {
				t.Fatal(err)
			}
			a, err := x.decide(p, x.pageType(p), probs, sv, nil, nil)
			if err != nil && !errors.Is(err, ErrNoContent) {
				t.Fatal(err)
			}
			keep := make([]bool, len(a.Blocks))
			for i, b := range a.Blocks {
				keep[i] = b.Content
			}
			words := len(strings.Fields(a.Text))
			if k > 0 {
				if i := notSubset(keep, prevKeep); i >= 0 {
					t.Fatalf("page %d: block %d kept at threshold %v but not at %v", n, i, th, thresholds[k-1])
				}
				if words > prevWords {
					t.Fatalf("page %d: %d words at threshold %v, %d at %v", n, words, th, prevWords, thresholds[k-1])
				}
			}
			prevKeep, prevWords = keep, words
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
	// xs[0], at threshold 0, scores the byline and caption heads of every
	// block any threshold keeps (see headScorer).
	probs, sv, heads, _, err := xs[0].probabilities(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	var prevKeep []bool
	prevWords := 0
	for k, x := range xs {
		a, err := x.decide(p, x.pageType(p), probs, *sv, heads, nil)
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
