package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// oddVectors returns n vectors of nf values: mostly the synthetic rows'
// kind of values, but with NaN, ±Inf, ±0, the largest floats and values
// equal to (or next to) the trees' thresholds mixed in, so that every
// corner of less is met.
func oddVectors(m *Model, n, nf int, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 7))
	var thr []float64
	for _, t := range m.nodes {
		for _, p := range t {
			if p.feat >= 0 {
				thr = append(thr, p.thr)
			}
		}
	}
	specials := []float64{math.NaN(), -math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1),
		math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64,
		math.Float64frombits(0xFFF8000000000001)} // a NaN with the sign bit set
	x := make([]float64, n*nf)
	for i := range x {
		switch r := rng.IntN(10); {
		case r < 5:
			x[i] = rng.Float64() * 20
		case r < 7 && len(thr) > 0:
			t := thr[rng.IntN(len(thr))]
			x[i] = []float64{t, math.Nextafter(t, math.Inf(-1)), math.Nextafter(t, math.Inf(1))}[rng.IntN(3)]
		default:
			x[i] = specials[rng.IntN(len(specials))]
		}
	}
	return x
}

// TestPredictBatch checks PredictBatch against Predict bit for bit, and
// both against the packed trees walked one by one, for forests that do and
// do not fill groups of eight trees, single trees, and batch lengths around
// the lane and chunk sizes.
func TestPredictBatch(t *testing.T) {
	const nf = 8
	X, _ := synth(3000, nf, 5, 0.1)
	for _, tc := range []struct {
		name         string
		trees, depth int
		seed         uint64
	}{
		{"forest", 20, 9, 3},
		{"eight trees", 8, 7, 5},
		{"odd forest", 11, 5, 4},
		{"three trees", 3, 6, 6},
		{"tree", 1, 10, 1},
		{"stump", 1, 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := randForest(t, nf, tc.trees, tc.depth, tc.seed)
			const n = 2*batchRows + lanes + 3
			x := oddVectors(m, n, nf, 1)
			copy(x, X[0]) // one ordinary row
			checkBatches(t, m, x, nf, []int{0, 1, lanes - 1, lanes, lanes + 1, batchRows, n}, "packed trees", packedPredict)
		})
	}
}

// checkBatches checks PredictBatch over the first k vectors of x (nf values
// each), for each k of ks, against Predict bit for bit, and Predict against
// ref, the reference called name.
func checkBatches(t *testing.T, m *Model, x []float64, nf int, ks []int, name string, ref func(*Model, []float64) float64) {
	t.Helper()
	for _, k := range ks {
		out := make([]float64, k)
		m.PredictBatch(x[:k*nf], out)
		for i, got := range out {
			v := x[i*nf : (i+1)*nf]
			want := m.Predict(v)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("batch of %d, vector %d %v: PredictBatch %v, Predict %v", k, i, v, got, want)
			}
			if r := ref(m, v); math.Float64bits(want) != math.Float64bits(r) {
				t.Fatalf("vector %d %v: Predict %v, %s %v", i, v, want, name, r)
			}
		}
	}
}

// packedPredict is Predict as it was before the branchless layout: the
// packed trees walked one by one, the leaves summed in tree order.
func packedPredict(m *Model, x []float64) float64 {
	if len(m.nodes) == 1 {
		return walk(m.nodes[0], x)
	}
	var p float64
	for _, t := range m.nodes {
		p += walk(t, x)
	}
	return p / float64(len(m.nodes))
}

// TestPredictBatchSingleLeaf covers trees that are a single leaf, which
// take no steps.
func TestPredictBatchSingleLeaf(t *testing.T) {
	for _, trees := range []int{1, 3} {
		m, err := New(synthSchema(2), "test", Config{}, slices.Repeat([]Tree{leafTree([2]float64{0, 3})}, trees))
		if err != nil {
			t.Fatal(err)
		}
		x := []float64{0, 0, math.NaN(), math.Inf(-1), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}
		out := make([]float64, len(x)/2)
		m.PredictBatch(x, out)
		for i, p := range out {
			if p != 1 || m.Predict(x[2*i:2*i+2]) != 1 {
				t.Errorf("trees %d, vector %d: PredictBatch %v, Predict %v, want 1", trees, i, p, m.Predict(x[2*i:2*i+2]))
			}
		}
	}
}

func TestPredictBatchPanicsOnWrongLength(t *testing.T) {
	m := randForest(t, 8, 1, 6, 1)
	defer func() {
		if recover() == nil {
			t.Error("PredictBatch with 17 values for 2 vectors did not panic")
		}
	}()
	m.PredictBatch(make([]float64, 17), make([]float64, 2))
}

func TestPredictBatchDoesNotAllocate(t *testing.T) {
	m := randForest(t, 8, 3, 8, 1)
	x := oddVectors(m, 100, 8, 2)
	out := make([]float64, 100)
	if n := testing.AllocsPerRun(100, func() { m.PredictBatch(x, out) }); n != 0 {
		t.Errorf("PredictBatch allocates %v times per call", n)
	}
}
