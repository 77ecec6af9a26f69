package features

import (
	"math"
	"slices"
	"testing"

	"github.com/winnow-dev/winnow/features/page"
)

// TestEachChunk checks that EachChunk gives the vectors of Vectors, in
// chunks of every size from one vector up to more than a page's blocks.
func TestEachChunk(t *testing.T) {
	nf := NumFeatures()
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
	for _, tp := range readTestPages(t) {
		f := tp.path
		p, err := page.ParseBytes(tp.raw, page.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want := Vectors(p)
		for _, k := range []int{1, 7, 64, len(want) + 1} {
			// A buffer with a partial vector's room left over: EachChunk
			// must use whole vectors only.
			buf := make([]float64, k*nf+nf/2)
			next := 0
			EachChunk(p, buf, func(first int, vecs []float64) {
				m := len(vecs) / nf
				if first != next || len(vecs)%nf != 0 || m == 0 || m > k || (m < k && first+m != len(want)) {
					t.Fatalf("%s, chunks of %d: call at block %d with %d values, want block %d", f, k, first, len(vecs), next)
				}
				for j := range m {
					if !slices.EqualFunc(vecs[j*nf:(j+1)*nf], want[first+j], same) {
						t.Fatalf("%s, chunks of %d: block %d differs from Vectors", f, k, first+j)
					}
				}
				next += m
			})
			if next != len(want) {
				t.Errorf("%s, chunks of %d: %d vectors for %d blocks", f, k, next, len(want))
			}
		}
	}
}
