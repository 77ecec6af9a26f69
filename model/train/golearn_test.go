package train

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/evaluation"
	"github.com/winnow-dev/winnow/model"
)

func TestInstancesRoundTrip(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(300, 6, 4, 0.1)
	g, err := NewInstances(s, X, y)
	if err != nil {
		t.Fatal(err)
	}
	gs, gX, gy, err := FromInstances(g)
	if err != nil {
		t.Fatal(err)
	}
	if !gs.Equal(s) {
		t.Errorf("schema %+v, want %+v (the version must travel with the grid)", gs, s)
	}
	for i := range X {
		if gy[i] != y[i] {
			t.Fatalf("row %d: label %v, want %v", i, gy[i], y[i])
		}
		for f := range X[i] {
			if gX[i][f] != X[i][f] {
				t.Fatalf("row %d feature %d: %v, want %v", i, f, gX[i][f], X[i][f])
			}
		}
	}
	if got := base.GetClass(g, 0); got != y[0].String() {
		t.Errorf("golearn class %q, want %q", got, y[0])
	}
	if !strings.Contains(g.String(), "f05") {
		t.Errorf("grid summary lacks the feature names: %s", g.String())
	}
	// golearn's own split gives views, which lose the schema version but
	// train and predict.
	train, test := base.InstancesTrainTestSplit(g, 0.3)
	tr := NewTreeLearner(model.Config{MaxDepth: 3, Trees: 1, MinLeaf: 1})
	if err := tr.Fit(train); err != nil {
		t.Fatal(err)
	}
	pred, err := tr.Predict(test)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := evaluation.GetConfusionMatrix(test, pred); err != nil {
		t.Fatal(err)
	}
}

func TestNewInstancesRejects(t *testing.T) {
	for _, tc := range []struct {
		name   string
		s      model.Schema
		X      [][]float64
		y      []model.Label
		reason string
	}{
		{"class name", model.Schema{Names: []string{"a", ClassAttribute}}, [][]float64{{1, 2}}, []model.Label{0}, "a feature may not shadow the class attribute"},
		{"ragged", model.Schema{Names: []string{"a", "b"}}, [][]float64{{1}}, []model.Label{0}, "rows must match the schema"},
		{"no rows", model.Schema{Names: []string{"a"}}, nil, nil, "an empty grid trains nothing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := NewInstances(tc.s, tc.X, tc.y); err == nil {
				t.Errorf("no error: %s", tc.reason)
			}
		})
	}
}

func TestTrainers(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(400, 6, 8, 0.05)
	g, err := NewInstances(s, X, y)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range TrainerNames() {
		t.Run(name, func(t *testing.T) {
			tr, err := NewTrainer(name, model.Config{MaxDepth: 5})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tr.Model(); !errors.Is(err, ErrNotFitted) {
				t.Errorf("Model before Fit: %v, want ErrNotFitted", err)
			}
			if _, err := tr.Predict(g); !errors.Is(err, ErrNotFitted) {
				t.Errorf("Predict before Fit: %v, want ErrNotFitted", err)
			}
			if err := tr.Fit(g); err != nil {
				t.Fatal(err)
			}
			m, err := tr.Model()
			if err != nil {
				t.Fatal(err)
			}
			if m.Trainer != name || !m.Schema.Equal(s) {
				t.Errorf("model trainer %q schema %v, want %q and the grid's schema", m.Trainer, m.Schema, name)
			}
			pred, err := tr.Predict(g)
			if err != nil {
				t.Fatal(err)
			}
			cm, err := evaluation.GetConfusionMatrix(g, pred)
			if err != nil {
				t.Fatal(err)
			}
			correct := cm["content"]["content"] + cm["boilerplate"]["boilerplate"]
			if acc := float64(correct) / float64(len(X)); acc < 0.9 {
				t.Errorf("training accuracy %v from golearn's confusion matrix %v, want >= 0.9", acc, cm)
			}
			for i, x := range X {
				if got := base.GetClass(pred, i); got != m.Label(x).String() {
					t.Fatalf("row %d: grid says %s, model %v", i, got, m.Label(x))
				}
			}
			if tr.String() == "" || tr.GetMetadata().ClassifierName == "" {
				t.Error("empty String or metadata")
			}
			for _, err := range []error{tr.Save("x"), tr.Load("x"), tr.SaveWithPrefix(nil, ""), tr.LoadWithPrefix(nil, "")} {
				if !errors.Is(err, ErrUnsupported) {
					t.Errorf("got %v, want ErrUnsupported", err)
				}
			}
		})
	}
	if _, err := NewTrainer("id3", model.Config{}); !errors.Is(err, ErrUnknownTrainer) {
		t.Errorf("unknown trainer: %v", err)
	}
}

// TestGolearnCARTConversion checks the converted tree against golearn's own
// Predict on every training row, for both criteria and a depth limit.
func TestGolearnCARTConversion(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(300, 6, 12, 0.1)
	g, err := NewInstances(s, X, y)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		cfg    model.Config
		reason string
	}{
		{"gini", model.Config{MaxDepth: 6}, "default criterion"},
		{"entropy", model.Config{Criterion: model.Entropy, MaxDepth: 6}, "entropy is passed through by name"},
		{"shallow", model.Config{MaxDepth: 2}, "depth limit: golearn keeps parent labels at cut-off nodes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewGolearnCART(tc.cfg)
			if err := c.Fit(g); err != nil {
				t.Fatal(err)
			}
			m, _ := c.Model()
			want := c.cart.Predict(floatClassInstances(s, X, y, nil))
			for i, x := range X {
				if got := m.Label(x); int64(got) != want[i] {
					t.Fatalf("%s: row %d: converted model says %v, golearn %d", tc.reason, i, got, want[i])
				}
			}
			if m.Depth() > tc.cfg.MaxDepth {
				t.Errorf("depth %d above limit %d", m.Depth(), tc.cfg.MaxDepth)
			}
		})
	}
}

// TestGolearnCARTAgreesWithCART compares the reference and our trainer on a
// small noise-free set: both must find the rule.
func TestGolearnCARTAgreesWithCART(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(400, 6, 13, 0)
	g, err := NewInstances(s, X, y)
	if err != nil {
		t.Fatal(err)
	}
	ref := NewGolearnCART(model.Config{MaxDepth: 4})
	if err := ref.Fit(g); err != nil {
		t.Fatal(err)
	}
	rm, _ := ref.Model()
	ours := mustFit(t, s, X, y, model.Config{MaxDepth: 4, Trees: 1, MinLeaf: 1})
	Xt, _ := synth(1000, 6, 14, 0)
	differ := 0
	for _, x := range Xt {
		if rm.Label(x) != ours.Label(x) {
			differ++
		}
	}
	if differ > 20 {
		t.Errorf("golearn-cart and cart disagree on %d of 1000 fresh rows", differ)
	}
}

func TestGolearnCARTNoSplit(t *testing.T) {
	s := synthSchema(2)
	X := [][]float64{{1, 1}, {1, 1}, {1, 1}}
	y := []model.Label{model.Content, model.Boilerplate, model.Content}
	g, err := NewInstances(s, X, y)
	if err != nil {
		t.Fatal(err)
	}
	c := NewGolearnCART(model.Config{})
	if err := c.Fit(g); err != nil {
		t.Fatal(err)
	}
	m, _ := c.Model()
	if m.NumNodes() != 1 || m.Predict([]float64{5, 5}) != 2.0/3 {
		t.Errorf("constant features: %d nodes, p %v; want one leaf with p 2/3", m.NumNodes(), m.Predict([]float64{5, 5}))
	}
}

func TestTreeLearnerEqualsFit(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(2000, 6, 41, 0.1)
	g, err := NewInstances(s, X, y)
	if err != nil {
		t.Fatal(err)
	}
	cfg := model.Config{MaxDepth: 6, MinLeaf: 5, Trees: 3, Seed: 2}
	tr := NewTreeLearner(cfg)
	if err := tr.Fit(g); err != nil {
		t.Fatal(err)
	}
	viaGrid, _ := tr.Model()
	direct := mustFit(t, s, X, y, cfg)
	if !bytes.Equal(saved(t, viaGrid), saved(t, direct)) {
		t.Error("TreeLearner.Fit on the grid and Fit on the rows give different model files")
	}
}
