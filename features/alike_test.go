package features

import (
	"math"
	"slices"
	"testing"
)

// alikeCase is an alike feature's value expected of a block.
type alikeCase struct {
	block int
	name  string
	want  float64
}

func TestRecordsVectors(t *testing.T) {
	// Three posts of a thread, alike wherever they are, and a menu.
	p := parseString(t, `<html><body>
<div class="post"><div class="body"><p>first post here</p></div></div>
<ul class="menu"><li>Home</li></ul>
<div class="post"><div class="body"><p>a reply</p></div></div>
<div class="post"><div class="body"><p>another reply</p></div></div>
</body></html>`)
	if len(p.Blocks) != 4 {
		t.Fatalf("%d blocks, want 4", len(p.Blocks))
	}
	probs := []float64{0.8, 0.1, 0.2, 0.3}
	vecs := Vectors(p)
	sv := SmoothVectors(p, probs, vecs)
	nf, nr := NumSmoothFeatures(), NumRecordsFeatures()
	names := RecordsSmoothNames()
	at := func(name string) int { return slices.Index(names, name) }
	for _, alike := range []bool{true, false} {
		rv := RecordsVectors(p, probs, vecs, alike)
		if len(rv) != len(p.Blocks)*nr {
			t.Fatalf("%d values, want %d", len(rv), len(p.Blocks)*nr)
		}
		// Every other feature is the smoothing vector's, by name.
		for b := range p.Blocks {
			for k, name := range SmoothNames() {
				if got, want := rv[b*nr+at(name)], sv[b*nf+k]; got != want {
					t.Errorf("alike %v: block %d %s = %v, want the smoothing vector's %v", alike, b, name, got, want)
				}
			}
		}
		cases := []alikeCase{
			{0, "PAlikeMax", 0.3}, {2, "PAlikeMax", 0.8}, {3, "PAlikeMax", 0.8}, {0, "AlikeBlocks", 3},
			{2, "PAlike", (4*0.8 + 3*0.3) / 7}, // "first post here" 3 words, "another reply" 2
			{1, "PAlike", -1}, {1, "PAlikeMax", -1}, {1, "AlikeBlocks", 0},
		}
		if !alike {
			cases = cases[:0]
			for b := range p.Blocks {
				cases = append(cases, alikeCase{b, "PAlike", -1}, alikeCase{b, "PAlikeMax", -1}, alikeCase{b, "AlikeBlocks", 0})
			}
		}
		for _, c := range cases {
			if got := rv[c.block*nr+at(c.name)]; math.Abs(got-c.want) > 1e-12 {
				t.Errorf("alike %v: block %d %s = %v, want %v", alike, c.block, c.name, got, c.want)
			}
		}
	}
	if got := RecordsVectors(parseString(t, `<html><body></body></html>`), nil, nil, true); len(got) != 0 {
		t.Errorf("no blocks: %d values", len(got))
	}
}
