package model

import (
	"bytes"
	"math"
	"testing"
)

// FuzzLoad feeds Load arbitrary bytes, seeded with a real model file and
// damaged copies: it must never panic, and whatever it accepts must predict
// and save deterministically, with finite feature importances.
func FuzzLoad(f *testing.F) {
	good := saved(f, randForest(f, 6, 1, 4, 31))
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(saved(f, randBoosted(f, 6, 3, 3, 32)))
	f.Add([]byte(`{"format":"winnow-model","version":1}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(bytes.NewReader(data), Schema{})
		if err != nil {
			return
		}
		for i, v := range m.Importances() {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("importance %d is %v", i, v)
			}
		}
		x := make([]float64, len(m.Schema.Names))
		p1, p2 := m.Predict(x), m.Predict(x)
		if p1 != p2 || p1 < 0 || p1 > 1 {
			t.Fatalf("Predict %v then %v", p1, p2)
		}
		var a, b bytes.Buffer
		if err := m.Save(&a); err != nil {
			t.Fatal(err)
		}
		if err := m.Save(&b); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("Save not deterministic (%v)", err)
		}
	})
}
