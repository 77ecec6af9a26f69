package dataset

import (
	"github.com/winnow-dev/winnow/features/page"
)

// marksToLabels labels blocks from the annotation classes segmentation
// counted (page.Block.Marks): content reports whether a marking class
// ("" for unmarked text) is main content. A block is Content when more than
// half of its non-space characters are under content classes.
func marksToLabels(blocks []page.Block, content func(mark string) bool) []Label {
	labels := make([]Label, len(blocks))
	for i, b := range blocks {
		in, all := 0, 0
		for m, n := range b.Marks {
			all += n
			if content(m) {
				in += n
			}
		}
		if all > 0 && 2*in > all {
			labels[i] = Content
		}
	}
	return labels
}
