package train

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

// TestFitBoostBlend checks that a blend of depths is the mean, in
// log-odds, of the models boosted at each depth alone, that its file
// keeps the depths (format version 4, refused in an older version), and
// that the other trainers and out-of-range depths are refused.
func TestFitBoostBlend(t *testing.T) {
	s := model.Schema{Version: "test-1", Names: []string{"a", "b", "c"}}
	rng := rand.New(rand.NewPCG(7, 7))
	X, y := make([][]float64, 3000), make([]model.Label, 3000)
	for i := range X {
		X[i] = []float64{rng.Float64(), rng.Float64(), rng.Float64()}
		if X[i][0]*X[i][1]+0.3*X[i][2]+0.2*rng.Float64() > 0.5 {
			y[i] = model.Content
		}
	}
	cfg := model.Config{Trees: 15, MinLeaf: 3}
	members := map[int]*model.Model{}
	for _, d := range []int{2, 5} {
		c := cfg
		c.MaxDepth = d
		members[d] = mustBoost(t, s, X, y, c)
	}
	cfg.BlendDepths = []int{2, 5}
	blend := mustBoost(t, s, X, y, cfg)
	if blend.Params.MaxDepth != 5 || blend.NumTrees() != 30 {
		t.Fatalf("blend: max depth %d, %d trees; want 5 and 30", blend.Params.MaxDepth, blend.NumTrees())
	}
	for i, x := range X[:500] {
		want := (model.Logit(members[2].Predict(x)) + model.Logit(members[5].Predict(x))) / 2
		if got := model.Logit(blend.Predict(x)); math.Abs(got-want) > 1e-9 {
			t.Fatalf("row %d: log-odds %v, want the members' mean %v", i, got, want)
		}
	}
	file := saved(t, blend)
	if !bytes.Contains(file, []byte(`"version": 4`)) || !bytes.Contains(saved(t, members[5]), []byte(`"version": 2`)) {
		t.Fatal("a blend is not written as version 4, or a single model not as version 2")
	}
	loaded, err := model.Load(bytes.NewReader(file), s)
	if err != nil {
		t.Fatal(err)
	}
	if got := loaded.Params.BlendDepths; len(got) != 2 || got[0] != 2 || got[1] != 5 {
		t.Fatalf("loaded blend depths %v, want [2 5]", got)
	}
	if !bytes.Equal(saved(t, loaded), file) {
		t.Fatal("the loaded blend saves to other bytes")
	}
	if _, err := model.Load(bytes.NewReader(bytes.Replace(file, []byte(`"version": 4`), []byte(`"version": 3`), 1)), s); !errors.Is(err, model.ErrCorrupt) {
		t.Fatalf("blend depths in a version 3 file: %v, want ErrCorrupt", err)
	}
	for _, bad := range [][]int{{0, 6}, {6, MaxBoostDepth + 1}} {
		c := cfg
		c.BlendDepths = bad
		if _, err := FitBoost(s, X, y, c); err == nil {
			t.Errorf("blend depths %v accepted", bad)
		}
	}
	if _, err := Fit(s, X, y, model.Config{BlendDepths: []int{2, 5}}); err == nil {
		t.Error("a CART tree with blend depths was accepted")
	}
	if err := CheckConfig(TrainerCART, model.Config{BlendDepths: []int{2, 5}}); err == nil {
		t.Error("CheckConfig accepted blend depths for CART")
	}
}
