package model

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// TestOffsetFeature checks that a boosted model with an offset feature
// adds the log-odds of that feature's value to the score of the same trees
// without it, in Predict, PredictBatch (every layout: depths 3, 6 and 8)
// and Explain, and that its file keeps it.
func TestOffsetFeature(t *testing.T) {
	const nf = 6
	s := synthSchema(nf)
	rng := rand.New(rand.NewPCG(5, 5))
	X := make([]float64, 0, 300*nf)
	for range 300 {
		for range nf {
			X = append(X, rng.Float64())
		}
	}
	for _, depth := range []int{3, 6, 8} {
		m0 := randBoosted(t, nf, 5, depth, uint64(depth))
		params := m0.Params
		params.OffsetFeature = "f02"
		m1, err := NewBoosted(s, "test", params, m0.trees, m0.base)
		if err != nil {
			t.Fatal(err)
		}
		file := saved(t, m1)
		loaded, err := Load(bytes.NewReader(file), s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(file, []byte(`"version": 3`)) || !bytes.Contains(saved(t, m0), []byte(`"version": 2`)) {
			t.Fatal("a boosted model is not written as version 3 with an offset feature and 2 without")
		}
		if _, err := Load(bytes.NewReader(bytes.Replace(file, []byte(`"version": 3`), []byte(`"version": 2`), 1)), s); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("an offset feature in a version 2 file: %v, want ErrCorrupt", err)
		}
		batch := make([]float64, len(X)/nf)
		m1.PredictBatch(X, batch)
		for i := range batch {
			x := X[i*nf : (i+1)*nf]
			want := Logit(m0.Predict(x)) + Logit(x[2])
			if got := Logit(m1.Predict(x)); math.Abs(got-want) > 1e-6 {
				t.Fatalf("depth %d: row %d: log-odds %v, want the trees' %v plus the offset's %v", depth, i, got, Logit(m0.Predict(x)), Logit(x[2]))
			}
			if batch[i] != m1.Predict(x) {
				t.Fatalf("depth %d: row %d: PredictBatch %v, Predict %v", depth, i, batch[i], m1.Predict(x))
			}
			if p, _ := m1.Explain(x); p != m1.Predict(x) {
				t.Fatalf("depth %d: row %d: Explain %v, Predict %v", depth, i, p, m1.Predict(x))
			}
			if loaded.Predict(x) != m1.Predict(x) {
				t.Fatalf("depth %d: row %d: the loaded model gives %v, the saved one %v", depth, i, loaded.Predict(x), m1.Predict(x))
			}
		}
	}
}

func TestLogit(t *testing.T) {
	for _, c := range []struct{ p, want float64 }{
		{0.5, 0}, {math.NaN(), 0}, {1, math.Log((1 - 1e-6) / 1e-6)}, {0, math.Log(1e-6 / (1 - 1e-6))}, {2, math.Log((1 - 1e-6) / 1e-6)},
	} {
		if got := Logit(c.p); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("Logit(%v) = %v, want %v", c.p, got, c.want)
		}
	}
}

// TestOffsetFeatureRejected checks that an offset feature must be one of
// a boosted model's features.
func TestOffsetFeatureRejected(t *testing.T) {
	m := randBoosted(t, 4, 2, 2, 1)
	if _, err := NewBoosted(m.Schema, "test", Config{OffsetFeature: "nope"}, m.trees, m.base); err == nil {
		t.Error("an offset feature outside the schema was accepted")
	}
	s := synthSchema(2)
	tree := Tree{Feature: []int32{-1}, Threshold: []float64{0}, Left: []int32{-1}, Right: []int32{-1}, Counts: [][2]float64{{1, 1}}}
	if _, err := New(s, "test", Config{OffsetFeature: "f00"}, []Tree{tree}); err == nil {
		t.Error("a forest with an offset feature was accepted")
	}
}
