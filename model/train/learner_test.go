package train

import (
	"bytes"
	"math"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

func TestFitRecoversRule(t *testing.T) {
	s := synthSchema(8)
	X, y := synth(5000, 8, 1, 0)
	for _, tc := range []struct {
		name   string
		cfg    model.Config
		reason string
	}{
		{"gini", model.Config{MaxDepth: 4, Trees: 1, MinLeaf: 1}, "default criterion must find the two thresholds"},
		{"entropy", model.Config{Criterion: model.Entropy, MaxDepth: 4, Trees: 1, MinLeaf: 1}, "entropy finds the same rule on noise-free data"},
		{"few bins", model.Config{MaxDepth: 4, Bins: 17, Trees: 1, MinLeaf: 1}, "16 value bins (+1 for missing values) still hold a cut near 0.5 and each count"},
		{"forest", model.Config{MaxDepth: 6, Trees: 5, Seed: 3, MaxFeatures: 8, MinLeaf: 1}, "bagged trees with all features agree on the rule"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := mustFit(t, s, X, y, tc.cfg)
			Xt, yt := synth(2000, 8, 2, 0)
			wrong := 0
			for i, x := range Xt {
				if m.Label(x) != yt[i] {
					wrong++
				}
			}
			if rate := float64(wrong) / float64(len(Xt)); rate > 0.01 {
				t.Errorf("%s: error rate %.3f on fresh rows, want <= 0.01", tc.reason, rate)
			}
			if tc.cfg.Trees > 1 {
				return
			}
			_, path := m.Explain([]float64{0, 0, 0.7, 0, 0, 3, 0, 0})
			if len(path) == 0 {
				t.Fatalf("%s: empty path", tc.reason)
			}
			imp := m.Importances()
			if imp[2]+imp[5] < 0.99 {
				t.Errorf("%s: importances %v, want all on f02 and f05", tc.reason, imp)
			}
			for _, st := range path {
				switch st.Feature {
				case 2:
					if math.Abs(st.Threshold-0.5) > 0.03 {
						t.Errorf("%s: f02 threshold %v, want about 0.5", tc.reason, st.Threshold)
					}
				case 5:
					if st.Threshold != 7.5 {
						t.Errorf("%s: f05 threshold %v, want 7.5 (between 7 and 8)", tc.reason, st.Threshold)
					}
				}
			}
		})
	}
}

func TestFitDeterministicBytes(t *testing.T) {
	s := synthSchema(10)
	// 8000 rows × 10 features is above parallelMin, so the root and the
	// first levels really fan out over workers.
	X, y := synth(8000, 10, 7, 0.1)
	for _, tc := range []struct {
		name   string
		a, b   model.Config
		reason string
	}{
		{"tree", model.Config{MinLeaf: 5, Trees: 1}, model.Config{MinLeaf: 5, Trees: 1}, "same data and config"},
		{"tree workers", model.Config{MinLeaf: 5, Trees: 1, Workers: 1}, model.Config{MinLeaf: 5, Trees: 1, Workers: 2}, "parallel histogram building must not change the tree"},
		{"forest workers", model.Config{Trees: 5, Seed: 9, Workers: 1}, model.Config{Trees: 5, Seed: 9, Workers: 2}, "trees grown in parallel keep their seeds and order"},
		{"subsampled tree", model.Config{Trees: 1, MaxFeatures: 3, Seed: 4, Workers: 1}, model.Config{Trees: 1, MaxFeatures: 3, Seed: 4, Workers: 3}, "feature draws come from the seed only"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := saved(t, mustFit(t, s, X, y, tc.a)), saved(t, mustFit(t, s, X, y, tc.b))
			if !bytes.Equal(a, b) {
				t.Errorf("%s: files differ (%d vs %d bytes)", tc.reason, len(a), len(b))
			}
		})
	}
}

// missingRows returns 3000 synthetic rows of 6 features where f00 is
// missing (NaN) exactly on content rows, a small count elsewhere: a model
// must learn "f00 is NaN" by sending NaN right, where prediction also
// sends it.
func missingRows() (model.Schema, [][]float64, []model.Label) {
	X, y := synth(3000, 6, 17, 0)
	for i := range X {
		X[i][0] = float64(i % 7)
		if y[i] == model.Content {
			X[i][0] = math.NaN()
		}
	}
	return synthSchema(6), X, y
}

func TestFitMissingValues(t *testing.T) {
	s, X, y := missingRows()
	for i := range X {
		X[i][1] = math.Inf(1 - 2*(i%2)) // only ±Inf: still a usable split
	}
	m := mustFit(t, s, X, y, model.Config{MaxDepth: 2, Trees: 1, MinLeaf: 1})
	for _, tc := range []struct {
		name   string
		x      []float64
		want   float64
		reason string
	}{
		{"missing", []float64{math.NaN(), 0, 0, 0, 0, 0}, 1, "NaN was content in training"},
		{"present", []float64{3, 0, 0, 0, 0, 0}, 0, "any value was boilerplate"},
		{"unseen large", []float64{1e9, 0, 0, 0, 0, 0}, 0, "values above the training range stay left of the NaN split"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if p := m.Predict(tc.x); p != tc.want {
				t.Errorf("%s: P(content) %v, want %v", tc.reason, p, tc.want)
			}
		})
	}
}
