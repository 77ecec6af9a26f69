package train

import (
	"math/rand/v2"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

// TestFitBoostOffset checks that boosting with an offset feature starts
// from it: the label is the offset's verdict (P ≥ 0.5) where another
// feature is low and content where it is high, and P is excluded from the
// splits, so only a model that starts from P's log-odds and learns the
// correction on the other feature can fit it.
func TestFitBoostOffset(t *testing.T) {
	s := model.Schema{Version: "test-1", Names: []string{"P", "other"}}
	draw := func(n int, seed uint64) ([][]float64, []model.Label) {
		rng := rand.New(rand.NewPCG(seed, 3))
		X, y := make([][]float64, n), make([]model.Label, n)
		for i := range X {
			X[i] = []float64{0.05 + 0.9*rng.Float64(), rng.Float64()}
			if X[i][0] >= 0.5 || X[i][1] >= 0.8 {
				y[i] = model.Content
			}
		}
		return X, y
	}
	X, y := draw(4000, 1)
	Xt, yt := draw(2000, 2)
	acc := func(m *model.Model) float64 { return accuracy(m, Xt, yt) }
	cfg := model.Config{Trees: 20, MaxDepth: 1, MinLeaf: 1, Exclude: []string{"P"}, OffsetFeature: "P"}
	with := mustBoost(t, s, X, y, cfg)
	cfg.OffsetFeature = ""
	without := mustBoost(t, s, X, y, cfg)
	if a := acc(with); a < 0.99 {
		t.Errorf("from the offset: accuracy %.4f, want >= 0.99", a)
	}
	if a := acc(without); a > 0.8 {
		t.Errorf("without the offset, P excluded: accuracy %.4f; the test cannot tell", a)
	}
	if with.Params.OffsetFeature != "P" {
		t.Errorf("Params.OffsetFeature = %q, want P", with.Params.OffsetFeature)
	}
	cfg.OffsetFeature = "nope"
	if _, err := FitBoost(s, X, y, cfg); err == nil {
		t.Error("an offset feature outside the schema was accepted")
	}
	if _, err := Fit(s, X, y, model.Config{OffsetFeature: "P"}); err == nil {
		t.Error("a CART tree with an offset feature was accepted")
	}
}
