package train

import (
	"math"
	"reflect"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

// TestDefaults checks each trainer's defaults for the fields left at 0,
// and that fields given are kept.
func TestDefaults(t *testing.T) {
	const rows = 554_000 // the shared corpus: DefaultMinLeaf gives 40
	for _, tc := range []struct {
		name, trainer string
		in, want      model.Config
		reason        string
	}{
		{"boost zero", TrainerBoost, model.Config{},
			model.Config{MaxDepth: DefaultBoostDepth, Trees: DefaultBoostTrees, MinLeaf: DefaultBoostMinLeaf, LearningRate: DefaultLearningRate, L2: DefaultL2},
			"winnow train's boosted model"},
		{"boost given", TrainerBoost, model.Config{MaxDepth: 4, Trees: 7, MinLeaf: 2, LearningRate: 0.1, L2: 3},
			model.Config{MaxDepth: 4, Trees: 7, MinLeaf: 2, LearningRate: 0.1, L2: 3}, "fields given are kept"},
		{"cart zero", TrainerCART, model.Config{},
			model.Config{MaxDepth: 14, Trees: 20, MinLeaf: 40, MaxFeatures: 30}, "a forest with 30 candidates per node"},
		{"cart tree", TrainerCART, model.Config{Trees: 1},
			model.Config{MaxDepth: 14, Trees: 1, MinLeaf: 40}, "a single tree keeps all features (resolve)"},
		{"cart given", TrainerCART, model.Config{MaxDepth: 3, Trees: 4, MinLeaf: 9, MaxFeatures: 2},
			model.Config{MaxDepth: 3, Trees: 4, MinLeaf: 9, MaxFeatures: 2}, "fields given are kept"},
		{"golearn zero", TrainerGolearnCART, model.Config{},
			model.Config{MaxDepth: 14, Trees: 1}, "golearn's CART grows one tree"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := defaults(tc.trainer, tc.in, rows); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: got %+v, want %+v", tc.reason, got, tc.want)
			}
		})
	}
}

// TestDefaultMinLeaf checks the leaf size per training set size.
func TestDefaultMinLeaf(t *testing.T) {
	for _, tc := range []struct{ rows, want int }{{0, 5}, {50_000, 5}, {90_000, 6}, {554_000, 40}} {
		if got := DefaultMinLeaf(tc.rows); got != tc.want {
			t.Errorf("DefaultMinLeaf(%d) = %d, want %d", tc.rows, got, tc.want)
		}
	}
}

// TestTrainedPredict checks, on models the trainers grow with their
// defaults, that PredictBatch and Explain give Predict's P(content) bit for
// bit and that Explain's path is made of the tests x met (package model
// checks the same on random trees, against its internals).
func TestTrainedPredict(t *testing.T) {
	s := synthSchema(8)
	X, y := synth(3000, 8, 5, 0.1)
	for _, tc := range []struct {
		name string
		fit  fitFunc
		cfg  model.Config
	}{
		{"boost", FitBoost, model.Config{}},
		{"forest", Fit, model.Config{Seed: 3}},
		{"tree", Fit, model.Config{Trees: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := mustTrain(t, tc.fit, s, X, y, tc.cfg)
			const n = 200
			flat := make([]float64, 0, n*8)
			for _, x := range X[:n] {
				flat = append(flat, x...)
			}
			out := make([]float64, n)
			m.PredictBatch(flat, out)
			for i, x := range X[:n] {
				want := m.Predict(x)
				p, path := m.Explain(x)
				if math.Float64bits(out[i]) != math.Float64bits(want) || math.Float64bits(p) != math.Float64bits(want) {
					t.Fatalf("row %d: Predict %v, PredictBatch %v, Explain %v", i, want, out[i], p)
				}
				if len(path) == 0 {
					t.Fatalf("row %d: empty path", i)
				}
				for _, st := range path {
					if st.Name != s.Names[st.Feature] || st.Value != x[st.Feature] || st.Left != (st.Value < st.Threshold) {
						t.Fatalf("row %d: step %+v is not a test x met", i, st)
					}
				}
			}
		})
	}
}

// TestCheckConfig checks that CheckConfig refuses, without data, what
// Fit and FitBoost refuse with it, and accepts what they accept: the zero
// Config for every trainer included.
func TestCheckConfig(t *testing.T) {
	nan := math.NaN()
	x, y := synth(200, 6, 1, 0)
	s := synthSchema(6)
	fits := map[string]func(model.Config) error{
		TrainerBoost: func(c model.Config) error { _, err := FitBoost(s, x, y, c); return err },
		TrainerCART:  func(c model.Config) error { _, err := Fit(s, x, y, c); return err },
	}
	for _, tc := range []struct {
		trainer string
		cfg     model.Config
		ok      bool
	}{
		{TrainerBoost, model.Config{}, true},
		{TrainerCART, model.Config{}, true},
		{TrainerBoost, model.Config{LearningRate: nan}, false},
		{TrainerBoost, model.Config{LearningRate: 1.5}, false},
		{TrainerBoost, model.Config{L2: math.Inf(1)}, false},
		{TrainerBoost, model.Config{MaxDepth: MaxBoostDepth + 1}, false},
		{TrainerBoost, model.Config{Trees: -1}, false},
		{TrainerCART, model.Config{LearningRate: nan}, false}, // recorded in the model file, which cannot hold NaN
		{TrainerCART, model.Config{L2: math.Inf(-1)}, false},
		{TrainerCART, model.Config{MaxDepth: -2}, false},
		{TrainerCART, model.Config{MinLeaf: -1}, false},
		{TrainerCART, model.Config{MaxFeatures: -1}, false},
		{TrainerCART, model.Config{ClassWeight: [2]float64{nan, 1}}, false},
	} {
		err := CheckConfig(tc.trainer, tc.cfg)
		if (err == nil) != tc.ok {
			t.Errorf("CheckConfig(%s, %+v) = %v, want ok %v", tc.trainer, tc.cfg, err, tc.ok)
		}
		if fitErr := fits[tc.trainer](tc.cfg); (fitErr == nil) != tc.ok {
			t.Errorf("fit %s with %+v: %v, want ok %v", tc.trainer, tc.cfg, fitErr, tc.ok)
		}
	}
	if err := CheckConfig(TrainerGolearnCART, model.Config{Trees: 2}); err == nil {
		t.Error("golearn-cart with 2 trees: no error")
	}
	if err := CheckConfig("nosuch", model.Config{}); err == nil {
		t.Error("unknown trainer: no error")
	}
}
