package features

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestSmoothVectors(t *testing.T) {
	p := parseString(t, `<html><body>
<div><p>one two three</p><p>four five</p></div>
<div class="related"><p>six</p><p><a href="/x">seven</a> eight. Nine ten.</p></div>
</body></html>`)
	if len(p.Blocks) != 4 {
		t.Fatalf("%d blocks, want 4", len(p.Blocks))
	}
	probs := []float64{0.9, 0.2, 0.6, 0.1}
	vecs := Vectors(p)
	flat := SmoothVectors(p, probs, vecs)
	nf := NumSmoothFeatures()
	if len(flat) != 4*nf {
		t.Fatalf("%d values, want %d", len(flat), 4*nf)
	}
	get := func(i int, name string) float64 {
		for k, n := range SmoothNames() {
			if n == name {
				return flat[i*nf+k]
			}
		}
		t.Fatalf("no feature %s", name)
		return 0
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	for _, c := range []struct {
		block int
		name  string
		want  float64
	}{
		{0, "P", 0.9}, {0, "PPrev", -1}, {0, "PNext", 0.2}, {3, "PNext", -1}, {2, "PPrev2", 0.9},
		{0, "PWindow", (0.2 + 0.6 + 0.1) / 3},
		// The other block of its container, words+1 = 3.
		{0, "PContainer", 0.2}, {0, "ContainerBlockCount", 2},
		{3, "PContainer", 0.6},
		{1, "PMax", 0.9},
		// Kept: blocks 0 (3 words) and 2 (1 word).
		{1, "KeptWordsBefore", 0.75}, {1, "KeptWordsAfter", 0.25}, {0, "KeptWordsBefore", 0}, {0, "KeptWordsAfter", 0.25},
		{0, "KeptDistanceBefore", -1}, {1, "KeptDistanceBefore", 1}, {3, "KeptDistanceBefore", 1},
		{0, "KeptDistanceAfter", 2}, {2, "KeptDistanceAfter", -1}, {3, "KeptDistanceAfter", -1},
		{3, "PRank", 0}, {0, "PRank", 0.75},
		{0, "PPage", (4*0.9 + 3*0.2 + 2*0.6 + 5*0.1) / 14},
		{3, "BlockWords", 4}, {3, "BlockPosition", 1}, {1, "BlockPosition", 1.0 / 3}, {0, "BlockHeading", 0}, {0, "BlockLinkDensity", 0},
		{3, "OwnStartsWithLink", 1}, {0, "OwnStartsWithLink", 0}, {3, "OwnEndsWithPunct", 1}, {0, "OwnEndsWithPunct", 0},
	} {
		if got := get(c.block, c.name); !near(got, c.want) {
			t.Errorf("block %d %s = %v, want %v", c.block, c.name, got, c.want)
		}
	}
	// The own features are the block vectors' values, in SmoothOwnNames' order.
	names := Names()
	for i, v := range vecs {
		for _, n := range SmoothOwnNames() {
			k := slices.Index(names, strings.TrimPrefix(n, "Own"))
			if got := get(i, n); got != v[k] {
				t.Errorf("block %d %s = %v, its vector's %s %v", i, n, got, names[k], v[k])
			}
		}
	}
	if get(3, "OwnNearRelated") == get(0, "OwnNearRelated") {
		t.Errorf("OwnNearRelated %v under a related box and outside it", get(3, "OwnNearRelated"))
	}
	if len(SmoothNames()) != nf || NumSmoothOwn() != len(SmoothOwnNames()) || !slices.Equal(SmoothNames()[nf-NumSmoothOwn():], SmoothOwnNames()) {
		t.Errorf("%d names, want %d, ending with the %d own ones", len(SmoothNames()), nf, NumSmoothOwn())
	}
	// Filled in place, as the extractor fills them: the own values set
	// chunk by chunk from flat block vectors, the rest filled after.
	inPlace := make([]float64, len(flat))
	for i := range inPlace {
		inPlace[i] = 7 // FillSmoothVectors must not read what was there
	}
	nv := len(names)
	flatVecs := slices.Concat(vecs...)
	SetSmoothOwn(inPlace, 0, flatVecs[:2*nv])
	SetSmoothOwn(inPlace, 2, flatVecs[2*nv:])
	FillSmoothVectors(inPlace, p, probs)
	if !slices.Equal(inPlace, flat) {
		t.Errorf("filled in place:\n%v\nSmoothVectors:\n%v", inPlace, flat)
	}
	if got := SmoothVectors(parseString(t, `<html><body></body></html>`), nil, nil); len(got) != 0 {
		t.Errorf("a page without blocks: %d values", len(got))
	}
}
