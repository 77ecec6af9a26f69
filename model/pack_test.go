package model

import (
	"math"
	"slices"
	"testing"
)

// flatWalk is prediction straight from the file layout, the reference for
// the packed nodes.
func flatWalk(t *Tree, x []float64) float64 {
	c := t.Counts[flatLeaf(t, x)]
	return c[1] / (c[0] + c[1])
}

// flatLeaf is the leaf of t that x reaches, following the file's arrays.
func flatLeaf(t *Tree, x []float64) int32 {
	i := int32(0)
	for t.Feature[i] >= 0 {
		if x[t.Feature[i]] < t.Threshold[i] {
			i = t.Left[i]
		} else {
			i = t.Right[i]
		}
	}
	return i
}

// TestPackTree checks that packed trees, and the branchless layout built
// from them, predict what the file's arrays say, both for trees numbered
// depth-first (as trainers write them) and for a tree numbered
// breadth-first, which packTree must renumber.
func TestPackTree(t *testing.T) {
	// Breadth-first: 0 tests f0<0.5 (1, 2); 1 tests f1<0.5 (3, 4); 2 tests f1<2 (5, 6).
	bfs := Tree{
		Feature:   []int32{0, 1, 1, -1, -1, -1, -1},
		Threshold: []float64{0.5, 0.5, 2, 0, 0, 0, 0},
		Left:      []int32{1, 3, 5, -1, -1, -1, -1},
		Right:     []int32{2, 4, 6, -1, -1, -1, -1},
		Counts:    [][2]float64{{4, 4}, {2, 2}, {2, 2}, {1, 0}, {1, 1}, {1, 3}, {0, 1}},
	}
	X, _ := synth(300, 8, 3, 0)
	forest := randForest(t, 8, 3, 6, 4)
	cases := []struct {
		name   string
		trees  []Tree
		reason string
	}{
		{"breadth-first", []Tree{bfs}, "right children are not next to their parent's left subtree"},
		{"preorder forest", forest.trees, "the trainers' depth-first layout"},
	}
	xs := append(X[:300:300], []float64{math.NaN(), math.NaN(), 0, 0, 0, 0, 0, 0}, []float64{0.4, 1.5, 0, 0, 0, 0, 0, 0})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for ti := range tc.trees {
				packed := packTree(&tc.trees[ti])
				branchless := newForest([][]pnode{packed})
				for _, x := range xs {
					want := flatWalk(&tc.trees[ti], x)
					if got := walk(packed, x); got != want {
						t.Fatalf("%s: tree %d, x=%v: packed %v, file %v", tc.reason, ti, x[:2], got, want)
					}
					rows := slices.Concat(slices.Repeat([][]float64{x}, lanes)...)
					got := make([]float64, lanes)
					branchless.sumRows(rows, len(x), got)
					if got[lanes-1] != want {
						t.Fatalf("%s: tree %d, x=%v: branchless %v, file %v", tc.reason, ti, x[:2], got[lanes-1], want)
					}
				}
			}
		})
	}
}
