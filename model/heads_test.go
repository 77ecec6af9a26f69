package model

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestHeadsRoundTrip(t *testing.T) {
	h := &Heads{Names: []string{"comment", "title"}, Models: []*Model{randBoosted(t, 6, 3, 3, 1), randBoosted(t, 6, 2, 2, 2)}}
	var a, b bytes.Buffer
	if err := h.Save(&a); err != nil {
		t.Fatal(err)
	}
	if err := h.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two saves of the same heads differ")
	}
	got, err := LoadHeads(bytes.NewReader(a.Bytes()), synthSchema(6))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got.Names, ",") != "comment,title" {
		t.Fatalf("names %v", got.Names)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100 {
		v := make([]float64, 6)
		for i := range v {
			v[i] = rng.Float64()
		}
		for i, m := range h.Models {
			if p, q := m.Predict(v), got.Head(h.Names[i]).Predict(v); p != q {
				t.Fatalf("head %s: %v after loading, %v before", h.Names[i], q, p)
			}
		}
	}
	if got.Head("byline") != nil {
		t.Fatal("a head that is not there was found")
	}
	if _, err := LoadHeads(bytes.NewReader(a.Bytes()), synthSchema(5)); !errors.Is(err, ErrSchemaMismatch) {
		t.Fatalf("other schema: %v, want ErrSchemaMismatch", err)
	}
	bad := bytes.Replace(a.Bytes(), []byte(`"base":`), []byte(`"base": 1e-9+`), 1)
	if _, err := LoadHeads(bytes.NewReader(bad), synthSchema(6)); err == nil {
		t.Fatal("an edited head loaded")
	}
	if _, err := LoadHeads(strings.NewReader(`{"format":"winnow-model"}`), synthSchema(6)); !errors.Is(err, ErrNotModel) {
		t.Fatalf("a model file as heads: %v, want ErrNotModel", err)
	}
}

func TestHeadsSaveRefusesRepeatedNames(t *testing.T) {
	m := randBoosted(t, 4, 1, 2, 1)
	h := &Heads{Names: []string{"a", "a"}, Models: []*Model{m, m}}
	if err := h.Save(&bytes.Buffer{}); err == nil {
		t.Fatal("repeated names saved")
	}
}
