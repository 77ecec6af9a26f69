package features

import (
	"slices"
	"sync"

	"github.com/winnow-dev/winnow/features/page"
)

// RecordsSchemaVersion names the records smoothing features
// (RecordsSmoothNames); a records smoothing model trained on another
// version is refused.
const RecordsSchemaVersion = "winnow-smooth-5"

// alikeFeatures are the features of the blocks that look like a block: the
// same tags and class and id tokens on its block element and that
// element's two nearest block-level ancestors (elementSignature without
// its anchor), wherever they are on the page (the posts of a thread, the
// items of a listing, the links of a menu), so that a record can be
// decided with the records like it.
var alikeFeatures = []feature{
	{"PAlike", "mean P of the other blocks that look like it, weighed by words+1 (-1: none)"},
	{"PAlikeMax", "the highest P of the other blocks that look like it (-1: none)"},
	{"AlikeBlocks", "blocks that look like it, itself included (0: none other)"},
}

// recordsNames are the smoothing features with the alike features between
// the neighbourhood's and the block's own.
var recordsNames = slices.Concat(featureNames(smoothFeatures), featureNames(alikeFeatures), smoothOwnNames)

// RecordsSmoothNames returns the records smoothing feature names, in
// vector order: SmoothNames with the alike features (PAlike, PAlikeMax,
// AlikeBlocks) before the block's own.
func RecordsSmoothNames() []string { return slices.Clone(recordsNames) }

// NumRecordsFeatures is len(RecordsSmoothNames()).
func NumRecordsFeatures() int { return len(recordsNames) }

// RecordsVectors returns the records smoothing vectors of p's blocks (one
// row of NumRecordsFeatures values per block, in one flat slice) given
// probs and vecs as SmoothVectors takes them; the alike features are read
// when alike is true and say "none" otherwise. It panics as SmoothVectors
// does.
func RecordsVectors(p *page.Page, probs []float64, vecs [][]float64, alike bool) []float64 {
	out := make([]float64, len(p.Blocks)*len(recordsNames))
	FillRecordsVectors(out, SmoothVectors(p, probs, vecs), p, probs, alike)
	return out
}

// FillRecordsVectors fills the records smoothing vectors dst of p's blocks
// (NumRecordsFeatures values per block) from their smoothing vectors sv
// (NumSmoothFeatures values per block, filled: SetSmoothOwn and
// FillSmoothVectors) and probs, the block model's probabilities of
// content: each row is sv's row with the alike features put before the
// block's own ones, read when alike is true and -1, -1, 0 ("none")
// otherwise. It panics if the lengths do not fit p.Blocks.
func FillRecordsVectors(dst, sv []float64, p *page.Page, probs []float64, alike bool) {
	n, ns, nr, nb := len(p.Blocks), len(smoothNames), len(recordsNames), len(smoothFeatures)
	if len(probs) != n || len(sv) != n*ns || len(dst) != n*nr {
		panic("features: FillRecordsVectors: one probability and one row per block needed")
	}
	var groups []alikeGroup
	var of []int32
	if alike && n > 0 {
		sc, _ := alikeScratch.Get().(*alikeBufs)
		if sc == nil {
			sc = new(alikeBufs)
		}
		defer alikeScratch.Put(sc)
		of = sc.group(p, probs)
		groups = sc.groups
	}
	for i := range n {
		row, src := dst[i*nr:(i+1)*nr], sv[i*ns:(i+1)*ns]
		copy(row, src[:nb])
		copy(row[nb+len(alikeFeatures):], src[nb:])
		a := row[nb : nb+len(alikeFeatures)]
		a[0], a[1], a[2] = -1, -1, 0
		if of == nil {
			continue
		}
		if g := &groups[of[i]]; g.blocks > 1 {
			w, pr := float64(p.Blocks[i].Words)+1, probs[i]
			a[0] = (g.sum - w*pr) / (g.weight - w)
			a[1] = g.max
			if g.maxAt == i {
				a[1] = g.second
			}
			a[2] = g.blocks
		}
	}
}

// alikeGroup sums the blocks of one signature.
type alikeGroup struct {
	blocks, sum, weight float64 // blocks; sums of (words+1)·P and of words+1
	max, second         float64 // the two highest P
	maxAt               int     // the block of the highest
}

// alikeBufs is the working memory of FillRecordsVectors, kept between
// calls in alikeScratch.
type alikeBufs struct {
	of     []int32
	groups []alikeGroup
	index  map[uint64]int32
}

var alikeScratch sync.Pool

// group puts p's blocks into groups by the signature of their block
// element (elementSignature without the class vocabulary), in sc.groups,
// and returns each block's group.
func (sc *alikeBufs) group(p *page.Page, probs []float64) []int32 {
	if sc.index == nil {
		sc.index = make(map[uint64]int32)
	}
	clear(sc.index)
	sc.of = slices.Grow(sc.of[:0], len(p.Blocks))[:len(p.Blocks)]
	sc.groups = sc.groups[:0]
	lastElem, last := -1, int32(-1)
	for i := range p.Blocks {
		b := &p.Blocks[i]
		g := last
		if e := b.Element; i == 0 || e != lastElem {
			sig, _ := elementSignature(p, e, nil)
			var ok bool
			if g, ok = sc.index[sig]; !ok {
				g = int32(len(sc.groups))
				sc.index[sig] = g
				sc.groups = append(sc.groups, alikeGroup{max: -1, second: -1, maxAt: -1})
			}
			lastElem, last = e, g
		}
		sc.of[i] = g
		ag := &sc.groups[g]
		w, pr := float64(b.Words)+1, probs[i]
		ag.blocks++
		ag.sum += w * pr
		ag.weight += w
		switch {
		case pr > ag.max:
			ag.second, ag.max, ag.maxAt = ag.max, pr, i
		case pr > ag.second:
			ag.second = pr
		}
	}
	return sc.of
}
