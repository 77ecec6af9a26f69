package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// pagesHeader is the first line of a -pages file: its columns.
const pagesHeader = "set\ttype\tid\tsource\tcontender\tf1\ttp\tfp\tfn\tempty"

// roundF1 is f1 to the four decimals a -pages file keeps, so that a run
// compared with -against sees the same precision on both sides.
func roundF1(f1 float64) float64 { return math.Round(f1*1e4) / 1e4 }

// pageKey names one contender's score on one page: the contender and the
// page as set/id.
type pageKey struct{ contender, page string }

// pageF1s are page F1 scores by contender and page; NaN for a page whose
// F1 is undefined (see pageF1).
type pageF1s map[pageKey]float64

// readPageF1s reads the F1 column of a -pages file.
func readPageF1s(path string) (pageF1s, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("-against: %w", err)
	}
	defer f.Close()
	out := pageF1s{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if n == 1 {
			if sc.Text() != pagesHeader {
				return nil, fmt.Errorf("-against %s: not a -pages file (line 1 is %.60q)", path, sc.Text())
			}
			continue
		}
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 6 {
			return nil, fmt.Errorf("-against %s: line %d has %d columns, want 10", path, n, len(col))
		}
		f1, err := strconv.ParseFloat(col[5], 64)
		if err != nil {
			return nil, fmt.Errorf("-against %s: line %d: %w", path, n, err)
		}
		out[pageKey{col[4], col[0] + "/" + col[2]}] = f1
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("-against %s: %w", path, err)
	}
	return out, nil
}

// change is one page's F1 in both runs.
type change struct {
	key           pageKey
	before, after float64
}

// moves compares after with before: the pages, of contenders scored in
// both, whose F1 changed by more than moved, losses first (the largest
// first), then gains; and per contender the pages that rose, fell, or
// stayed within moved of where they were. Pages with an undefined F1 in
// either run, or in one run only, are left out.
func moves(before, after pageF1s, moved float64) (listed []change, up, down, same map[string]int) {
	up, down, same = map[string]int{}, map[string]int{}, map[string]int{}
	for k, a := range after {
		b, ok := before[k]
		if !ok || math.IsNaN(a) || math.IsNaN(b) {
			continue
		}
		switch d := a - b; {
		case d > moved:
			up[k.contender]++
		case d < -moved:
			down[k.contender]++
		default:
			same[k.contender]++
			continue
		}
		listed = append(listed, change{k, b, a})
	}
	slices.SortFunc(listed, func(x, y change) int {
		if c := cmp.Compare(x.after-x.before, y.after-y.before); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(x.key.contender, y.key.contender), cmp.Compare(x.key.page, y.key.page))
	})
	return listed, up, down, same
}

// writeMoved writes the pages whose F1 moved by more than moved since the
// run of the -pages file name, and the counts per contender.
func writeMoved(w io.Writer, name string, before, after pageF1s, moved float64) {
	listed, up, down, same := moves(before, after, moved)
	fmt.Fprintf(w, "\nPages whose F1 moved by more than %g since %s:\n\n", moved, name)
	if len(listed) > 0 {
		fmt.Fprintln(w, "| contender | page | before | after | change |")
		fmt.Fprintln(w, "|---|---|---:|---:|---:|")
		for _, c := range listed {
			fmt.Fprintf(w, "| %s | %s | %.3f | %.3f | %+.3f |\n", c.key.contender, c.key.page, c.before, c.after, c.after-c.before)
		}
		fmt.Fprintln(w)
	}
	var names []string
	for k := range after {
		if _, ok := before[k]; ok && !slices.Contains(names, k.contender) {
			names = append(names, k.contender)
		}
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(w, "%s: %d pages up, %d down, %d within %g\n", n, up[n], down[n], same[n], moved)
	}
}
