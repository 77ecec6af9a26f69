package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestVecLayout checks that the vector layout is built where it can run:
// for trees of depth six, and of depth seven or eight (at depth eight), on
// a processor with AVX2 (haveVec), not for deeper trees, and on this
// machine says which path the other tests cover.
func TestVecLayout(t *testing.T) {
	six := randBoosted(t, 8, 4, 6, 1)
	if got := six.obl.vec != nil && six.obl.vec.six != nil; got != haveVec {
		t.Errorf("depth 6: depth-six vector layout %v, want %v (haveVec)", got, haveVec)
	}
	for _, depth := range []int{7, 8} {
		m := randBoosted(t, 8, 3, depth, 2)
		if got := m.obl.vec != nil && m.obl.vec.eight != nil; got != haveVec {
			t.Errorf("depth %d: depth-eight vector layout %v, want %v (haveVec)", depth, got, haveVec)
		}
	}
	deep := randBoosted(t, 8, 2, 9, 2)
	if deep.obl != nil && deep.obl.vec != nil {
		t.Error("depth 9: vector layout built for trees deeper than eight")
	}
	t.Logf("haveVec %v: PredictBatch of trees up to depth eight uses the %s kernel", haveVec, map[bool]string{true: "AVX2", false: "scalar"}[haveVec])
}

// TestVecMatchesScalar checks the vector kernels against score (and, at
// depth six, the scalar batch walk) bit for bit, for models whose trees
// test many features (so columns sit far apart in a group), of depth six,
// seven and eight, and batch lengths around the group, pair and vecRows
// sizes.
func TestVecMatchesScalar(t *testing.T) {
	if !haveVec {
		t.Skip("no AVX2 here (or built with purego): the vector kernel cannot run")
	}
	const nf = 60
	for _, depth := range []int{6, 7, 8} {
		m := randBoosted(t, nf, 30, depth, 9)
		v := m.obl.vec
		if v == nil {
			t.Fatalf("depth %d: no vector layout for 30 trees", depth)
		}
		if len(v.feats) < 20 {
			t.Fatalf("depth %d: the trees test %d features: the test covers less than it says", depth, len(v.feats))
		}
		const n = 3*vecRows + 5
		x := oddVectors(m, n, nf, 4)
		for _, k := range []int{0, 1, 3, 4, 5, 7, 8, 9, vecRows - 1, vecRows, vecRows + 1, n} {
			got := make([]float64, k)
			v.sumRowsVec(x[:k*nf], nf, got)
			want := make([]float64, k)
			if m.obl.six != nil {
				m.obl.sumRows(x[:k*nf], nf, want)
			}
			for i := range got {
				s := m.obl.score(x[i*nf : (i+1)*nf])
				if m.obl.six == nil {
					want[i] = s
				}
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) || math.Float64bits(got[i]) != math.Float64bits(s) {
					t.Fatalf("depth %d, %d vectors, vector %d: vector kernel %v, scalar batch %v, score %v", depth, k, i, got[i], want[i], s)
				}
			}
		}
	}
}

// TestVecTooManyFeatures checks that trees testing more features than a
// group's columns hold get no vector layout (PredictBatch then takes the
// scalar walk), nor do no trees, and that vecMaxFeats features do.
func TestVecTooManyFeatures(t *testing.T) {
	trees := func(feats int) []obl6 {
		six := make([]obl6, (feats+5)/6)
		for i := range feats {
			six[i/6].feat[i%6] = uint32(i)
		}
		return six
	}
	if v := newVecTrees(nil); v != nil {
		t.Error("no trees: got a vector layout")
	}
	if v := newVecTrees(unpad6(trees(vecMaxFeats + 1))); v != nil {
		t.Errorf("%d features: vector layout with %d columns, want none", vecMaxFeats+1, len(v.feats))
	}
	v := newVecTrees(unpad6(trees(vecMaxFeats)))
	if v == nil || len(v.feats) != vecMaxFeats {
		t.Fatalf("%d features: got %v, want a layout with as many columns", vecMaxFeats, v)
	}
	if last := v.six[len(v.six)-1].off[(vecMaxFeats-1)%6]; last != (vecMaxFeats-1)*colBytes {
		t.Errorf("the last feature's column at byte %d, want %d", last, (vecMaxFeats-1)*colBytes)
	}
}

// TestVecRandomTrees checks the vector kernel against score bit for bit on
// random depth-six trees: from 1 to 70 trees, testing up to vecMaxFeats
// features of vectors of up to 200, with thresholds, values and leaf scores
// of every sign and the special values of oddVectors.
func TestVecRandomTrees(t *testing.T) {
	if !haveVec {
		t.Skip("no AVX2 here (or built with purego): the vector kernel cannot run")
	}
	rng := rand.New(rand.NewPCG(11, 13))
	for trial := range 40 {
		nf := 1 + rng.IntN(200)
		span := min(nf, 1+rng.IntN(vecMaxFeats)) // features the trees draw from
		six := make([]obl6, 1+rng.IntN(70))
		for i := range six {
			for l := range 6 {
				six[i].feat[l] = uint32(rng.IntN(span))
				six[i].thr[l] = rng.NormFloat64() * 10
			}
			for k := range six[i].leaves {
				six[i].leaves[k] = rng.NormFloat64()
			}
		}
		o := &oblivious{six: six, vec: newVecTrees(unpad6(six))}
		if o.vec == nil {
			t.Fatalf("trial %d: no vector layout for %d trees over %d features", trial, len(six), span)
		}
		n := rng.IntN(3 * vecRows)
		x := make([]float64, n*nf)
		specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1)}
		for i := range x {
			if rng.IntN(20) == 0 {
				x[i] = specials[rng.IntN(len(specials))]
			} else {
				x[i] = rng.NormFloat64() * 10
			}
		}
		for i := 0; i < len(x); i += 7 { // some values exactly at a threshold
			tr := &six[rng.IntN(len(six))]
			l := rng.IntN(6)
			if r := i / nf; int(tr.feat[l]) < nf {
				x[r*nf+int(tr.feat[l])] = tr.thr[l]
			}
		}
		got := make([]float64, n)
		o.vec.sumRowsVec(x, nf, got)
		for r := range n {
			if want := o.score(x[r*nf : (r+1)*nf]); math.Float64bits(got[r]) != math.Float64bits(want) {
				t.Fatalf("trial %d (%d trees, %d features of %d, %d vectors), vector %d: kernel %v, score %v",
					trial, len(six), len(o.vec.feats), nf, n, r, got[r], want)
			}
		}
	}
}

// TestVecMixedDepths checks the depth-eight kernel against score bit for
// bit for a model whose trees have every depth from 0 to 8, the shallower
// ones padded to eight.
func TestVecMixedDepths(t *testing.T) {
	if !haveVec {
		t.Skip("no AVX2 here (or built with purego): the vector kernel cannot run")
	}
	const nf = 40
	rng := rand.New(rand.NewPCG(5, 17))
	var ts []Tree
	for d := 8; d >= 0; d-- {
		ts = append(ts, randOblivious(rng, nf, d))
	}
	m, err := NewBoosted(synthSchema(nf), "test", Config{Trees: len(ts), MaxDepth: 8}, ts, 0.25)
	if err != nil {
		t.Fatal(err)
	}
	if m.obl == nil || m.obl.vec == nil || m.obl.vec.eight == nil {
		t.Fatal("no depth-eight vector layout for trees of depths 0 to 8")
	}
	const n = 2*vecRows + 3
	x := oddVectors(m, n, nf, 6)
	got := make([]float64, n)
	m.obl.vec.sumRowsVec(x, nf, got)
	for i := range got {
		if s := m.obl.score(x[i*nf : (i+1)*nf]); math.Float64bits(got[i]) != math.Float64bits(s) {
			t.Fatalf("vector %d: kernel %v, score %v", i, got[i], s)
		}
	}
}

// unpad6 is trees of depth six in their generic form.
func unpad6(six []obl6) []oblTree {
	trees := make([]oblTree, len(six))
	for t := range six {
		levels := make([]oblLevel, 6)
		for l := range levels {
			levels[l] = oblLevel{thr: six[t].thr[l], feat: six[t].feat[l]}
		}
		trees[t] = oblTree{levels: levels, leaves: six[t].leaves[:]}
	}
	return trees
}
