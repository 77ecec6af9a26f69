package train

import (
	"math"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

func TestFitRejects(t *testing.T) {
	s := synthSchema(2)
	ok := [][]float64{{1, 2}, {3, 4}}
	for _, tc := range []struct {
		name   string
		s      model.Schema
		X      [][]float64
		y      []model.Label
		cfg    model.Config
		reason string
	}{
		{"no rows", s, nil, nil, model.Config{}, "nothing to learn from"},
		{"label count", s, ok, []model.Label{0}, model.Config{}, "every row needs a label"},
		{"ragged", s, [][]float64{{1, 2}, {3}}, []model.Label{0, 1}, model.Config{}, "row shorter than the schema"},
		{"bad label", s, ok, []model.Label{0, 7}, model.Config{}, "only two classes exist"},
		{"empty schema", model.Schema{}, ok, []model.Label{0, 1}, model.Config{}, "vectors need names"},
		{"duplicate names", model.Schema{Names: []string{"a", "a"}}, ok, []model.Label{0, 1}, model.Config{}, "names identify features"},
		{"bins", s, ok, []model.Label{0, 1}, model.Config{Bins: 256}, "codes are uint8 with 255 for NaN"},
		{"depth", s, ok, []model.Label{0, 1}, model.Config{MaxDepth: -1}, "negative depth"},
		{"weight", s, ok, []model.Label{0, 1}, model.Config{ClassWeight: [2]float64{math.NaN(), 1}}, "NaN weight"},
		{"criterion", s, ok, []model.Label{0, 1}, model.Config{Criterion: 9}, "unknown criterion"},
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
	plain := mustFit(t, s, X, y, model.Config{MaxDepth: 4, MinLeaf: 50, Trees: 1})
	bal := mustFit(t, s, X, y, model.Config{MaxDepth: 4, MinLeaf: 50, Trees: 1, Balanced: true})
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
