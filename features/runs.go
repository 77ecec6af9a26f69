package features

import (
	"math"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// Repeated structure: the runs of blocks that look alike, as the records of
// a listing (event rows, product tiles, thread lists) do.
//
// A block's run is every block of the page with the same tag path
// (page.Page.Path), the same class and id tokens (page.Page.Classes) and
// the same element three levels above the block element (the page's root
// for shallower blocks): siblings of one container, or the
// alike parts of sibling records.

// runAgg sums the blocks of one run.
type runAgg struct {
	blocks, words, links float64
	// elements and containers count the run's block elements and their
	// parents, each counted when it differs from the run's previous
	// block's (in document order).
	elements, containers    float64
	lastElem, lastContainer int
	// Sums and sums of squares of the members' words, link densities and
	// container sizes (blocks), for their spreads.
	sumW, sumW2, sumLD, sumLD2, sumC, sumC2 float64
}

// runFacts are what the runs say of one block.
type runFacts struct {
	run   int32 // the block's run, an index into vecScratch.runs
	vocab uint8 // vocabSpec, vocabFAQ, vocabReview of its class and id tokens
}

// Class and id vocabularies of structure that is often content on pages
// other than articles (vocab bits).
const (
	vocabSpec   = 1 << iota // spec, specification, attribute, dimension
	vocabFAQ                // faq, accordion, question, answer
	vocabReview             // review, testimonial, rating
)

// classVocab returns the vocab bits of class tokens: a bit is set when a
// token contains one of its words. One scan per token: each byte that can
// start a word is tried against the words starting with it.
func classVocab(classes []string) uint8 {
	var out uint8
	for _, c := range classes {
		for i := 0; i < len(c); i++ {
			rest := c[i:]
			switch c[i] {
			case 's':
				if strings.HasPrefix(rest, "spec") {
					out |= vocabSpec
				}
			case 'a':
				switch {
				case strings.HasPrefix(rest, "attribute"):
					out |= vocabSpec
				case strings.HasPrefix(rest, "accordion"), strings.HasPrefix(rest, "answer"):
					out |= vocabFAQ
				}
			case 'd':
				if strings.HasPrefix(rest, "dimension") {
					out |= vocabSpec
				}
			case 'f':
				if strings.HasPrefix(rest, "faq") {
					out |= vocabFAQ
				}
			case 'q':
				if strings.HasPrefix(rest, "question") {
					out |= vocabFAQ
				}
			case 'r':
				if strings.HasPrefix(rest, "review") || strings.HasPrefix(rest, "rating") {
					out |= vocabReview
				}
			case 't':
				if strings.HasPrefix(rest, "testimonial") {
					out |= vocabReview
				}
			}
		}
	}
	return out
}

// runKey identifies a run while the page is read.
type runKey struct {
	sig    uint64
	anchor int
}

// computeRuns fills c.runFacts, c.runs, c.largestRun and c.rowCells from
// c.p's blocks, in sc's memory: one pass over the blocks, then one over the
// runs.
func (sc *vecScratch) computeRuns(c *blockContext) {
	p := c.p
	facts := zeroed(sc.runFacts, len(p.Blocks))
	runs := sc.runs[:0]
	if sc.runIndex == nil {
		sc.runIndex = make(map[runKey]int32)
	}
	index := sc.runIndex
	clear(index)
	rowCells := zeroed(sc.rowCells, max(len(p.Elements), 1))
	vocabs := zeroed(sc.vocabs, len(p.Elements))
	sc.vocabs = vocabs
	// The blocks of one element share its signature: it is computed once
	// per element.
	var sig uint64
	var vocab uint8
	lastElem := -1
	var lastKey runKey
	var lastRun int32
	for i := range p.Blocks {
		b := &p.Blocks[i]
		e := b.Element
		if i == 0 || e != lastElem {
			sig, vocab = elementSignature(p, e, vocabs)
			lastElem = e
		}
		k := runKey{sig: sig, anchor: -1}
		if a := nthParent(p, e, 3); a > 0 {
			k.anchor = a
		}
		// Neighbours are often of one run: the map is asked only when the
		// key changes.
		r := lastRun
		if i == 0 || k != lastKey {
			var ok bool
			if r, ok = index[k]; !ok {
				r = int32(len(runs))
				index[k] = r
				runs = append(runs, runAgg{lastElem: -2, lastContainer: -2})
			}
			lastKey, lastRun = k, r
		}
		facts[i] = runFacts{run: r, vocab: vocab}
		ra := &runs[r]
		w, l := float64(b.Words), float64(b.LinkWords)
		ld := ratio(l, w)
		cb := c.containers[b.Container-c.minContainer].blocks
		ra.blocks++
		ra.words += w
		ra.links += l
		ra.sumW += w
		ra.sumW2 += w * w
		ra.sumLD += ld
		ra.sumLD2 += ld * ld
		ra.sumC += cb
		ra.sumC2 += cb * cb
		elem := -1
		if e > 0 {
			elem = e
		}
		if elem != ra.lastElem {
			ra.elements++
			ra.lastElem = elem
		}
		if b.Container != ra.lastContainer {
			ra.containers++
			ra.lastContainer = b.Container
		}
		if b.Kind == page.KindTableCell && b.Row >= 0 && b.Row < len(rowCells) {
			rowCells[b.Row]++
		}
	}
	largest := 0
	for r := range runs {
		if runs[r].blocks > runs[largest].blocks {
			largest = r
		}
	}
	c.runFacts, c.runs, c.largestRun, c.rowCells = facts, runs, int32(largest), rowCells
	sc.runFacts, sc.runs, sc.rowCells = facts, runs, rowCells
}

// fnvOffset is the FNV-1a offset basis, the hash of nothing.
const fnvOffset = 14695981039346656037

// hashStrings continues the FNV-1a hash h over ss, each string followed
// by a separator.
func hashStrings(h uint64, ss []string) uint64 {
	const prime = 1099511628211
	for _, s := range ss {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * prime
		}
		h = (h ^ 0xff) * prime
	}
	return h
}

// spread is the standard deviation of n values with sum s and sum of
// squares s2 (0 for fewer than two).
func spread(n, s, s2 float64) float64 {
	if n < 2 {
		return 0
	}
	m := s / n
	return math.Sqrt(max(s2/n-m*m, 0))
}

// runGroup is the repeated-structure group of the schema.
var runGroup = group{[]feature{
	{"RunBlocks", "blocks in the block's run (same tag path, class and id tokens, and element three levels up)"},
	{"RunElements", "block elements in its run"},
	{"RunContainers", "parent elements of the block elements in its run: the run's records"},
	{"RunWordShare", "words of the run / page words"},
	{"RunBlockShare", "block words / words of its run"},
	{"RunWordsSpread", "standard deviation / mean of the words of the run's blocks: low when they are alike"},
	{"RunLinkDensity", "link words / words of its run"},
	{"RunLinkDensitySpread", "standard deviation of the link densities of the run's blocks"},
	{"RunLayoutSpread", "standard deviation / mean of the blocks in the containers of the run's blocks: low when its records are laid out alike"},
	{"RunLargest", "1 if its run has the most blocks of the page's runs"},
	{"InDefinitionList", "1 if it is <dt> or <dd> or inside <dl>"},
	{"TwoCellRow", "1 if it is a table cell of a row with two cells that have text"},
	{"ClassSpec", "1 if a class or id token of the block element or its two nearest block-level ancestors holds spec, attribute or dimension"},
	{"ClassFAQ", "1 if such a token holds faq, accordion, question or answer"},
	{"ClassReview", "1 if such a token holds review, testimonial or rating"},
}, func(c *blockContext, v []float64) {
	_ = v[14]
	b := c.b
	f := c.runFacts[c.i]
	r := &c.runs[f.run]
	v[0] = r.blocks
	v[1] = r.elements
	v[2] = r.containers
	v[3] = ratio(r.words, c.totalWords)
	v[4] = ratio(float64(b.Words), r.words)
	v[5] = ratio(spread(r.blocks, r.sumW, r.sumW2), r.sumW/r.blocks)
	v[6] = ratio(r.links, r.words)
	v[7] = spread(r.blocks, r.sumLD, r.sumLD2)
	v[8] = ratio(spread(r.blocks, r.sumC, r.sumC2), r.sumC/r.blocks)
	v[9] = bool01(f.run == c.largestRun)
	v[10] = bool01(b.Tag == "dt" || b.Tag == "dd" || inPath(c.p, b.Element, "dl"))
	v[11] = bool01(b.Kind == page.KindTableCell && b.Row >= 0 && b.Row < len(c.rowCells) && c.rowCells[b.Row] == 2)
	v[12] = bool01(f.vocab&vocabSpec != 0)
	v[13] = bool01(f.vocab&vocabFAQ != 0)
	v[14] = bool01(f.vocab&vocabReview != 0)
}}

// inPath reports whether tag is on the tag path of element e of p
// (page.Page.Path), e's own tag included.
func inPath(p *page.Page, e int, tag string) bool {
	for ; e > 0 && e < len(p.Elements); e = parentOf(p, e) {
		if p.Elements[e].Tag == tag {
			return true
		}
	}
	return false
}

// nthParent is the block-level element n levels above element e of p
// (n = 1: its parent), or 0 (the document) when there is none.
func nthParent(p *page.Page, e, n int) int {
	for ; n > 0 && e > 0; n-- {
		e = parentOf(p, e)
	}
	return e
}

// elementSignature hashes the class and id tokens of element e of p and
// its two nearest block-level ancestors (page.Page.Classes, nearest first)
// and then the last three tags of its path (page.Page.Path, outermost
// first); vocab is the classes' vocabulary (classVocab), read through
// vocabs (see ownVocab), or 0 when vocabs is nil. It allocates nothing.
func elementSignature(p *page.Page, e int, vocabs []uint8) (sig uint64, vocab uint8) {
	sig = fnvOffset
	for k, a := 0, e; k < 3 && a > 0 && a < len(p.Elements); k, a = k+1, p.Elements[a].Parent {
		sig = hashStrings(sig, p.Elements[a].Classes)
		if vocabs != nil {
			vocab |= ownVocab(p, a, vocabs)
		}
	}
	var tags [3]string
	n := 0
	for a := e; n < 3 && a > 0 && a < len(p.Elements); a = parentOf(p, a) {
		tags[2-n] = p.Elements[a].Tag
		n++
	}
	return hashStrings(sig, tags[3-n:]), vocab
}

// vocabKnown marks an element's vocabulary in ownVocab's memo as computed.
const vocabKnown = 1 << 7

// ownVocab is classVocab of the class and id tokens of element a of p,
// computed once per page: vocabs, zero at first, holds it by element,
// with vocabKnown set, once computed.
func ownVocab(p *page.Page, a int, vocabs []uint8) uint8 {
	v := vocabs[a]
	if v&vocabKnown == 0 {
		v = classVocab(p.Elements[a].Classes) | vocabKnown
		vocabs[a] = v
	}
	return v &^ vocabKnown
}
