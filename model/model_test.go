package model

import (
	"math"
	"sync"
	"testing"
)

func TestPredictExplain(t *testing.T) {
	s := synthSchema(8)
	m := ruleModel(t, 8)
	for _, tc := range []struct {
		name   string
		x      []float64
		want   Label
		reason string
	}{
		{"content", []float64{0, 0, 0.9, 0, 0, 2, 0, 0}, Content, "f02 high and f05 low is the content rule"},
		{"boilerplate low f02", []float64{0, 0, 0.1, 0, 0, 2, 0, 0}, Boilerplate, "f02 below 0.5"},
		{"boilerplate high f05", []float64{0, 0, 0.9, 0, 0, 15, 0, 0}, Boilerplate, "f05 at or above 8"},
		{"NaN goes right", []float64{0, 0, math.NaN(), 0, 0, 2, 0, 0}, Content, "NaN fails x < t, like a high f02"},
		{"+Inf", []float64{0, 0, math.Inf(1), 0, 0, math.Inf(-1), 0, 0}, Content, "infinities compare as usual"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, path := m.Explain(tc.x)
			if got := labelOf(p); got != tc.want {
				t.Errorf("%s: P(content)=%v, label %v, want %v", tc.reason, p, got, tc.want)
			}
			if p != m.Predict(tc.x) {
				t.Errorf("Explain p %v != Predict %v", p, m.Predict(tc.x))
			}
			for _, st := range path {
				if st.Name != s.Names[st.Feature] || (st.Left != (st.Value < st.Threshold)) {
					t.Errorf("inconsistent step %+v", st)
				}
			}
		})
	}
	if m.Depth() != 2 || m.NumNodes() != 5 || m.NumTrees() != 1 {
		t.Errorf("depth %d, nodes %d, trees %d", m.Depth(), m.NumNodes(), m.NumTrees())
	}
}

func TestPredictPanicsOnWrongLength(t *testing.T) {
	m := randForest(t, 8, 1, 6, 1)
	defer func() {
		if recover() == nil {
			t.Error("Predict with 3 values did not panic")
		}
	}()
	m.Predict([]float64{1, 2, 3})
}

func TestSingleLeafModel(t *testing.T) {
	m, err := New(synthSchema(2), "test", Config{}, []Tree{leafTree([2]float64{0, 3})})
	if err != nil {
		t.Fatal(err)
	}
	if m.NumNodes() != 1 || m.Depth() != 0 || m.Predict([]float64{0, 0}) != 1 {
		t.Errorf("one-class data: %d nodes, depth %d, p %v; want a single leaf with p 1", m.NumNodes(), m.Depth(), m.Predict([]float64{0, 0}))
	}
	for _, v := range m.Importances() {
		if v != 0 {
			t.Errorf("importances %v, want zeros", m.Importances())
		}
	}
}

func TestConcurrentPredict(t *testing.T) {
	X, _ := synth(3000, 8, 5, 0.05)
	for _, tc := range []struct {
		name string
		m    *Model
	}{{"tree", randForest(t, 8, 1, 12, 1)}, {"forest", randForest(t, 8, 4, 10, 2)}, {"boosted", randBoosted(t, 8, 10, 6, 3)}} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.m
			want := make([]float64, len(X))
			for i, x := range X {
				want[i] = m.Predict(x)
			}
			var wg sync.WaitGroup
			errs := make(chan int, 8)
			for range 8 {
				wg.Go(func() {
					for i, x := range X {
						if p, _ := m.Explain(x); p != want[i] || m.Predict(x) != want[i] {
							errs <- i
							return
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for i := range errs {
				t.Errorf("row %d predicted differently under concurrency", i)
			}
		})
	}
}

func TestPredictDoesNotAllocate(t *testing.T) {
	X, _ := synth(10, 8, 5, 0.05)
	m := randForest(t, 8, 3, 8, 1)
	x := X[0]
	if n := testing.AllocsPerRun(100, func() { m.Predict(x) }); n != 0 {
		t.Errorf("Predict allocates %v times per call", n)
	}
}

// TestExplainForest checks that Explain follows, for a forest, the first
// tree, and reports its tests as x met them, down to a leaf.
func TestExplainForest(t *testing.T) {
	X, _ := synth(300, 8, 7, 0.1)
	m := randForest(t, 8, 5, 8, 7)
	for _, x := range X {
		p, path := m.Explain(x)
		if p != m.Predict(x) {
			t.Fatalf("Explain P %v, Predict %v", p, m.Predict(x))
		}
		tr := &m.trees[0]
		n := int32(0)
		for j, st := range path {
			if tr.Feature[n] < 0 || int(tr.Feature[n]) != st.Feature || tr.Threshold[n] != st.Threshold || st.Value != x[st.Feature] || st.Left != (st.Value < st.Threshold) {
				t.Fatalf("step %d %+v is not node %d of tree 0", j, st, n)
			}
			if st.Left {
				n = tr.Left[n]
			} else {
				n = tr.Right[n]
			}
		}
		if tr.Feature[n] >= 0 {
			t.Fatalf("path of %d steps stops above a leaf of tree 0", len(path))
		}
	}
}
