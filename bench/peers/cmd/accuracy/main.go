// Command accuracy scores winnow and its Go peers on the pages winnow eval
// holds back: the test side of dataset.Split over the trainable sets with
// the given seed, and the readability regression pages (dataset.HeldBack).
// Every contender gets the page's raw HTML as the site served it
// (LabelledPage.Source), and its text is scored against the gold text with
// the Scrapinghub shingle measure winnow eval uses (dataset.Shingles).
// Pages without gold text (CleanEval-Victor) are left out.
//
//	go run ./cmd/accuracy                        # the default model, seed 1: its own held-back sites
//	go run ./cmd/accuracy -seed 2 -model m2.json # another split needs a model trained on it,
//	                                             # with the models winnow train wrote beside it
//	go run ./cmd/accuracy -pages pages.tsv       # also one line per page and contender
//	go run ./cmd/accuracy -against pages.tsv     # also the pages whose F1 moved since that run
//
// Compare a change page by page, not only by the pooled figures: a change
// that loses two articles whole can leave every pooled figure where it was.
//
// The embedded model was trained on the training side of seed 1, so only
// -seed 1 scores it on sites it has not seen; with another seed give
// -model, a model from winnow train -seed S.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/bench/peers"
	"github.com/winnow-dev/winnow/bench/peers/rd"
	"github.com/winnow-dev/winnow/bench/peers/tf"
	"github.com/winnow-dev/winnow/bench/peers/wn"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/internal/gzfile"
	"github.com/winnow-dev/winnow/internal/modelfile"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(1)
	}
}

// contenderNames are the contenders run by default, in order.
var contenderNames = []string{"winnow", "trafilatura", "trafilatura+fallback", "readability"}

// allContenders are every contender's name: the default ones and
// "winnow-parts" (wn.NewParts).
var allContenders = append(contenderNames[:len(contenderNames):len(contenderNames)], "winnow-parts")

// contenders builds the contenders by name (allContenders).
var contenders = map[string]func(modelPath string) (peers.Extractor, error){
	"winnow":               func(modelPath string) (peers.Extractor, error) { return winnowWith(modelPath, wn.NewWith) },
	"winnow-parts":         func(modelPath string) (peers.Extractor, error) { return winnowWith(modelPath, wn.NewParts) },
	"trafilatura":          func(string) (peers.Extractor, error) { return tf.New() },
	"trafilatura+fallback": func(string) (peers.Extractor, error) { return tf.NewFallback() },
	"readability":          func(string) (peers.Extractor, error) { return rd.New() },
}

// winnowWith builds a winnow contender with mk: the embedded models when
// modelPath is "", else the model file and the smoothing, role and
// page-type models beside it, as winnow extract -model and winnow eval
// -model read them.
func winnowWith(modelPath string, mk func(...winnow.Option) (peers.Extractor, error)) (peers.Extractor, error) {
	if modelPath == "" {
		return mk()
	}
	opts, err := modelfile.Options(modelPath)
	if err != nil {
		return peers.Extractor{}, err
	}
	return mk(opts...)
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("accuracy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", peers.DataDir(), "the shared data folder ($WINNOW_DATA)")
	seed := fs.Uint64("seed", 1, "split seed, as winnow train -seed and winnow eval -seed")
	sets := fs.String("sets", "", "comma-separated sets (default: all)")
	names := fs.String("contenders", strings.Join(contenderNames, ","), "comma-separated contenders, of "+strings.Join(allContenders, ","))
	modelPath := fs.String("model", "", "winnow's model file (default: the embedded model)")
	pagesOut := fs.String("pages", "", "also write one line per page and contender to this TSV file (must not exist)")
	against := fs.String("against", "", "a -pages file of an earlier run: also list the pages whose F1 moved by more than -moved since")
	moved := fs.Float64("moved", 0.05, "with -against, the change in a page's F1 worth listing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	var xs []peers.Extractor
	for _, n := range strings.Split(*names, ",") {
		mk := contenders[n]
		if mk == nil {
			return fmt.Errorf("unknown contender %q (want some of %s)", n, strings.Join(allContenders, ","))
		}
		x, err := mk(*modelPath)
		if err != nil {
			return err
		}
		xs = append(xs, x)
	}
	var tsv io.Writer
	if *pagesOut != "" {
		f, err := os.OpenFile(*pagesOut, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		tsv = f
		fmt.Fprintln(tsv, pagesHeader)
	}
	chosen := dataset.SetNames()
	if *sets != "" {
		chosen = strings.Split(*sets, ",")
	}
	trained := dataset.SetNames()
	if *modelPath != "" {
		m, err := modelfile.Load(*modelPath)
		if err != nil {
			return err
		}
		if len(m.Summary.Sets) > 0 {
			trained = m.Summary.Sets
		}
	}
	var before pageF1s
	if *against != "" {
		var err error
		if before, err = readPageF1s(*against); err != nil {
			return err
		}
	}
	t0 := time.Now()
	c, err := dataset.LoadHeldBack(*data, chosen, trained, 0.2, *seed)
	if err != nil {
		return err
	}
	pages := c.Pages
	fmt.Fprintf(stderr, "loaded %d held-back pages in %v\n", len(pages), time.Since(t0).Round(time.Millisecond))

	tally, err := scorePages(pages, xs, tsv, stderr)
	if err != nil {
		return err
	}
	tally.write(stdout, xs)
	if before != nil {
		writeMoved(stdout, *against, before, tally.pages, *moved)
	}
	return nil
}

// scorePages runs every contender on every page with gold text and tallies
// the scores by group; with tsv non-nil it also writes a line per page and
// contender. Progress and contenders' errors other than ErrEmpty go to log.
func scorePages(pages []*dataset.LabelledPage, xs []peers.Extractor, tsv io.Writer, log io.Writer) (*tally, error) {
	start := time.Now()
	tally := newTally(len(xs))
	for i, p := range pages {
		if strings.TrimSpace(p.Gold) == "" {
			continue
		}
		html, _, err := gzfile.ReadFile(p.Source, -1)
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", p.Set, p.ID, err)
		}
		scores := make([]score, len(xs))
		for k, x := range xs {
			text, err := x.Extract(html)
			if err != nil && !errors.Is(err, peers.ErrEmpty) {
				fmt.Fprintf(log, "%s on %s/%s: %v\n", x.Name, p.Set, p.ID, err)
			}
			var s score
			s.tp, s.fp, s.fn = dataset.Shingles(text, p.Gold)
			s.empty = strings.TrimSpace(text) == ""
			scores[k] = s
			f1 := roundF1(pageF1(s))
			tally.pages[pageKey{x.Name, p.Set + "/" + p.ID}] = f1
			if tsv != nil {
				fmt.Fprintf(tsv, "%s\t%s\t%s\t%s\t%s\t%.4f\t%g\t%g\t%g\t%v\n", p.Set, p.PageType, p.ID, p.Source, x.Name, f1, s.tp, s.fp, s.fn, s.empty)
			}
		}
		tally.add(groupsOf(p), scores)
		if (i+1)%100 == 0 {
			fmt.Fprintf(log, "%d/%d pages, %v\n", i+1, len(pages), time.Since(start).Round(time.Second))
		}
	}
	return tally, nil
}

// groupsOf names the rows a page counts in: its set, its WCXB page type,
// and "all" for the sets people labelled (as in winnow eval, not the
// readability regression set, whose expected output is Readability.js's).
func groupsOf(p *dataset.LabelledPage) []string {
	g := []string{p.Set}
	if p.Set == dataset.SetWCXB && p.PageType != "" {
		g = append(g, "wcxb: "+p.PageType)
	}
	if dataset.Trainable(p.Set) {
		g = append(g, "all")
	}
	return g
}

// score is one contender's Shingles on one page.
type score struct {
	tp, fp, fn float64
	empty      bool
}

// sums accumulates one contender's scores over a group of pages.
type sums struct {
	text  dataset.ShingleMean
	f1s   []float64 // dataset.PageF1 of the pages where it is defined
	pages int
	empty int
}

type tally struct {
	n      int
	order  []string
	groups map[string][]sums
	pages  pageF1s // every page's F1 by contender
}

func newTally(n int) *tally { return &tally{n: n, groups: map[string][]sums{}, pages: pageF1s{}} }

func (t *tally) add(groups []string, scores []score) {
	for _, g := range groups {
		s, ok := t.groups[g]
		if !ok {
			s = make([]sums, t.n)
			t.order = append(t.order, g)
		}
		for k, sc := range scores {
			s[k].text.Add(sc.tp, sc.fp, sc.fn)
			if f1, ok := dataset.PageF1(sc.tp, sc.fp, sc.fn); ok {
				s[k].f1s = append(s[k].f1s, f1)
			}
			s[k].pages++
			if sc.empty {
				s[k].empty++
			}
		}
		t.groups[g] = s
	}
}

// write prints three Markdown tables: text F1 (dataset.ShingleMean, winnow
// eval's measure), the mean and 10th percentile of page F1, and the pages
// each contender returned nothing for.
func (t *tally) write(w io.Writer, xs []peers.Extractor) {
	rows := slices.Clone(t.order)
	// Sets first in load order, then the WCXB types, then all.
	rank := func(g string) int {
		switch {
		case g == "all":
			return 2
		case strings.HasPrefix(g, "wcxb: "):
			return 1
		}
		return 0
	}
	slices.SortStableFunc(rows, func(a, b string) int { return rank(a) - rank(b) })
	header := func(title string) {
		fmt.Fprintf(w, "\n%s\n\n| pages | group |", title)
		for _, x := range xs {
			fmt.Fprintf(w, " %s |", x.Name)
		}
		fmt.Fprint(w, "\n|---:|---|")
		for range xs {
			fmt.Fprint(w, "---:|")
		}
		fmt.Fprintln(w)
	}
	table := func(title string, cell func(s sums) string) {
		header(title)
		for _, g := range rows {
			s := t.groups[g]
			fmt.Fprintf(w, "| %d | %s |", s[0].pages, g)
			for k := range xs {
				fmt.Fprintf(w, " %s |", cell(s[k]))
			}
			fmt.Fprintln(w)
		}
	}
	table("Text F1, winnow eval's measure (precision / recall / F1):", func(s sums) string {
		return fmt.Sprintf("%.3f / %.3f / **%.3f**", s.text.Precision(), s.text.Recall(), s.text.F1())
	})
	table("Page F1: mean (10th percentile), as winnow eval computes them:", func(s sums) string {
		if len(s.f1s) == 0 {
			return "-"
		}
		d := dataset.DistributionOf(s.f1s)
		return fmt.Sprintf("%.3f (%.3f)", d.Mean, d.P10)
	})
	table("Pages with no text:", func(s sums) string { return fmt.Sprint(s.empty) })
}

// pageF1 is the page's F1 for the TSV, NaN where dataset.PageF1 is undefined.
func pageF1(s score) float64 {
	f1, ok := dataset.PageF1(s.tp, s.fp, s.fn)
	if !ok {
		return math.NaN()
	}
	return f1
}
