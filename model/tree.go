package model

import (
	"fmt"
	"math"
)

// Limits of a model's trees, checked by New, NewBoosted and Load.
const (
	// MaxNodes caps the total number of nodes of a model, over all its
	// trees; a file declaring more is rejected as corrupt before its
	// arrays are trusted.
	MaxNodes = 1 << 22
	// MaxTreeDepth is the deepest tree a model may hold: four times the
	// deepest tree winnow's own trainer grows, since golearn's CART may
	// run deeper.
	MaxTreeDepth = 256
	// MaxTests caps what a model may cost per prediction: the sum over
	// its trees of each tree's depth, the most tests one vector can go
	// through, and so what one block may cost to classify. The embedded
	// model makes 240 (40 trees of depth 6).
	MaxTests = 1 << 17
)

// Tree is one decision tree as parallel arrays indexed by node, root at
// 0, in the layout of the model file; trainers build Trees and hand them to
// New or NewBoosted. Internal node i tests x[Feature[i]] < Threshold[i] and
// goes to Left[i] if true, Right[i] if not (NaN goes right). A leaf has
// Feature, Left and Right -1 and Threshold 0. Counts[i] holds the weighted
// class counts (boilerplate, content) of the training rows that reached
// node i; a leaf of a tree or forest predicts
// P(content) = Counts[i][1] / (Counts[i][0]+Counts[i][1]). A boosted tree
// also has Value, a score per node (0 at internal nodes): its leaves give
// Value, and may hold no rows.
type Tree struct {
	Feature   []int32      `json:"feature"`
	Threshold []float64    `json:"threshold"`
	Left      []int32      `json:"left"`
	Right     []int32      `json:"right"`
	Counts    [][2]float64 `json:"counts"`
	Value     []float64    `json:"value,omitempty"`
}

func (t *Tree) len() int { return len(t.Feature) }

// leftPath returns the internal nodes from the root down the left
// children: in an oblivious tree (see NewBoosted), the node holding each
// level's test, root first.
func (t *Tree) leftPath() []int32 {
	var path []int32
	for i := int32(0); t.Feature[i] >= 0; i = t.Left[i] {
		path = append(path, i)
	}
	return path
}

// check verifies that t is a well-formed tree over nf features and returns
// its depth: equal array lengths (Value too if scored, absent if not), at least one node, children after their
// parent (so no cycles and nothing points back up), every node but the root
// the child of exactly one node, feature indices in range, finite thresholds,
// finite non-negative counts with a finite total, positive at the leaves of an
// unscored tree, finite values, 0 at internal nodes, for a scored one, and depth at
// most MaxTreeDepth.
func (t *Tree) check(nf int, scored bool) (int, error) {
	n := len(t.Feature)
	if n == 0 {
		return 0, fmt.Errorf("tree has no nodes")
	}
	if len(t.Threshold) != n || len(t.Left) != n || len(t.Right) != n || len(t.Counts) != n {
		return 0, fmt.Errorf("node arrays differ in length: feature %d, threshold %d, left %d, right %d, counts %d",
			n, len(t.Threshold), len(t.Left), len(t.Right), len(t.Counts))
	}
	switch {
	case scored && len(t.Value) != n:
		return 0, fmt.Errorf("%d values for %d nodes", len(t.Value), n)
	case !scored && t.Value != nil:
		return 0, fmt.Errorf("values in a tree of a model that is not boosted")
	}
	for i, v := range t.Value {
		if math.IsNaN(v) || math.IsInf(v, 0) || (v != 0 && t.Feature[i] != -1) {
			return 0, fmt.Errorf("node %d: value %v", i, v)
		}
	}
	parents := make([]int32, n)
	depth := make([]int32, n)
	maxDepth := 0
	for i := range n {
		if i > 0 && parents[i] != 1 {
			return 0, fmt.Errorf("node %d has %d parents, want 1", i, parents[i])
		}
		for _, c := range t.Counts[i] {
			if c < 0 || math.IsNaN(c) || math.IsInf(c, 0) {
				return 0, fmt.Errorf("node %d: class count %v", i, c)
			}
		}
		if math.IsInf(t.Counts[i][0]+t.Counts[i][1], 0) {
			return 0, fmt.Errorf("node %d: class counts %v sum past the largest float64", i, t.Counts[i])
		}
		f, l, r := t.Feature[i], t.Left[i], t.Right[i]
		if f == -1 {
			if l != -1 || r != -1 || t.Threshold[i] != 0 {
				return 0, fmt.Errorf("leaf %d has children %d, %d or threshold %v", i, l, r, t.Threshold[i])
			}
			if !scored && !(t.Counts[i][0]+t.Counts[i][1] > 0) {
				return 0, fmt.Errorf("leaf %d has no training rows", i)
			}
			continue
		}
		if f < 0 || int(f) >= nf {
			return 0, fmt.Errorf("node %d: feature %d outside 0..%d", i, f, nf-1)
		}
		if th := t.Threshold[i]; math.IsNaN(th) || math.IsInf(th, 0) {
			return 0, fmt.Errorf("node %d: threshold %v", i, th)
		}
		for _, c := range [2]int32{l, r} {
			if c <= int32(i) || int(c) >= n {
				return 0, fmt.Errorf("node %d: child %d outside %d..%d", i, c, i+1, n-1)
			}
			parents[c]++
			if parents[c] > 1 {
				return 0, fmt.Errorf("node %d has more than one parent", c)
			}
			depth[c] = depth[i] + 1
			maxDepth = max(maxDepth, int(depth[c]))
		}
		if l == r {
			return 0, fmt.Errorf("node %d: both children are %d", i, l)
		}
	}
	if maxDepth > MaxTreeDepth {
		return 0, fmt.Errorf("tree depth %d above %d", maxDepth, MaxTreeDepth)
	}
	return maxDepth, nil
}
