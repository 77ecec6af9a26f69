package winnow

import "github.com/winnow-dev/winnow/features"

// Fallback parameters, chosen by measurement on the held-back splits of
// seeds 1-3 (page text F1 with and without it: see the README).
const (
	// fallbackFloor is the share of the threshold that a page's most
	// probable block must reach for the fallback to apply. Below it the
	// page is taken to have no main content in its HTML (an article that
	// script renders, an error page), and nothing is kept.
	fallbackFloor = 0.5
	// fallbackShare: the fallback keeps every block at least this share as
	// probable as the page's most probable block.
	fallbackShare = 0.6
)

// fallback revises keep when it keeps no block with words. If the page's
// most probable block with words reaches fallbackFloor×threshold, every
// block with a probability of at least fallbackShare times that block's is
// kept instead.
// This is the short text under a long menu, such as a documentation page
// whose navigation holds most of its words: the model scores the text 0.3
// to 0.5 throughout, so a fixed threshold keeps nothing. fallback reports
// whether it changed keep; keep is modified in place.
func fallback(blocks []features.Block, probs []float64, keep []bool, threshold float64) bool {
	best := 0.0
	for i, p := range probs {
		if blocks[i].Words == 0 {
			continue
		}
		if keep[i] {
			return false
		}
		best = max(best, p)
	}
	if best == 0 || best < fallbackFloor*threshold {
		return false
	}
	for i, p := range probs {
		keep[i] = p >= fallbackShare*best
	}
	return true
}
