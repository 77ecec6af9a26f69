package page

import "sync"

// scratch is the working memory of segment, kept from page to page: the
// blocks and the elements are collected in it and then copied out once,
// at their final length, instead of growing (and being copied) while the
// page is walked.
type scratch struct {
	blocks      []Block
	elements    []Element
	stack       []frame
	classValues map[string]classValue
	tables      []tableFacts
	blockTable  []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Above these sizes, scratch memory is left to the collector rather than
// kept for the next page.
const (
	maxScratchBlocks = 1 << 14
	maxScratchStack  = 1 << 10
	maxScratchTokens = 1 << 12
)

// keep drops the references the segmenter's working memory holds to its
// page and returns it to the pool.
func (sc *scratch) keep(s *segmenter) {
	clear(s.blocks)
	clear(s.elements)
	clear(s.stack[:cap(s.stack)])
	sc.blocks, sc.elements, sc.stack, sc.classValues = nil, nil, nil, nil
	if cap(s.blocks) <= maxScratchBlocks {
		sc.blocks = s.blocks[:0]
	}
	if cap(s.elements) <= maxScratchBlocks {
		sc.elements = s.elements[:0]
	}
	sc.tables, sc.blockTable = nil, nil
	if cap(s.tables) <= maxScratchBlocks {
		sc.tables = s.tables[:0]
	}
	if cap(s.blockTable) <= maxScratchBlocks {
		sc.blockTable = s.blockTable[:0]
	}
	if cap(s.stack) <= maxScratchStack {
		sc.stack = s.stack[:0]
	}
	if len(s.classValues) <= maxScratchTokens {
		clear(s.classValues)
		sc.classValues = s.classValues
	}
	scratchPool.Put(sc)
}

// Joined class tokens are cut from chunks that start at minChunk values
// and double, up to maxChunk, as a page uses them: a small page does not
// pay for a large chunk it leaves mostly empty.
const (
	minChunk = 64
	maxChunk = 1024
)

// strSlice returns a new slice of n strings, with capacity n, cut from a
// shared chunk.
func (s *segmenter) strSlice(n int) []string {
	return cut(&s.strChunk, n)
}

// cut returns a new slice of n values, with capacity n, from the end of
// *chunk, which it replaces with a new chunk when it has no room.
func cut[T any](chunk *[]T, n int) []T {
	c := *chunk
	if len(c)+n > cap(c) || c == nil {
		c = make([]T, 0, max(n, min(2*cap(c), maxChunk), minChunk))
	}
	l := len(c)
	*chunk = c[:l+n]
	return c[l : l+n : l+n]
}
