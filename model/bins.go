package model

import (
	"math"
	"slices"
	"sync"
)

// nanCode is the bin code of NaN. Value bins use codes 0..254, so NaN sorts
// above every value bin and a split "code <= b" always sends NaN right, as
// the prediction rule x < threshold does (a comparison with NaN is false).
const nanCode = 255

// binned is the training matrix cut into quantile bins: codes[f][i] is the
// bin of row i on feature f (column-major, one byte per value), cuts[f] the
// ascending cut points. Bin b holds cuts[b-1] <= x < cuts[b], so "code <= b"
// is exactly "x < cuts[b]". It is read-only once built.
type binned struct {
	n     int
	codes [][]uint8
	cuts  [][]float64
	y     []uint8
}

// binRows bins the row-major matrix X (n rows of nf values) into at most
// bins bins per feature, with the features spread over workers goroutines.
// The result does not depend on workers.
func binRows(X [][]float64, y []Label, nf, bins, workers int) *binned {
	n := len(X)
	d := &binned{n: n, codes: make([][]uint8, nf), cuts: make([][]float64, nf), y: make([]uint8, n)}
	for i, l := range y {
		d.y[i] = uint8(l)
	}
	var wg sync.WaitGroup
	next := make(chan int, nf)
	for f := range nf {
		next <- f
	}
	close(next)
	for range min(workers, nf) {
		wg.Go(func() {
			col := make([]float64, n)
			sorted := make([]float64, 0, n)
			for f := range next {
				for i, row := range X {
					col[i] = row[f]
				}
				sorted = sorted[:0]
				for _, v := range col {
					if !math.IsNaN(v) {
						sorted = append(sorted, v)
					}
				}
				slices.Sort(sorted)
				cuts := quantileCuts(sorted, bins)
				codes := make([]uint8, n)
				for i, v := range col {
					codes[i] = binCode(cuts, v)
				}
				d.codes[f], d.cuts[f] = codes, cuts
			}
		})
	}
	wg.Wait()
	return d
}

// binCode returns the bin of v: the number of cuts <= v, or nanCode for NaN.
func binCode(cuts []float64, v float64) uint8 {
	if v != v {
		return nanCode
	}
	lo, hi := 0, len(cuts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cuts[m] <= v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return uint8(lo)
}

// quantileCuts chooses at most bins-1 cut points for the ascending, NaN-free
// values v. With at most bins distinct values every pair of neighbours gets a
// cut; otherwise cuts are placed greedily so that each bin holds about an
// equal share of the rows still to place, never splitting a run of equal
// values (so a heavy value such as 0 takes one bin and leaves the others to
// the rest). Cuts lie strictly above the value below them and at or below
// the value above, and are finite (see cutBetween).
func quantileCuts(v []float64, bins int) []float64 {
	m := len(v)
	if m == 0 {
		return nil
	}
	distinct := 1
	for i := 1; i < m && distinct <= bins; i++ {
		if v[i] != v[i-1] {
			distinct++
		}
	}
	var cuts []float64
	if distinct <= bins {
		for i := 1; i < m; i++ {
			if v[i] != v[i-1] {
				if c, ok := cutBetween(v[i-1], v[i]); ok {
					cuts = append(cuts, c)
				}
			}
		}
		return cuts
	}
	start, left := 0, bins
	for left > 1 && start < m {
		p := start + max(1, (m-start)/left)
		for p < m && v[p] == v[p-1] {
			p++
		}
		if p >= m {
			break
		}
		if c, ok := cutBetween(v[p-1], v[p]); ok {
			cuts = append(cuts, c)
			left--
		}
		start = p
	}
	return cuts
}

// cutBetween returns a finite cut c with a < c <= b, so that x < c sends a
// left and b right: the midpoint, or b when the midpoint rounds down to a.
// It reports false when no finite cut exists (a is the largest float and b
// is +Inf); the two values then share a bin.
func cutBetween(a, b float64) (float64, bool) {
	switch {
	case math.IsInf(a, -1) && math.IsInf(b, 1):
		return 0, true
	case math.IsInf(a, -1):
		return b, true
	case math.IsInf(b, 1):
		if a < math.MaxFloat64 {
			return math.MaxFloat64, true
		}
		return 0, false
	}
	c := a/2 + b/2
	if c <= a || c > b {
		c = b
	}
	return c, true
}
