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
	prefix     []int
	sameTag    []int
	tagHead    []int32
	tags       []tagCount
	low        []byte
	runFacts   []runFacts
	vocabs     []uint8 // by element (ownVocab)
	runs       []runAgg
	runIndex   map[runKey]int32
	rowCells   []int
	elemEnds   []int32
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
	sc.prefix = keepUpTo(sc.prefix, maxVecScratch)
	sc.sameTag = keepUpTo(sc.sameTag, maxVecScratch)
	sc.tagHead = keepUpTo(sc.tagHead, maxVecScratch)
	sc.tags = keepUpTo(sc.tags, maxVecScratch)
	sc.low = keepUpTo(sc.low, maxVecScratch)
	sc.runFacts = keepUpTo(sc.runFacts, maxVecScratch)
	sc.vocabs = keepUpTo(sc.vocabs, maxVecScratch)
	sc.runs = keepUpTo(sc.runs, maxVecScratch)
	sc.rowCells = keepUpTo(sc.rowCells, maxVecScratch)
	sc.elemEnds = keepUpTo(sc.elemEnds, maxVecScratch)
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
type subtotal struct{ words, links, score, story float64 }

// subtreeTotals sums, for every block-level element, the words and link
// words of the blocks inside it, and a Readability-style content score: each
// block's words outside links count fully for the element enclosing the
// block element and half for the one above (Readability.js, grabArticle),
// and so does each photograph an element shows (page.Element.Images), as
// PictureWords words; story is the same score without the blocks whose
// words storyWords leaves out (reader comments, side columns, headers and
// footers).
// sub must have max(len(p.Elements), 1) zero values, which it fills; the
// document (element 0) gets nothing. It costs one step per block and per
// element, whatever the nesting depth: every element's sums are added to
// its parent's, children (numbered after their parent) first.
func subtreeTotals(p *page.Page, sub []subtotal) {
	for i := range p.Blocks {
		b := &p.Blocks[i]
		e := b.Element
		if e <= 0 || e >= len(sub) {
			continue
		}
		w, l := float64(b.Words), float64(b.LinkWords)
		sub[e].words += w
		sub[e].links += l
		if l*2 >= w {
			continue
		}
		addScore(p, sub, e, w-l, storyWords(b))
	}
	for e := min(len(sub), len(p.Elements)) - 1; e > 0; e-- {
		if n := p.Elements[e].Images; n > 0 {
			addScore(p, sub, e, PictureWords*float64(n), true)
		}
		if a := parentOf(p, e); a > 0 {
			sub[a].words += sub[e].words
			sub[a].links += sub[e].links
		}
	}
}

// storyWords reports whether block b's words count for the story node
// (subtotal.story): b is not under comment-like classes at any depth
// (page.SigComment), nor near the classes of a side column, a header or a
// footer (page.SigSideColumn, page.SigHeaderFoot in page.Block.SignalNear), nor
// inside an <aside> or <footer>. On a short post beside a long sidebar or
// footer, the post rather than the column is the story.
func storyWords(b *page.Block) bool {
	return b.SignalAny&page.SigComment == 0 &&
		b.SignalNear&(page.SigSideColumn|page.SigHeaderFoot) == 0 &&
		b.Flags&(page.InAside|page.InFooter) == 0
}

// PictureWords is what a photograph (page.Element.Images) adds to the
// content score of the elements above it, in words of prose, so that a post
// of photographs and one line is the story of its page rather than the
// sidebar beside it.
const PictureWords = 10

// addScore adds v to the content score of the element enclosing element e
// and half of it to the one above (story too when story is true).
func addScore(p *page.Page, sub []subtotal, e int, v float64, story bool) {
	share := 1.0
	for range 2 {
		if e = parentOf(p, e); e <= 0 {
			break
		}
		sub[e].score += share * v
		if story {
			sub[e].story += share * v
		}
		share /= 2
	}
}

// parentOf is the parent of element e of p, or 0 (the document) when e
// or its parent is out of range: a parent is numbered before its child.
func parentOf(p *page.Page, e int) int {
	if e <= 0 || e >= len(p.Elements) {
		return 0
	}
	if a := p.Elements[e].Parent; a > 0 && a < e {
		return a
	}
	return 0
}

// depthOf is the Depth of element e of p, 0 when out of range.
func depthOf(p *page.Page, e int) int {
	if e <= 0 || e >= len(p.Elements) {
		return 0
	}
	return p.Elements[e].Depth
}

// sharedPrefixes fills prefix, which must have len(p.Elements) values,
// with the length of the common prefix of every element's tag path
// (page.Page.Path) and the path of element l, each from its parent's.
func sharedPrefixes(p *page.Page, l int, prefix []int) {
	path := p.Path(l)
	for e := 1; e < len(prefix); e++ {
		a := parentOf(p, e)
		d := depthOf(p, a) + 1
		prefix[e] = prefix[a]
		if prefix[a] == d-1 && d <= len(path) && path[d-1] == p.Elements[e].Tag {
			prefix[e] = d
		}
	}
}

// below is the number of block-level elements from element top down to
// element e (0 when e is top), or -1 when e is not inside top. Elements
// inside top are numbered from top+1 to end, the last element deeper than
// top (see page.Element).
func below(p *page.Page, top, end, e int) int {
	if top <= 0 || e < top || e > end {
		return -1
	}
	return depthOf(p, e) - depthOf(p, top)
}

// subtreeEnd is the number of the last element inside element top.
func subtreeEnd(p *page.Page, top int) int {
	end := top
	if top <= 0 {
		return end
	}
	d := depthOf(p, top)
	for end+1 < len(p.Elements) && p.Elements[end+1].Depth > d {
		end++
	}
	return end
}

// topNode is the element with the highest content score: the region of the
// page where most unlinked prose sits. Ties go to the first element.
func topNode(sub []subtotal) int {
	return bestElement(sub, func(t subtotal) float64 { return t.score })
}

// storyNode is topNode with the score of the blocks storyWords leaves out
// (subtotal.story): on a page whose reader comments, sidebar or footer
// outweigh its story, the region of the story rather than of the thread or
// the column.
func storyNode(sub []subtotal) int {
	return bestElement(sub, func(t subtotal) float64 { return t.story })
}

// bestElement is the element whose subtotal scores highest by score; ties
// go to the first element.
func bestElement(sub []subtotal, score func(subtotal) float64) int {
	best, top := 0, 0.0
	for id := range sub {
		if s := score(sub[id]); id == 0 || s > top {
			best, top = id, s
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

// sharedPrefix is the length k of the common prefix of two tag paths
// over the longer one's length, la or lb: 1 for siblings of the same kind,
// small for blocks in other parts of the page.
func sharedPrefix(k, la, lb int) float64 {
	return ratio(float64(k), float64(max(la, lb)))
}
