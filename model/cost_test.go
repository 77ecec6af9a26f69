package model

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// chainTree is a tree of the given depth whose every test sends one side
// to a leaf and the other to the next test.
func chainTree(depth int) Tree {
	n := 2*depth + 1
	t := Tree{Feature: make([]int32, n), Threshold: make([]float64, n), Left: make([]int32, n), Right: make([]int32, n), Counts: make([][2]float64, n)}
	for i := range n {
		t.Feature[i], t.Left[i], t.Right[i], t.Counts[i] = -1, -1, -1, [2]float64{1, 1}
	}
	for k := range depth {
		i := 2 * k
		t.Feature[i], t.Threshold[i], t.Left[i], t.Right[i] = 0, 0.5, int32(i+1), int32(i+2)
		t.Counts[i] = [2]float64{float64(depth - k + 1), float64(depth - k + 1)}
	}
	return t
}

// TestMaxTests: a model whose trees take more than MaxTests tests per
// prediction is refused, by New and by Load, with an error that says so.
// (A huge model made -timeout 1s return after 24 s.)
func TestMaxTests(t *testing.T) {
	// A cap of 64 tests stands for MaxTests: the trees at the real cap
	// take seconds to save and load.
	defer func(saved int) { maxTests = saved }(maxTests)
	maxTests = 64
	const depth = 8
	s := synthSchema(2)
	tree := chainTree(depth)
	within := make([]Tree, maxTests/depth)
	for i := range within {
		within[i] = tree
	}
	m, err := New(s, "test", Config{}, within)
	if err != nil {
		t.Fatalf("%d trees of depth %d (%d tests): %v", len(within), depth, maxTests, err)
	}
	var file bytes.Buffer
	if err := m.Save(&file); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bytes.NewReader(file.Bytes()), s); err != nil {
		t.Fatalf("load a model at the cap: %v", err)
	}

	over := append(within, chainTree(1))
	if _, err := New(s, "test", Config{}, over); err == nil || !strings.Contains(err.Error(), "tests per prediction") {
		t.Errorf("New with %d tests per prediction: err = %v, want one over MaxTests", maxTests+1, err)
	}
	// The same trees in a file: Load refuses them as corrupt.
	big := *m
	big.trees = cloneTrees(over)
	file.Reset()
	if err := big.Save(&file); err != nil {
		t.Fatal(err)
	}
	_, err = Load(bytes.NewReader(file.Bytes()), s)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "tests per prediction") {
		t.Errorf("Load with %d tests per prediction: err = %v, want ErrCorrupt over MaxTests", maxTests+1, err)
	}
}
