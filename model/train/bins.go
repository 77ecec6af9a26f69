package train

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/winnow-dev/winnow/model"
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

// sampleRows is the most rows whose values choose the cut points; larger
// sets use evenly spaced rows (LightGBM samples 200k for the same purpose).
// Codes are then assigned to every row.
const sampleRows = 1 << 17

// binRows bins the row-major matrix X (n rows of nf values) into at most
// bins bins per feature. Cut points come from all rows, or from sampleRows
// evenly spaced rows (row i·n/sampleRows) when there are more; then every
// value gets its code. Work is spread over workers goroutines (features for
// the cuts, row ranges for the codes); the result does not depend on
// workers.
func binRows(X [][]float64, y []model.Label, nf, bins, workers int) *binned {
	n := len(X)
	d := &binned{n: n, codes: make([][]uint8, nf), cuts: make([][]float64, nf), y: make([]uint8, n)}
	for i, l := range y {
		d.y[i] = uint8(l)
	}
	sample := make([][]float64, min(n, sampleRows))
	for j := range sample {
		sample[j] = X[int(int64(j)*int64(n)/int64(len(sample)))]
	}
	// Cut points, feature blocks of 8 so that gathering a block reads each
	// sampled row's cache line once.
	const block = 8
	var wg sync.WaitGroup
	next := make(chan int, nf/block+1)
	for f := 0; f < nf; f += block {
		next <- f
	}
	close(next)
	for range min(workers, (nf+block-1)/block) {
		wg.Go(func() {
			var keys [block][]uint64
			var vals []float64
			for f0 := range next {
				f1 := min(f0+block, nf)
				for k := range f1 - f0 {
					keys[k] = keys[k][:0]
				}
				for _, row := range sample {
					for k, v := range row[f0:f1] {
						if v == v { // not NaN
							keys[k] = append(keys[k], orderKey(v))
						}
					}
				}
				for k := range f1 - f0 {
					// Integer keys sort faster than floats (no NaN
					// handling) and in the same order.
					slices.Sort(keys[k])
					vals = vals[:0]
					for _, key := range keys[k] {
						vals = append(vals, fromOrderKey(key))
					}
					d.cuts[f0+k] = quantileCuts(vals, bins)
				}
			}
		})
	}
	wg.Wait()
	// Codes, in row ranges: each row is read once, each code column written
	// in order.
	for f := range nf {
		d.codes[f] = make([]uint8, n)
	}
	chunks := max(1, min(workers*4, n/4096))
	for c := range chunks {
		lo, hi := c*n/chunks, (c+1)*n/chunks
		if workers <= 1 {
			d.code(X, lo, hi)
			continue
		}
		wg.Go(func() { d.code(X, lo, hi) })
		if (c+1)%workers == 0 {
			wg.Wait()
		}
	}
	wg.Wait()
	return d
}

// exclude makes the features of s that names lists constant in d: no cut,
// every row in the first bin (NaN included), so that no test on them can
// split a node. It fails for a name s does not have.
func (d *binned) exclude(s model.Schema, names []string) error {
	skip, err := excluded(s, names)
	if err != nil {
		return err
	}
	for f, x := range skip {
		if x {
			d.cuts[f] = nil
			clear(d.codes[f])
		}
	}
	return nil
}

// excluded returns, per feature of s, whether names lists it (nil for no
// names), or an error for a name s does not have.
func excluded(s model.Schema, names []string) ([]bool, error) {
	if len(names) == 0 {
		return nil, nil
	}
	skip := make([]bool, len(s.Names))
	for _, name := range names {
		f := slices.Index(s.Names, name)
		if f < 0 {
			return nil, fmt.Errorf("config: excluded feature %q is not in the schema", name)
		}
		skip[f] = true
	}
	return skip, nil
}

// code assigns the codes of rows lo..hi-1. It transposes blocks of
// codeBlock rows into a small column buffer first, so that each feature's
// search keys stay in L1 cache while its column is coded (row by row, the
// keys of all features compete for cache and every search step misses).
func (d *binned) code(X [][]float64, lo, hi int) {
	const codeBlock = 256
	nf := len(d.cuts)
	keys := make([][]uint64, nf)
	for f, c := range d.cuts {
		keys[f] = orderKeys(c)
	}
	buf := make([]float64, nf*codeBlock)
	for b0 := lo; b0 < hi; b0 += codeBlock {
		b1 := min(b0+codeBlock, hi)
		for i := b0; i < b1; i++ {
			for f, v := range X[i] {
				buf[f*codeBlock+i-b0] = v
			}
		}
		for f := range nf {
			col, k, out := buf[f*codeBlock:f*codeBlock+b1-b0], keys[f], d.codes[f][b0:b1]
			for i, v := range col {
				out[i] = binCode(k, v)
			}
		}
	}
}

// binCode returns the bin of v: the number of cuts <= v, or nanCode for NaN.
// keys are the cuts' orderKeys.
func binCode(keys []uint64, v float64) uint8 {
	if v != v {
		return nanCode
	}
	k := orderKey(v)
	// Branch-free lower bound on integer keys: lo counts the cuts known to
	// be <= v, n those still unknown. The borrow of k - key is 0 exactly
	// when key <= k, and masks the step; a data-dependent branch here
	// mispredicts half the time.
	lo, n := 0, len(keys)
	for n > 1 {
		half := n >> 1
		_, borrow := bits.Sub64(k, keys[lo+half-1], 0)
		lo += half & int(borrow-1)
		n -= half
	}
	if n == 1 && keys[lo] <= k {
		lo++
	}
	return uint8(lo)
}

// orderKey maps a non-NaN float to an integer with the same order, -0 and
// +0 equal: flip the sign bit of positives and every bit of negatives.
func orderKey(v float64) uint64 {
	b := math.Float64bits(v + 0) // -0 + 0 = +0
	return b ^ (uint64(int64(b)>>63) | 1<<63)
}

// fromOrderKey inverts orderKey.
func fromOrderKey(k uint64) float64 {
	if k>>63 == 1 {
		return math.Float64frombits(k ^ 1<<63)
	}
	return math.Float64frombits(^k)
}

func orderKeys(cuts []float64) []uint64 {
	k := make([]uint64, len(cuts))
	for i, c := range cuts {
		k[i] = orderKey(c)
	}
	return k
}

// quantileCuts chooses at most bins-1 cut points for the ascending, NaN-free
// values v. The last cut is always math.MaxFloat64, so that the split "x <
// MaxFloat64" separates every ordinary value from NaN (and ±MaxFloat64,
// +Inf), the only way to learn from a value being missing. The other cuts
// (at most bins-2): with few enough distinct values every pair of
// neighbours gets a cut; otherwise cuts are placed greedily so that each bin
// holds about an equal share of the rows still to place, never splitting a
// run of equal values (so a heavy value such as 0 takes one bin and leaves
// the others to the rest). Cuts lie strictly above the value below them and
// at or below the value above, and are finite (see cutBetween).
func quantileCuts(v []float64, bins int) []float64 {
	cuts := valueCuts(v, bins-1)
	if len(cuts) == 0 || cuts[len(cuts)-1] < math.MaxFloat64 {
		cuts = append(cuts, math.MaxFloat64)
	}
	return cuts
}

// valueCuts places at most bins-1 cuts between the values v; see
// quantileCuts.
func valueCuts(v []float64, bins int) []float64 {
	m := len(v)
	if m == 0 || bins < 2 {
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
