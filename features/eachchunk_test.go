package features

import (
	"context"
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

// TestEachChunkPageVector checks that EachChunkPageContext writes the page
// vector of PageVector, bit for bit, on the test pages and on a page
// without blocks.
func TestEachChunkPageVector(t *testing.T) {
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
	check := func(name string, p *page.Page) {
		t.Helper()
		got := make([]float64, NumPageFeatures())
		for i := range got {
			got[i] = math.NaN() // every value must be written
		}
		buf := make([]float64, 8*NumFeatures())
		if err := EachChunkPageContext(context.Background(), p, buf, got, func(int, []float64) {}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := PageVector(p); !slices.EqualFunc(got, want, same) {
			t.Errorf("%s: page vector\n%v\nwant PageVector's\n%v", name, got, want)
		}
	}
	for _, tp := range readTestPages(t) {
		p, err := page.ParseBytes(tp.raw, page.Options{})
		if err != nil {
			t.Fatalf("%s: %v", tp.path, err)
		}
		check(tp.path, p)
	}
	empty, err := page.ParseBytes([]byte(`<html><head><title>Nothing</title><meta property="og:type" content="article"></head><body></body></html>`), page.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(empty.Blocks) != 0 {
		t.Fatalf("the empty page has %d blocks", len(empty.Blocks))
	}
	check("a page without blocks", empty)
}
