package features

import (
	"slices"
	"sort"
	"sync"

	"github.com/winnow-dev/winnow/features/page"
)

// SmoothSchemaVersion names the smoothing features (SmoothNames); a
// smoothing model trained on another version is refused.
const SmoothSchemaVersion = "winnow-smooth-3"

// smoothKeep is the probability at which a block counts as kept for the
// smoothing features that look at kept blocks: the default threshold.
const smoothKeep = 0.5

// smoothFeatures are the smoothing features of one block: what the block
// model's probabilities of content (P) say about the block and the blocks
// around it in the page's order and in its tree. A second model trained on
// them (the smoothing model) decides the block from its neighbourhood, as
// hand-written smoothing rules used to. "Missing" values are -1.
var smoothFeatures = []feature{
	{"P", "the block's P"},
	{"PPrev", "the previous block's P (-1 for the first block)"},
	{"PNext", "the next block's P (-1 for the last block)"},
	{"PPrev2", "P of the block two before"},
	{"PNext2", "P of the block two after"},
	{"PWindow", "mean P of the three blocks before and the three after"},
	{"PWindowWords", "the same, each block weighed by its words+1"},
	{"PContainer", "mean P of the other blocks in its container, weighed by words+1 (-1: none)"},
	{"ContainerBlockCount", "blocks in its container"},
	{"PGrandparent", "mean P of the blocks under its container's parent, weighed by words+1"},
	{"PPage", "mean P of the page's blocks, weighed by words+1"},
	{"PMax", "the highest P on the page"},
	{"KeptWordsBefore", "words of the kept blocks (P ≥ 0.5) before it / words of all kept blocks"},
	{"KeptWordsAfter", "words of the kept blocks after it / words of all kept blocks"},
	{"KeptDistanceBefore", "blocks back to the nearest kept block (-1: none)"},
	{"KeptDistanceAfter", "blocks on to the nearest kept block (-1: none)"},
	{"PRank", "share of the page's blocks with a lower P"},
	{"PLinked", "P × the block's link density"},
	// A few facts of the block itself, read from the page, so that the
	// neighbourhood can weigh differently on a heading, a list item, a
	// table cell, a long or a linked block.
	{"BlockWords", "the block's words"},
	{"BlockLinkDensity", "link words / words"},
	{"BlockHeading", "1 if it is a heading"},
	{"BlockListItem", "1 if it is a list item"},
	{"BlockTableCell", "1 if it is a table cell in a row"},
	{"BlockInTable", "1 if it is inside <table>"},
	{"BlockPosition", "block index / (blocks-1)"},
}

// smoothOwn are the block features (Names) that end the smoothing vector,
// each named "Own" and its name there: the block's own marks of
// boilerplate and content (a leading link, boilerplate phrases, the class
// vocabularies around it, its sentences), so that a smoothing model can
// weigh the neighbourhood against them.
var smoothOwn = []string{"StartsWithLink", "BoilerplatePhrases", "SameTagInContainer", "NearRelated",
	"NearShare", "NearAd", "NearSidebar", "NearContent", "EndsWithPunct", "AvgSentenceLength"}

// smoothOwnAt is the index of each of smoothOwn in a block vector.
var smoothOwnAt = func() []int {
	at := make([]int, len(smoothOwn))
	for i, n := range smoothOwn {
		if at[i] = slices.Index(schemaNames, n); at[i] < 0 {
			panic("features: smoothing feature of a block feature that does not exist: " + n)
		}
	}
	return at
}()

var smoothOwnNames = func() []string {
	out := make([]string, len(smoothOwn))
	for i, n := range smoothOwn {
		out[i] = "Own" + n
	}
	return out
}()

var smoothNames = append(featureNames(smoothFeatures), smoothOwnNames...)

// SmoothNames returns the smoothing feature names, in vector order.
func SmoothNames() []string { return slices.Clone(smoothNames) }

// SmoothOwnNames returns the names of the smoothing features that copy
// the block's own features, the last NumSmoothOwn of SmoothNames.
func SmoothOwnNames() []string { return slices.Clone(smoothOwnNames) }

// NumSmoothFeatures returns the length of a smoothing vector.
func NumSmoothFeatures() int { return len(smoothNames) }

// NumSmoothOwn returns how many block features end a smoothing vector.
func NumSmoothOwn() int { return len(smoothOwn) }

// SmoothVectors returns the smoothing vectors of p's blocks, one row of
// NumSmoothFeatures values per block, in one flat slice (the layout of
// model.Model.PredictBatch), given probs, the block model's probability
// of content of every block, and vecs, the blocks' vectors (Vectors),
// whose NumSmoothOwn features end each row (SetSmoothOwn). It panics if
// len(probs) or len(vecs) is not len(p.Blocks).
func SmoothVectors(p *page.Page, probs []float64, vecs [][]float64) []float64 {
	if len(vecs) != len(p.Blocks) {
		panic("features: SmoothVectors: one block vector per block needed")
	}
	out := make([]float64, len(p.Blocks)*len(smoothNames))
	SetSmoothOwnRows(out, vecs)
	FillSmoothVectors(out, p, probs)
	return out
}

// SetSmoothOwnRows is SetSmoothOwn for the blocks' vectors one slice per
// block (Vectors), from the page's first block on.
func SetSmoothOwnRows(dst []float64, vecs [][]float64) {
	for i, v := range vecs {
		SetSmoothOwn(dst, i, v)
	}
}

// SetSmoothOwn writes into the smoothing vectors dst (NumSmoothFeatures
// values per block of a page, in one flat slice) the NumSmoothOwn values
// that end them, from the block vectors vecs (rows of NumFeatures values
// in one flat slice) of the blocks from first on, so that a caller that
// classifies the blocks in chunks need not keep their vectors.
func SetSmoothOwn(dst []float64, first int, vecs []float64) {
	nf, nv := len(smoothNames), len(schemaNames)
	for r := 0; r+nv <= len(vecs); r += nv {
		v := dst[(first+r/nv)*nf+len(smoothFeatures) : (first+r/nv+1)*nf]
		for k, j := range smoothOwnAt {
			v[k] = vecs[r+j]
		}
	}
}

// FillSmoothVectors fills the smoothing vectors out of p's blocks (one row
// of NumSmoothFeatures values per block, in one flat slice) given probs,
// the block model's probability of content of every block, but for the
// NumSmoothOwn values that end each row, which it leaves as they are (see
// SetSmoothOwn). It panics if len(probs) != len(p.Blocks) or len(dst) !=
// len(p.Blocks)·NumSmoothFeatures.
func FillSmoothVectors(out []float64, p *page.Page, probs []float64) {
	n := len(p.Blocks)
	nf := len(smoothNames)
	if len(probs) != n || len(out) != n*nf {
		panic("features: FillSmoothVectors: one probability and one row per block needed")
	}
	for i := range n {
		clear(out[i*nf : i*nf+len(smoothFeatures)])
	}
	if n == 0 {
		return
	}
	sc, _ := smoothScratch.Get().(*smoothBufs)
	if sc == nil {
		sc = new(smoothBufs)
	}
	defer smoothScratch.Put(sc)
	// Word-weighed P sums and weights per container element and per
	// container's parent; block counts per container.
	ne := len(p.Elements)
	sc.sums = slices.Grow(sc.sums[:0], 4*ne)[:4*ne]
	clear(sc.sums)
	sums := sc.sums
	contS, contW, grandS, grandW := sums[:ne], sums[ne:2*ne], sums[2*ne:3*ne], sums[3*ne:]
	sc.counts = slices.Grow(sc.counts[:0], ne)[:ne]
	clear(sc.counts)
	counts := sc.counts
	grand := func(b *page.Block) int {
		if b.Container >= 0 && b.Container < ne {
			if g := p.Elements[b.Container].Parent; g >= 0 {
				return g
			}
		}
		return -1
	}
	var pageS, pageW, maxP, keptTotal float64
	for i := range p.Blocks {
		b := &p.Blocks[i]
		w, pr := float64(b.Words)+1, probs[i]
		if c := b.Container; c >= 0 && c < ne {
			contS[c] += w * pr
			contW[c] += w
			counts[c]++
		}
		if g := grand(b); g >= 0 {
			grandS[g] += w * pr
			grandW[g] += w
		}
		pageS += w * pr
		pageW += w
		maxP = max(maxP, pr)
		if pr >= smoothKeep {
			keptTotal += float64(b.Words)
		}
	}
	sc.sorted = append(sc.sorted[:0], probs...)
	sorted := sc.sorted
	slices.Sort(sorted)
	at := func(i int) float64 {
		if i < 0 || i >= n {
			return -1
		}
		return probs[i]
	}
	last := -1 // the nearest kept block before block i
	var keptBefore float64
	for i := range p.Blocks {
		b := &p.Blocks[i]
		v := out[i*nf : (i+1)*nf]
		pr := probs[i]
		w := float64(b.Words) + 1
		var s, c, sw, cw float64
		for j := max(i-3, 0); j <= min(i+3, n-1); j++ {
			if j == i {
				continue
			}
			wj := float64(p.Blocks[j].Words) + 1
			s += probs[j]
			c++
			sw += wj * probs[j]
			cw += wj
		}
		v[0], v[1], v[2], v[3], v[4] = pr, at(i-1), at(i+1), at(i-2), at(i+2)
		v[5], v[6] = -1, -1
		if c > 0 {
			v[5], v[6] = s/c, sw/cw
		}
		v[7], v[9] = -1, -1
		if k := b.Container; k >= 0 && k < ne {
			if rest := contW[k] - w; rest > 0 {
				v[7] = (contS[k] - w*pr) / rest
			}
			v[8] = float64(counts[k])
		}
		if g := grand(b); g >= 0 && grandW[g] > 0 {
			v[9] = grandS[g] / grandW[g]
		}
		v[10], v[11] = pageS/pageW, maxP
		kept := 0.0
		if pr >= smoothKeep {
			kept = float64(b.Words)
		}
		if keptTotal > 0 {
			v[12] = keptBefore / keptTotal
			v[13] = (keptTotal - keptBefore - kept) / keptTotal
		}
		keptBefore += kept
		v[14] = -1
		if last >= 0 {
			v[14] = float64(i - last)
		}
		if pr >= smoothKeep {
			last = i
		}
		v[16] = float64(sort.SearchFloat64s(sorted, pr)) / float64(n)
		if b.Words > 0 {
			ld := float64(b.LinkWords) / float64(b.Words)
			v[17], v[19] = pr*ld, ld
		}
		v[18] = float64(b.Words)
		v[20] = bool01(b.Kind == page.KindHeading)
		v[21] = bool01(b.Kind == page.KindListItem)
		v[22] = bool01(b.Kind == page.KindTableCell)
		v[23] = bool01(b.Flags&page.InTable != 0)
		if n > 1 {
			v[24] = float64(i) / float64(n-1)
		}
	}
	next := -1
	for i := n - 1; i >= 0; i-- {
		out[i*nf+15] = -1
		if next >= 0 {
			out[i*nf+15] = float64(next - i)
		}
		if probs[i] >= smoothKeep {
			next = i
		}
	}
}

// smoothBufs is the working memory of FillSmoothVectors, kept between
// pages in smoothScratch.
type smoothBufs struct {
	sums   []float64
	counts []int32
	sorted []float64
}

var smoothScratch sync.Pool
