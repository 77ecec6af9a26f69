package train

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

// TestFitBoostLearns checks that boosting recovers the synthetic rule (two
// tests, on features 2 and 5) and that more rounds fit it better.
func TestFitBoostLearns(t *testing.T) {
	s := synthSchema(8)
	X, y := synth(4000, 8, 11, 0)
	Xt, yt := synth(2000, 8, 12, 0)
	acc := func(m *model.Model) float64 { return accuracy(m, Xt, yt) }
	one := mustBoost(t, s, X, y, model.Config{Trees: 1, MaxDepth: 1, MinLeaf: 1})
	many := mustBoost(t, s, X, y, model.Config{Trees: 30, MinLeaf: 1})
	if a := acc(many); a < 0.99 {
		t.Errorf("30 rounds: accuracy %.4f on fresh rows of a noiseless two-test rule, want >= 0.99", a)
	}
	if acc(one) >= acc(many) {
		t.Errorf("one test (%.4f) fits as well as 30 rounds (%.4f)", acc(one), acc(many))
	}
	imp := many.Importances()
	for f, v := range imp {
		if f != 2 && f != 5 && v > imp[2] {
			t.Errorf("feature %d (importance %.3f) above the rule's feature 2 (%.3f)", f, v, imp[2])
		}
	}
	if many.Trainer != TrainerBoost || many.NumTrees() != 30 || many.Depth() > DefaultBoostDepth {
		t.Errorf("model: trainer %q, %d trees, depth %d", many.Trainer, many.NumTrees(), many.Depth())
	}
	if p := many.Params; p.LearningRate != DefaultLearningRate || p.L2 != DefaultL2 || p.Workers != 0 {
		t.Errorf("recorded params %+v: want the defaults filled in and no workers", p)
	}
}

// TestFitBoostDeterministic checks that the model file is a function of the
// data and the config, whatever the number of workers.
func TestFitBoostDeterministic(t *testing.T) {
	s := synthSchema(10)
	X, y := synth(3000, 10, 3, 0.1)
	var files [][]byte
	for _, w := range []int{1, 2, 5, 1} {
		files = append(files, saved(t, mustBoost(t, s, X, y, model.Config{Trees: 8, MaxDepth: 4, MinLeaf: 3, Workers: w})))
	}
	for i := 1; i < len(files); i++ {
		if !bytes.Equal(files[0], files[i]) {
			t.Fatalf("fit %d differs from fit 0", i)
		}
	}
	if !bytes.Contains(files[0], []byte(`"version": 2`)) || !bytes.Contains(files[0], []byte(`"link": "logistic"`)) {
		t.Errorf("a boosted model file should be version 2 with the logistic link:\n%.300s", files[0])
	}
}

// TestFitBoostRejects checks the boosted trainer's own config limits.
func TestFitBoostRejects(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(200, 6, 1, 0)
	for _, tc := range []struct {
		cfg  model.Config
		want string
	}{
		{model.Config{MaxDepth: MaxBoostDepth + 1}, "depth"},
		{model.Config{LearningRate: 1.5}, "learning rate"},
		{model.Config{LearningRate: math.NaN()}, "learning rate"},
		{model.Config{L2: -1}, "L2"},
		{model.Config{Trees: MaxTrees + 1}, "trees"},
	} {
		if _, err := FitBoost(s, X, y, tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want an error about %s", tc.cfg, err, tc.want)
		}
	}
}

// TestFitBoostMissingValues is TestFitMissingValues for boosting.
func TestFitBoostMissingValues(t *testing.T) {
	s, X, y := missingRows()
	m := mustBoost(t, s, X, y, model.Config{Trees: 20, MaxDepth: 1, MinLeaf: 1})
	for _, tc := range []struct {
		name    string
		x       []float64
		content bool
	}{
		{"missing", []float64{math.NaN(), 0, 0, 0, 0, 0}, true},
		{"present", []float64{3, 0, 0, 0, 0, 0}, false},
		{"unseen large", []float64{1e9, 0, 0, 0, 0, 0}, false},
	} {
		if p := m.Predict(tc.x); (p > 0.99) != tc.content || (p < 0.01) == tc.content {
			t.Errorf("%s: P(content) %v, want it near %v", tc.name, p, tc.content)
		}
	}
}
