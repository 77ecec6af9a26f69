package model

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// synthSchema names nf features f00, f01, ...
func synthSchema(nf int) Schema {
	s := Schema{Version: "test-1"}
	for i := range nf {
		s.Names = append(s.Names, fmt.Sprintf("f%02d", i))
	}
	return s
}

// synth draws n rows of nf features with a seeded PCG. Even features are
// uniform in [0,1), odd ones small integer counts (0..20), like word counts.
// The label is content iff x[2] >= 0.5 and x[5] < 8, flipped with
// probability noise.
func synth(n, nf int, seed uint64, noise float64) ([][]float64, []Label) {
	rng := rand.New(rand.NewPCG(seed, 99))
	backing := make([]float64, n*nf)
	X := make([][]float64, n)
	y := make([]Label, n)
	for i := range n {
		x := backing[i*nf : (i+1)*nf]
		for f := range x {
			if f%2 == 0 {
				x[f] = rng.Float64()
			} else {
				x[f] = float64(rng.IntN(21))
			}
		}
		X[i] = x
		if x[2] >= 0.5 && x[5] < 8 {
			y[i] = Content
		}
		if rng.Float64() < noise {
			y[i] ^= 1
		}
	}
	return X, y
}

// thresholdFor draws a threshold for feature f where synth's values lie:
// inside [0, 1) for even features, between two counts for odd ones.
func thresholdFor(rng *rand.Rand, f int) float64 {
	if f%2 == 0 {
		return rng.Float64()
	}
	return float64(rng.IntN(20)) + 0.5
}

// randTree returns a random well-formed tree over nf features, numbered in
// preorder (left subtree first) as trainers write it: below depth levels a
// node splits with probability 0.8 (the root always, if depth > 0), and
// every leaf holds rows of one class or both. A scored tree's leaves get
// scores of either sign.
func randTree(rng *rand.Rand, nf, depth int, scored bool) Tree {
	var t Tree
	if scored {
		t.Value = []float64{}
	}
	add := func() int32 {
		t.Feature = append(t.Feature, -1)
		t.Threshold = append(t.Threshold, 0)
		t.Left = append(t.Left, -1)
		t.Right = append(t.Right, -1)
		t.Counts = append(t.Counts, [2]float64{})
		if scored {
			t.Value = append(t.Value, 0)
		}
		return int32(len(t.Feature) - 1)
	}
	var grow func(d int) (int32, [2]float64)
	grow = func(d int) (int32, [2]float64) {
		i := add()
		if d == depth || (d > 0 && rng.IntN(5) == 0) {
			c := [2]float64{float64(rng.IntN(4)), float64(rng.IntN(4))}
			c[rng.IntN(2)] += 1 + float64(rng.IntN(50))
			t.Counts[i] = c
			if scored {
				t.Value[i] = rng.NormFloat64()
			}
			return i, c
		}
		f := rng.IntN(nf)
		t.Feature[i], t.Threshold[i] = int32(f), thresholdFor(rng, f)
		l, lc := grow(d + 1)
		r, rc := grow(d + 1)
		t.Left[i], t.Right[i] = l, r
		t.Counts[i] = [2]float64{lc[0] + rc[0], lc[1] + rc[1]}
		return i, t.Counts[i]
	}
	grow(0)
	return t
}

// randOblivious returns a random complete oblivious tree of depth levels
// over nf features, as the boosted trainer grows them: one test per level,
// scores at the leaves.
func randOblivious(rng *rand.Rand, nf, depth int) Tree {
	feat := make([]int, depth)
	thr := make([]float64, depth)
	for l := range depth {
		feat[l] = rng.IntN(nf)
		thr[l] = thresholdFor(rng, feat[l])
	}
	leaves := make([]float64, 1<<depth)
	for k := range leaves {
		leaves[k] = rng.NormFloat64()
	}
	return obliviousTree(feat, thr, leaves)
}

// obliviousTree returns the complete oblivious tree whose level l tests
// feature feat[l] against thr[l], in preorder (left subtree first), with
// leaf scores leaves in preorder: leaf k is reached by the answers that
// are the bits of k from the highest, root first, 1 meaning right.
func obliviousTree(feat []int, thr []float64, leaves []float64) Tree {
	t := Tree{Value: []float64{}}
	next := 0
	var grow func(d int) int32
	grow = func(d int) int32 {
		i := int32(len(t.Feature))
		t.Feature = append(t.Feature, -1)
		t.Threshold = append(t.Threshold, 0)
		t.Left = append(t.Left, -1)
		t.Right = append(t.Right, -1)
		t.Counts = append(t.Counts, [2]float64{1, 1})
		t.Value = append(t.Value, 0)
		if d == len(feat) {
			t.Value[i] = leaves[next]
			next++
			return i
		}
		t.Feature[i], t.Threshold[i] = int32(feat[d]), thr[d]
		l := grow(d + 1)
		r := grow(d + 1)
		t.Left[i], t.Right[i] = l, r
		return i
	}
	grow(0)
	return t
}

// randForest returns a model of trees random trees of at most depth
// levels over nf synthetic features, drawn with seed.
func randForest(t testing.TB, nf, trees, depth int, seed uint64) *Model {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 17))
	ts := make([]Tree, trees)
	for i := range ts {
		ts[i] = randTree(rng, nf, depth, false)
	}
	m, err := New(synthSchema(nf), "test", Config{Trees: trees, MaxDepth: depth}, ts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// randBoosted returns a boosted model of trees random oblivious trees of
// depth levels over nf synthetic features, drawn with seed.
func randBoosted(t testing.TB, nf, trees, depth int, seed uint64) *Model {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 19))
	ts := make([]Tree, trees)
	for i := range ts {
		ts[i] = randOblivious(rng, nf, depth)
	}
	m, err := NewBoosted(synthSchema(nf), "test", Config{Trees: trees, MaxDepth: depth}, ts, rng.NormFloat64())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// leafTree is a tree that is a single leaf with class counts c.
func leafTree(c [2]float64) Tree {
	return Tree{Feature: []int32{-1}, Threshold: []float64{0}, Left: []int32{-1}, Right: []int32{-1}, Counts: [][2]float64{c}}
}

// ruleModel is the synthetic rule as one tree: content iff f02 >= 0.5 and
// f05 < 7.5, over nf >= 6 features.
func ruleModel(t testing.TB, nf int) *Model {
	t.Helper()
	rule := Tree{
		Feature:   []int32{2, -1, 5, -1, -1},
		Threshold: []float64{0.5, 0, 7.5, 0, 0},
		Left:      []int32{1, -1, 3, -1, -1},
		Right:     []int32{2, -1, 4, -1, -1},
		Counts:    [][2]float64{{150, 100}, {100, 0}, {50, 100}, {0, 100}, {50, 0}},
	}
	m, err := New(synthSchema(nf), "test", Config{Trees: 1, MaxDepth: 2}, []Tree{rule})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// saved returns m's model file, failing t if Save fails.
func saved(t testing.TB, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
