package train

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

func TestBinCode(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name   string
		cuts   []float64
		reason string
	}{
		{"none", nil, "a constant feature has no cuts: everything in bin 0"},
		{"one", []float64{0}, "zero cut: -0 and +0 are equal and go to bin 1"},
		{"odd", []float64{-3, -1, 0.5, 2, 7}, "odd count exercises the final step"},
		{"many", func() []float64 {
			c := make([]float64, 254)
			for i := range c {
				c[i] = float64(i)*1.5 - 100
			}
			return c
		}(), "the full 254 cuts of 255 bins"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keys := orderKeys(tc.cuts)
			vals := []float64{math.Inf(-1), math.Inf(1), math.Copysign(0, -1), 0, -1e300, 1e300}
			vals = append(vals, tc.cuts...)
			for range 2000 {
				vals = append(vals, rng.Float64()*300-150)
			}
			for _, v := range vals {
				want := sort.Search(len(tc.cuts), func(i int) bool { return tc.cuts[i] > v })
				if got := binCode(keys, v); int(got) != want {
					t.Fatalf("%s: binCode(%v) = %d, want %d", tc.reason, v, got, want)
				}
			}
			if binCode(keys, math.NaN()) != nanCode {
				t.Errorf("NaN not in the NaN bin")
			}
		})
	}
}

func TestQuantileCuts(t *testing.T) {
	inf, maxf := math.Inf(1), math.MaxFloat64
	for _, tc := range []struct {
		name   string
		vals   []float64
		bins   int
		want   []float64
		reason string
	}{
		{"empty", nil, 255, []float64{maxf}, "all NaN: only the missing-value cut"},
		{"constant", []float64{3, 3, 3}, 255, []float64{maxf}, "one value, one bin, plus the missing-value cut"},
		{"distinct", []float64{0, 0, 1, 2, 2, 10}, 255, []float64{0.5, 1.5, 6, maxf}, "few values: a cut between each pair"},
		{"infinities", []float64{-inf, 1, inf}, 255, []float64{1, maxf}, "cuts stay finite; the +Inf cut doubles as the missing-value cut"},
		{"both infinities", []float64{-inf, inf}, 255, []float64{0, maxf}, "-Inf left, +Inf right of 0"},
		{"max and inf", []float64{maxf, inf}, 255, []float64{maxf}, "no finite cut between them: one bin above the missing-value cut"},
		{"heavy zero", append(make([]float64, 80), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), 5,
			[]float64{0.5, 6.5, 13.5, maxf}, "a heavy value takes one bin, the rest share the others"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := slices.Clone(tc.vals)
			slices.Sort(v)
			got := quantileCuts(v, tc.bins)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s: cuts %v, want %v", tc.reason, got, tc.want)
			}
			if len(got) > tc.bins-1 {
				t.Errorf("%d cuts for %d bins", len(got), tc.bins)
			}
		})
	}
}

func TestBinRowsSampleDeterministic(t *testing.T) {
	X, y := synth(sampleRows+5000, 6, 3, 0)
	a := binRows(X, y, 6, 255, 1)
	b := binRows(X, y, 6, 255, 2)
	for f := range 6 {
		if !slices.Equal(a.cuts[f], b.cuts[f]) || !slices.Equal(a.codes[f], b.codes[f]) {
			t.Errorf("feature %d: binning depends on workers", f)
		}
		if len(a.cuts[f]) > 254 {
			t.Errorf("feature %d: %d cuts", f, len(a.cuts[f]))
		}
	}
}

func TestOrderKey(t *testing.T) {
	vals := []float64{math.Inf(-1), -math.MaxFloat64, -1, -math.SmallestNonzeroFloat64, 0, math.SmallestNonzeroFloat64, 1, math.MaxFloat64, math.Inf(1)}
	for i, v := range vals {
		if got := fromOrderKey(orderKey(v)); got != v {
			t.Errorf("round trip of %v gives %v", v, got)
		}
		if i > 0 && orderKey(vals[i-1]) >= orderKey(v) {
			t.Errorf("key order broken between %v and %v", vals[i-1], v)
		}
	}
	if orderKey(math.Copysign(0, -1)) != orderKey(0) {
		t.Error("-0 and +0 must share a key")
	}
}
