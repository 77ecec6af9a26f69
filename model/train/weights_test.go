package train

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

// weighRows are rows of two features, f00 a word count and f01 a flag that
// the label follows only where the words are: at f01 = 1, one row of 100
// words is content and ten rows of no words are boilerplate.
func weighRows() (model.Schema, [][]float64, []model.Label) {
	s := model.Schema{Version: "test-1", Names: []string{"f00", "f01"}}
	var X [][]float64
	var y []model.Label
	for i := range 40 {
		X, y = append(X, []float64{0, 0}), append(y, model.Boilerplate)
		if i%4 == 0 {
			X, y = append(X, []float64{0, 0}), append(y, model.Content)
		}
	}
	X, y = append(X, []float64{99, 1}), append(y, model.Content)
	for range 10 {
		X, y = append(X, []float64{0, 1}), append(y, model.Boilerplate)
	}
	return s, X, y
}

// TestFitBoostWeightFeature checks that rows weighed by a word count
// decide by words: the block of 99 words outweighs ten of none, which it
// does not when every row weighs 1.
func TestFitBoostWeightFeature(t *testing.T) {
	s, X, y := weighRows()
	cfg := model.Config{Trees: 20, MaxDepth: 2, MinLeaf: 1, Exclude: []string{"f00"}}
	plain := mustBoost(t, s, X, y, cfg)
	cfg.WeightFeature = "f00"
	weighed := mustBoost(t, s, X, y, cfg)
	if p := plain.Predict([]float64{0, 1}); p >= 0.5 {
		t.Errorf("every row 1: P(content) at f01 = 1 is %.3f, want below 0.5 (1 content row, 10 boilerplate)", p)
	}
	if p := weighed.Predict([]float64{0, 1}); p <= 0.5 {
		t.Errorf("rows weighed by f00: P(content) at f01 = 1 is %.3f, want above 0.5 (100 words of content, 10 of boilerplate)", p)
	}
	if weighed.Params.WeightFeature != "f00" || plain.Params.WeightFeature != "" {
		t.Errorf("recorded weight features %q and %q, want f00 and none", weighed.Params.WeightFeature, plain.Params.WeightFeature)
	}
	// The model file says how it was weighed, and the same inputs give the
	// same file.
	if !bytes.Contains(saved(t, weighed), []byte(`"weight_feature":"f00"`)) {
		t.Errorf("model file does not record the weight feature")
	}
	if !bytes.Equal(saved(t, weighed), saved(t, mustBoost(t, s, X, y, cfg))) {
		t.Errorf("two fits with the same weights differ")
	}
	if bytes.Contains(saved(t, plain), []byte("weight_feature")) {
		t.Errorf("a model of unweighed rows records a weight feature")
	}
}

// TestWeightFeatureErrors checks the weights FitBoost refuses, and that
// only boosting weighs rows.
func TestWeightFeatureErrors(t *testing.T) {
	s, X, y := weighRows()
	neg := append([][]float64{{-1, 0}}, X[1:]...)
	nan := append([][]float64{{math.NaN(), 0}}, X[1:]...)
	inf := append([][]float64{{math.Inf(1), 0}}, X[1:]...)
	for _, tc := range []struct {
		name    string
		X       [][]float64
		feature string
		want    string
	}{
		{"unknown feature", X, "Words", `weight feature "Words" is not in the schema test-1`},
		{"negative", neg, "f00", "row 0: weight feature f00 is -1"},
		{"NaN", nan, "f00", "row 0: weight feature f00 is NaN"},
		{"infinite", inf, "f00", "row 0: weight feature f00 is +Inf"},
	} {
		_, err := FitBoost(s, tc.X, y, model.Config{Trees: 2, WeightFeature: tc.feature})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one saying %q", tc.name, err, tc.want)
		}
	}
	cfg := model.Config{WeightFeature: "f00"}
	if _, err := Fit(s, X, y, cfg); err == nil || !strings.Contains(err.Error(), "only FitBoost weighs rows") {
		t.Errorf("Fit with a weight feature: err = %v, want a refusal", err)
	}
	grid, err := NewInstances(s, X, y)
	if err != nil {
		t.Fatal(err)
	}
	if err := NewGolearnCART(model.Config{Trees: 1, WeightFeature: "f00"}).Fit(grid); err == nil || !strings.Contains(err.Error(), "only FitBoost weighs rows") {
		t.Errorf("golearn CART with a weight feature: err = %v, want a refusal", err)
	}
	for _, tr := range []string{TrainerCART, TrainerGolearnCART} {
		c := cfg
		if tr == TrainerGolearnCART {
			c.Trees = 1
		}
		if err := CheckConfig(tr, c); err == nil || !strings.Contains(err.Error(), "only the boost trainer weighs rows") {
			t.Errorf("CheckConfig(%s) with a weight feature: err = %v, want a refusal", tr, err)
		}
	}
	if err := CheckConfig(TrainerBoost, cfg); err != nil {
		t.Errorf("CheckConfig(boost) with a weight feature: %v", err)
	}
}
