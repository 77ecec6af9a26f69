package features

import (
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/features/page"
)

// FuzzVectors parses arbitrary bytes and computes their feature vectors:
// one vector per block, each of NumFeatures finite values, the same on a
// second call, and the page left as it was (Vectors is pure).
func FuzzVectors(f *testing.F) {
	addPageSeeds(f)
	f.Add([]byte(`<title>A title</title><h1>A title</h1><nav class="menu"><a href="/">Home</a></nav>` +
		`<article><p>Words, words. More words!</p><table><tr><td>1</td><td>2 3</td></tr></table></article>`))
	f.Add([]byte(strings.Repeat("<div>", 500) + "deep"))
	f.Add([]byte("<p>" + strings.Repeat("<a href=x>link</a> ", 200) + "</p>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := page.ParseBytes(in, page.Options{MaxBlocks: 2000})
		if err != nil {
			return
		}
		saved := clonePage(p)
		v1 := Vectors(p)
		v2 := Vectors(p)
		if len(v1) != len(p.Blocks) {
			t.Fatalf("%d vectors for %d blocks", len(v1), len(p.Blocks))
		}
		for i, v := range v1 {
			if len(v) != NumFeatures() {
				t.Fatalf("vector %d has %d values, want %d", i, len(v), NumFeatures())
			}
			for j, x := range v {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("block %d %q: %s = %v", i, p.Blocks[i].Text, Names()[j], x)
				}
				if x != v2[i][j] {
					t.Fatalf("block %d: %s = %v, then %v", i, Names()[j], x, v2[i][j])
				}
			}
		}
		if !reflect.DeepEqual(saved, p) {
			t.Fatal("Vectors changed the page")
		}
	})
}

// clonePage copies p deeply enough to tell whether Vectors wrote to it.
func clonePage(p *page.Page) *page.Page {
	c := *p
	c.Blocks = slices.Clone(p.Blocks) // nil stays nil
	c.Elements = slices.Clone(p.Elements)
	for i, e := range p.Elements {
		c.Elements[i].Classes = slices.Clone(e.Classes)
	}
	for i, b := range p.Blocks {
		b.Marks = maps.Clone(b.Marks)
		c.Blocks[i] = b
	}
	return &c
}
