package winnow

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

func TestSmoother(t *testing.T) {
	h, err := DefaultSmoother()
	if err != nil {
		t.Fatal(err)
	}
	if h.Head(SmootherHead) == nil {
		t.Fatalf("the embedded smoothing model has no %q head: %v", SmootherHead, h.Names)
	}
	b, err := os.ReadFile("testdata/seed/news.html")
	if err != nil {
		t.Fatal(err)
	}
	probsOf := func(opts ...Option) []float64 {
		t.Helper()
		x, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		a, err := x.ExtractBytes(b)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]float64, len(a.Blocks))
		for i, bl := range a.Blocks {
			out[i] = bl.Probability
		}
		return out
	}
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	smoothed, alone := probsOf(), probsOf(WithSmoother(nil))
	given, givenSmoothed := probsOf(WithModel(m)), probsOf(WithModel(m), WithSmoother(h))
	x, err := New(WithSmoother(nil))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := x.ExtractBytes(b)
	p, err := page.ParseBytes(b, x.cfg.parse)
	if err != nil {
		t.Fatal(err)
	}
	vecs := features.Vectors(p)
	for i := range alone {
		if want := m.Predict(vecs[i]); alone[i] != want {
			t.Fatalf("WithSmoother(nil): block %d P %v, want the block model's %v", i, alone[i], want)
		}
		if given[i] != alone[i] {
			t.Errorf("WithModel without WithSmoother: block %d P %v, want the block model's %v", i, given[i], alone[i])
		}
		if givenSmoothed[i] != smoothed[i] {
			t.Errorf("WithModel and WithSmoother: block %d P %v, want the default's %v", i, givenSmoothed[i], smoothed[i])
		}
	}
	if len(a.Blocks) != len(smoothed) || slices.Equal(smoothed, alone) {
		t.Error("the embedded smoothing model changes no probability on the seed page")
	}
	roles, err := os.ReadFile("model/roles.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSmoother(bytes.NewReader(roles)); !errors.Is(err, model.ErrSchemaMismatch) {
		t.Errorf("role models read as a smoothing model: %v, want a schema mismatch", err)
	}
}
