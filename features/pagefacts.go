package features

import (
	"sync"

	"github.com/winnow-dev/winnow/features/page"
)

// agg sums the blocks of one container.
type agg struct{ words, links, blocks float64 }

// sameTagCounts returns, for every block, the number of blocks with the
// same Container and Tag. Containers are numbered minC to minC+numC-1.
// The result is in sc's memory.
func (sc *vecScratch) sameTagCounts(blocks []page.Block, minC, numC int) []int {
	// Every container keeps a list of the distinct tags of its blocks
	// (few: only block-level elements have blocks), chained through tags
	// from head; list entries are numbered from 1, 0 ending a list.
	head := zeroed(sc.tagHead, numC)
	tags := sc.tags[:0]
	out := zeroed(sc.sameTag, len(blocks)) // first each block's list entry, then its count
	for i := range blocks {
		b := &blocks[i]
		h := &head[b.Container-minC]
		k := *h
		for k != 0 && tags[k-1].tag != b.Tag {
			k = tags[k-1].next
		}
		if k == 0 {
			tags = append(tags, tagCount{tag: b.Tag, next: *h})
			k = int32(len(tags))
			*h = k
		}
		tags[k-1].count++
		out[i] = int(k)
	}
	for i, k := range out {
		out[i] = tags[k-1].count
	}
	sc.tagHead, sc.tags, sc.sameTag = head, tags, out
	return out
}

// tagCount is an entry of sameTagCounts' lists.
type tagCount struct {
	tag   string
	count int
	next  int32
}

// vecScratch is the working memory of fillVectors, kept from page to page.
type vecScratch struct {
	stats      []textStats
	containers []agg
	sub        []subtotal
	sameTag    []int
	tagHead    []int32
	tags       []tagCount
	low        []byte
	runFacts   []runFacts
	runs       []runAgg
	runIndex   map[runKey]int32
	rowCells   []int
	ctx        blockContext
}

var vecScratchPool = sync.Pool{New: func() any { return new(vecScratch) }}

// maxVecScratch is the most values a vecScratch slice keeps for the next
// page; larger ones are left to the collector.
const maxVecScratch = 1 << 16

// keep returns sc to the pool, without its references to the page.
func (sc *vecScratch) keep() {
	clear(sc.tags)
	sc.ctx = blockContext{}
	sc.stats = keepUpTo(sc.stats, maxVecScratch)
	sc.containers = keepUpTo(sc.containers, maxVecScratch)
	sc.sub = keepUpTo(sc.sub, maxVecScratch)
	sc.sameTag = keepUpTo(sc.sameTag, maxVecScratch)
	sc.tagHead = keepUpTo(sc.tagHead, maxVecScratch)
	sc.tags = keepUpTo(sc.tags, maxVecScratch)
	sc.low = keepUpTo(sc.low, maxVecScratch)
	sc.runFacts = keepUpTo(sc.runFacts, maxVecScratch)
	sc.runs = keepUpTo(sc.runs, maxVecScratch)
	sc.rowCells = keepUpTo(sc.rowCells, maxVecScratch)
	if len(sc.runIndex) > maxVecScratch {
		sc.runIndex = nil
	}
	vecScratchPool.Put(sc)
}

// keepUpTo is buf emptied, or nil if its capacity is over max.
func keepUpTo[T any](buf []T, max int) []T {
	if cap(buf) > max {
		return nil
	}
	return buf[:0]
}

// zeroed returns n zero values, in buf's memory if it has room.
func zeroed[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// subtotal is the words and words in links of every block inside one element.
type subtotal struct{ words, links, score float64 }

// subtreeTotals sums, for every block-level element, the words and link
// words of the blocks inside it, and a Readability-style content score: each
// block's words outside links count fully for the element enclosing the
// block element and half for the one above (Readability.js, grabArticle).
// sub must have max(p.Elements, 1) zero values, which it fills.
func subtreeTotals(p *page.Page, sub []subtotal) {
	for i := range p.Blocks {
		b := &p.Blocks[i]
		w, l := float64(b.Words), float64(b.LinkWords)
		for _, id := range b.Ancestors {
			if id >= 0 && id < len(sub) {
				sub[id].words += w
				sub[id].links += l
			}
		}
		if l*2 >= w {
			continue
		}
		for up, share := 2, 1.0; up <= 3; up, share = up+1, share/2 {
			if a := len(b.Ancestors) - up; a >= 0 && b.Ancestors[a] < len(sub) {
				sub[b.Ancestors[a]].score += share * (w - l)
			}
		}
	}
}

// topNode is the element with the highest content score: the region of the
// page where most unlinked prose sits. Ties go to the first element.
func topNode(sub []subtotal) int {
	best := 0
	for id := range sub {
		if sub[id].score > sub[best].score {
			best = id
		}
	}
	return best
}

func bool01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// ratio is a/b, or 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// sharedPrefix is the length of the common prefix of two tag paths over the
// longer one's length: 1 for siblings of the same kind, small for blocks in
// other parts of the page.
func sharedPrefix(a, b []string) float64 {
	m := min(len(a), len(b))
	k := 0
	for k < m && a[k] == b[k] {
		k++
	}
	return ratio(float64(k), float64(max(len(a), len(b))))
}
