package model

import (
	"math"
	"sync"
	"testing"
)

func TestPredictExplain(t *testing.T) {
	s := synthSchema(8)
	X, y := synth(4000, 8, 3, 0)
	m := mustFit(t, s, X, y, Config{MaxDepth: 3})
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
	if m.Depth() < 2 || m.Depth() > 3 || m.NumNodes() < 5 || m.NumTrees() != 1 {
		t.Errorf("depth %d, nodes %d, trees %d", m.Depth(), m.NumNodes(), m.NumTrees())
	}
}

func TestPredictPanicsOnWrongLength(t *testing.T) {
	s := synthSchema(8)
	X, y := synth(200, 8, 3, 0)
	m := mustFit(t, s, X, y, Config{})
	defer func() {
		if recover() == nil {
			t.Error("Predict with 3 values did not panic")
		}
	}()
	m.Predict([]float64{1, 2, 3})
}

func TestSingleLeafModel(t *testing.T) {
	s := synthSchema(2)
	X := [][]float64{{1, 2}, {3, 4}, {5, 6}}
	y := []Label{Content, Content, Content}
	m := mustFit(t, s, X, y, Config{})
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
	s := synthSchema(8)
	X, y := synth(3000, 8, 5, 0.05)
	for _, tc := range []struct {
		name string
		fit  fitFunc
		cfg  Config
	}{{"tree", Fit, Config{}}, {"forest", Fit, Config{Trees: 4, Seed: 1}}, {"boosted", FitBoost, Config{Trees: 10}}} {
		t.Run(tc.name, func(t *testing.T) {
			m := mustTrain(t, tc.fit, s, X, y, tc.cfg)
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
	s := synthSchema(8)
	X, y := synth(3000, 8, 5, 0.05)
	m := mustFit(t, s, X, y, Config{Trees: 3})
	x := X[0]
	if n := testing.AllocsPerRun(100, func() { m.Predict(x) }); n != 0 {
		t.Errorf("Predict allocates %v times per call", n)
	}
}

func TestFitRejects(t *testing.T) {
	s := synthSchema(2)
	ok := [][]float64{{1, 2}, {3, 4}}
	for _, tc := range []struct {
		name   string
		s      Schema
		X      [][]float64
		y      []Label
		cfg    Config
		reason string
	}{
		{"no rows", s, nil, nil, Config{}, "nothing to learn from"},
		{"label count", s, ok, []Label{0}, Config{}, "every row needs a label"},
		{"ragged", s, [][]float64{{1, 2}, {3}}, []Label{0, 1}, Config{}, "row shorter than the schema"},
		{"bad label", s, ok, []Label{0, 7}, Config{}, "only two classes exist"},
		{"empty schema", Schema{}, ok, []Label{0, 1}, Config{}, "vectors need names"},
		{"duplicate names", Schema{Names: []string{"a", "a"}}, ok, []Label{0, 1}, Config{}, "names identify features"},
		{"bins", s, ok, []Label{0, 1}, Config{Bins: 256}, "codes are uint8 with 255 for NaN"},
		{"depth", s, ok, []Label{0, 1}, Config{MaxDepth: -1}, "negative depth"},
		{"weight", s, ok, []Label{0, 1}, Config{ClassWeight: [2]float64{math.NaN(), 1}}, "NaN weight"},
		{"criterion", s, ok, []Label{0, 1}, Config{Criterion: 9}, "unknown criterion"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Fit(tc.s, tc.X, tc.y, tc.cfg); err == nil {
				t.Errorf("Fit succeeded, want error: %s", tc.reason)
			}
		})
	}
}

func TestClassWeightBalanced(t *testing.T) {
	s := synthSchema(8)
	X, y := synth(4000, 8, 11, 0.2)
	plain := mustFit(t, s, X, y, Config{MaxDepth: 4, MinLeaf: 50})
	bal := mustFit(t, s, X, y, Config{MaxDepth: 4, MinLeaf: 50, Balanced: true})
	if bal.Params.ClassWeight[1] <= bal.Params.ClassWeight[0] {
		t.Errorf("balanced weights %v: content is the minority and should weigh more", bal.Params.ClassWeight)
	}
	var pp, pb float64
	for _, x := range X {
		pp += plain.Predict(x)
		pb += bal.Predict(x)
	}
	if pb <= pp {
		t.Errorf("mean P(content) balanced %v <= plain %v; up-weighting content should raise it", pb/4000, pp/4000)
	}
}
