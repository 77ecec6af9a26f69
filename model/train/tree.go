package train

import "github.com/winnow-dev/winnow/model"

// addLeaf appends a leaf with class counts c to t and returns its index;
// setSplit turns it into an internal node. A scored tree (Value not nil)
// gets a 0 score for it.
func addLeaf(t *model.Tree, c [2]float64) int32 {
	t.Feature = append(t.Feature, -1)
	t.Threshold = append(t.Threshold, 0)
	t.Left = append(t.Left, -1)
	t.Right = append(t.Right, -1)
	t.Counts = append(t.Counts, c)
	if t.Value != nil {
		t.Value = append(t.Value, 0)
	}
	return int32(len(t.Feature) - 1)
}

// setSplit makes node i test feature f against threshold thr; the caller
// sets its children.
func setSplit(t *model.Tree, i int32, f int, thr float64) {
	t.Feature[i], t.Threshold[i] = int32(f), thr
}
