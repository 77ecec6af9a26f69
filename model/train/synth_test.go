package train

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

// synthSchema names nf features f00, f01, ...
func synthSchema(nf int) model.Schema {
	s := model.Schema{Version: "test-1"}
	for i := range nf {
		s.Names = append(s.Names, fmt.Sprintf("f%02d", i))
	}
	return s
}

// synth draws n rows of nf features with a seeded PCG. Even features are
// uniform in [0,1), odd ones small integer counts (0..20), like word counts.
// The label is content iff x[2] >= 0.5 and x[5] < 8, flipped with
// probability noise.
func synth(n, nf int, seed uint64, noise float64) ([][]float64, []model.Label) {
	rng := rand.New(rand.NewPCG(seed, 99))
	backing := make([]float64, n*nf)
	X := make([][]float64, n)
	y := make([]model.Label, n)
	for i := range n {
		x := backing[i*nf : (i+1)*nf]
		for f := range x {
			if f%2 == 0 {
				x[f] = rng.Float64()
			} else {
				x[f] = float64(rng.IntN(21))
			}
		}
		X[i] = x
		if x[2] >= 0.5 && x[5] < 8 {
			y[i] = model.Content
		}
		if rng.Float64() < noise {
			y[i] ^= 1
		}
	}
	return X, y
}

// fitFunc is a trainer's fit: Fit or FitBoost.
type fitFunc = func(model.Schema, [][]float64, []model.Label, model.Config) (*model.Model, error)

// mustTrain trains with fit and fails t on an error; mustFit and mustBoost
// name the two trainers.
func mustTrain(t testing.TB, fit fitFunc, s model.Schema, X [][]float64, y []model.Label, cfg model.Config) *model.Model {
	t.Helper()
	m, err := fit(s, X, y, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mustFit(t testing.TB, s model.Schema, X [][]float64, y []model.Label, cfg model.Config) *model.Model {
	t.Helper()
	return mustTrain(t, Fit, s, X, y, cfg)
}

func mustBoost(t testing.TB, s model.Schema, X [][]float64, y []model.Label, cfg model.Config) *model.Model {
	t.Helper()
	return mustTrain(t, FitBoost, s, X, y, cfg)
}

// saved returns m's model file, failing t if Save fails.
func saved(t testing.TB, m *model.Model) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// accuracy is the share of the rows X whose label y m predicts (P ≥ 0.5
// for content).
func accuracy(m *model.Model, X [][]float64, y []model.Label) float64 {
	right := 0
	for i, x := range X {
		if (m.Predict(x) >= 0.5) == (y[i] == model.Content) {
			right++
		}
	}
	return float64(right) / float64(len(X))
}
