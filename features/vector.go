package features

import (
	"context"
	"fmt"
	"math"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/text"
)

// Vectors computes one feature vector per block of p, in the order of
// Names. It is pure arithmetic over p.Blocks. The vectors share one backing
// array.
func Vectors(p *page.Page) [][]float64 {
	out, _ := VectorsContext(context.Background(), p)
	return out
}

// VectorsContext is Vectors that stops, with an error wrapping ctx.Err(),
// when ctx is done: it checks ctx every ctxEvery blocks.
func VectorsContext(ctx context.Context, p *page.Page) ([][]float64, error) {
	n, nf := len(p.Blocks), NumFeatures()
	flat := make([]float64, n*nf)
	out := make([][]float64, n)
	for i := range out {
		out[i] = flat[i*nf : (i+1)*nf : (i+1)*nf]
	}
	if err := fillVectors(ctx, p, nil, func(i int) []float64 { return out[i] }, nil); err != nil {
		return nil, err
	}
	return out, nil
}

// ctxEvery is how many blocks VectorsContext and EachChunkContext
// compute between checks of their context.
const ctxEvery = 256

// EachChunk computes the feature vectors of p's blocks, in block order,
// into buf, which holds k = len(buf)/NumFeatures() vectors one after the
// other (row-major, as model.PredictBatch reads them). Each time it has
// written k vectors, and once more at the end for any fewer left, it calls
// fn(first, vecs): first is the block number of the first vector and vecs
// is buf[:m*NumFeatures()] for the m vectors written, vector j being
// Vectors(p)[first+j] bit for bit. buf is overwritten for the next chunk,
// so fn must not keep vecs. A classifier can thus predict straight from
// buf, with no copy and far fewer allocations than Vectors. EachChunk
// panics if buf has room for no vector.
func EachChunk(p *page.Page, buf []float64, fn func(first int, vecs []float64)) {
	_ = EachChunkContext(context.Background(), p, buf, fn)
}

// EachChunkContext is EachChunk that stops, with an error wrapping
// ctx.Err(), when ctx is done: it checks ctx every ctxEvery blocks, and
// calls fn for no block after.
func EachChunkContext(ctx context.Context, p *page.Page, buf []float64, fn func(first int, vecs []float64)) error {
	return EachChunkPageContext(ctx, p, buf, nil, fn)
}

// EachChunkPageContext is EachChunkContext that also writes p's page
// vector, PageVector(p) bit for bit, into pageVec (NumPageFeatures values;
// nil for none), from the page's sums the block vectors are made from,
// which PageVector makes again. pageVec is written before the first call
// of fn, or, when ctx is done first, maybe not at all.
func EachChunkPageContext(ctx context.Context, p *page.Page, buf, pageVec []float64, fn func(first int, vecs []float64)) error {
	nf := NumFeatures()
	k := len(buf) / nf
	if k == 0 {
		panic(fmt.Sprintf("features: EachChunk buffer of %d values holds no vector of %d", len(buf), nf))
	}
	n := len(p.Blocks)
	if pageVec != nil && n == 0 {
		copy(pageVec, PageVector(p))
	}
	return fillVectors(ctx, p, pageVec, func(i int) []float64 {
		j := i % k
		return buf[j*nf : (j+1)*nf : (j+1)*nf]
	}, func(i int, _ []float64) {
		if j := i % k; j == k-1 || i == n-1 {
			fn(i-j, buf[:(j+1)*nf])
		}
	})
}

// fillVectors computes the vector of every block i into rowOf(i), which
// must have NumFeatures values and may hold anything, and then calls
// done(i, row) if done is not nil. Before the first block, it writes the
// page vector into pageVec unless pageVec is nil. Row position k holds Names()[k]: each
// group of the schema fills its run of the row, in table order. It checks
// ctx before the page's sums and every ctxEvery blocks, and returns an
// error wrapping ctx.Err() once it is done.
func fillVectors(ctx context.Context, p *page.Page, pageVec []float64, rowOf func(i int) []float64, done func(i int, row []float64)) error {
	n := len(p.Blocks)
	if n == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("features: %w", err)
	}
	sc := vecScratchPool.Get().(*vecScratch)
	defer sc.keep()
	c := sc.pageContext(p)
	if pageVec != nil {
		c.pageVector(pageVec)
	}
	for i := range p.Blocks {
		if i%ctxEvery == 0 && i > 0 {
			if err := ctx.Err(); err != nil {
				sc.low, sc.elemEnds = c.low[:0], c.comments.buf
				return fmt.Errorf("features: %w", err)
			}
		}
		c.block(i)
		row := rowOf(i)
		k := 0
		for g := range schema {
			end := k + len(schema[g].features)
			schema[g].fill(c, row[k:end:end])
			k = end
		}
		if done != nil {
			done(i, row)
		}
	}
	sc.low, sc.elemEnds = c.low[:0], c.comments.buf
	return nil
}

// blockContext is what the features of one block are computed from: the
// page's sums, made once per page (pageContext), and the block's own
// facts, made once per block (block) before its features are read.
type blockContext struct {
	// The page.
	p                     *page.Page
	n                     int // blocks
	stats                 []textStats
	totalWords, pageLinks float64
	logWords, logBlocks   float64
	longest               int         // index of the first block with the most words
	longestBlock          *page.Block // p.Blocks[longest]
	h1                    int         // index of the first <h1> block, or -1
	containers            []agg       // by Block.Container - minContainer
	minContainer          int
	sameTags              []int      // by block (sameTagCounts)
	sub                   []subtotal // by element (subtreeTotals)
	top, topEnd           int        // topNode(sub), and the last element inside it
	story, storyEnd       int        // storyNode(sub), and the last element inside it
	prefix                []int      // by element: its path's common prefix with longestBlock's (sharedPrefixes)
	title                 map[string]bool
	titleKeys             text.ByteSet
	runFacts              []runFacts // by block (computeRuns)
	runs                  []runAgg
	largestRun            int32
	rowCells              []int // by Block.Row: table cells with text

	// The block.
	i                        int
	b                        *page.Block
	cur, prev, next          *textStats // prev and next are zero at the page's ends
	wordsBefore              float64    // words of the blocks before it
	container                *agg
	windowWords, windowLinks float64 // of the ±3 blocks around it, itself excluded
	sameTag                  int
	belowTop                 int // block-level elements from the top node down to the block element, -1 outside it
	belowStory               int // the same from the story node
	// needTitle and needPhrases say whether TitleOverlap and
	// BoilerplatePhrases read the block; low is its text lower-cased
	// (appendLower) when one of them does.
	needTitle, needPhrases bool
	low                    []byte
	comments               commentState // the comment sections, read block by block
}

// zeroStats stands for the missing neighbours of the first and last blocks.
var zeroStats textStats

// pageContext sums the page p into sc's memory.
func (sc *vecScratch) pageContext(p *page.Page) *blockContext {
	n := len(p.Blocks)
	c := &sc.ctx
	*c = blockContext{p: p, n: n, h1: -1, low: sc.low, comments: commentState{buf: sc.elemEnds}}
	c.stats = zeroed(sc.stats, n)
	sc.stats = c.stats
	minC := sc.zeroContainers(c)
	for i := range p.Blocks {
		b := &p.Blocks[i]
		c.stats[i] = computeTextStats(b)
		c.totalWords += float64(b.Words)
		c.pageLinks += float64(b.LinkWords)
		if b.Words > p.Blocks[c.longest].Words {
			c.longest = i
		}
		if c.h1 < 0 && b.Kind == page.KindHeading && b.Level == 1 {
			c.h1 = i
		}
		a := &c.containers[b.Container-minC]
		a.words += float64(b.Words)
		a.links += float64(b.LinkWords)
		a.blocks++
	}
	c.longestBlock = &p.Blocks[c.longest]
	c.sameTags = sc.sameTagCounts(p.Blocks, minC, len(c.containers))
	sc.computeRuns(c)
	c.sub = zeroed(sc.sub, max(len(p.Elements), 1))
	sc.sub = c.sub
	subtreeTotals(p, c.sub)
	c.top = topNode(c.sub)
	c.topEnd = subtreeEnd(p, c.top)
	c.story = storyNode(c.sub)
	c.storyEnd = subtreeEnd(p, c.story)
	c.prefix = zeroed(sc.prefix, max(len(p.Elements), 1))
	sc.prefix = c.prefix
	sharedPrefixes(p, c.longestBlock.Element, c.prefix)
	c.title = tokenSet(p.Title)
	c.titleKeys = text.TokenKeys(c.title)
	c.logWords, c.logBlocks = math.Log1p(c.totalWords), math.Log1p(float64(n))
	return c
}

// zeroContainers gives c one zero agg per container of its page's blocks,
// in sc's memory, and returns the smallest container number
// (c.minContainer). Containers are element numbers, -1 (none) to
// len(p.Elements)-1; a slice indexed by number-minContainer replaces a
// map, and sums run in block order either way.
func (sc *vecScratch) zeroContainers(c *blockContext) int {
	p := c.p
	minC, maxC := -1, max(len(p.Elements)-1, 0)
	for i := range p.Blocks {
		minC, maxC = min(minC, p.Blocks[i].Container), max(maxC, p.Blocks[i].Container)
	}
	c.minContainer = minC
	c.containers = zeroed(sc.containers, maxC-minC+1)
	sc.containers = c.containers
	return minC
}

// block makes c the context of block i. Blocks must come in order: the
// words before a block are summed as they go.
func (c *blockContext) block(i int) {
	if i > 0 {
		c.wordsBefore += float64(c.p.Blocks[i-1].Words)
	}
	c.i = i
	b := &c.p.Blocks[i]
	c.b = b
	c.cur, c.prev, c.next = &c.stats[i], &zeroStats, &zeroStats
	if i > 0 {
		c.prev = &c.stats[i-1]
	}
	if i+1 < c.n {
		c.next = &c.stats[i+1]
	}
	c.windowWords, c.windowLinks = 0, 0
	for j := max(0, i-3); j <= min(c.n-1, i+3); j++ {
		if j != i {
			c.windowWords += float64(c.p.Blocks[j].Words)
			c.windowLinks += float64(c.p.Blocks[j].LinkWords)
		}
	}
	c.container = &c.containers[b.Container-c.minContainer]
	c.sameTag = c.sameTags[i]
	c.belowTop = below(c.p, c.top, c.topEnd, b.Element)
	c.belowStory = below(c.p, c.story, c.storyEnd, b.Element)
	// titleOverlapLower and phraseHitsLower read the lower-cased text of
	// short blocks only; lower it once for both.
	c.needTitle = len(c.title) > 0 && len(b.Text) <= titleMaxBytes
	c.needPhrases = b.Words <= phraseMaxWords
	if c.needTitle || c.needPhrases {
		c.low = appendLower(c.low[:0], b.Text)
	}
	c.comments.step(c)
}

// sharedPrefix is the SharedPathPrefix of the block: the common prefix of
// its tag path and the longest block's over the longer one.
func (c *blockContext) sharedPrefix() float64 {
	e, k := c.b.Element, 0
	if e > 0 && e < len(c.prefix) {
		k = c.prefix[e]
	}
	return sharedPrefix(k, depthOf(c.p, e), depthOf(c.p, c.longestBlock.Element))
}

// ancestorShares sets v[0] to the share of the page's words inside the
// element up levels above the block (counting the block element as 1) and
// v[1] to the link density inside it, or to 1 and the page's link density
// when the block is not that deep.
func (c *blockContext) ancestorShares(up int, v []float64) {
	_ = v[1]
	e := c.b.Element
	if depthOf(c.p, e) >= up {
		for range up - 1 {
			e = parentOf(c.p, e)
		}
		t := &c.sub[e]
		v[0] = ratio(t.words, c.totalWords)
		v[1] = ratio(t.links, t.words)
		return
	}
	v[0] = 1
	v[1] = ratio(c.pageLinks, c.totalWords)
}
