package winnow

import "github.com/winnow-dev/winnow/features/page"

// Fallback parameters, chosen by measurement on the held-back splits of
// seeds 1-3 (text F1 with and without it: see the README).
const (
	// fallbackWords: the fallback applies when the blocks kept hold at most
	// this many words, less than a paragraph. Measured: 0 (only pages with
	// nothing kept), 15, 30, 50, 100, 200 and 400; text F1 rose up to 100
	// on all three splits and fell below the 0 setting at 200.
	fallbackWords = 50
	// fallbackFloor is the share of the threshold that the most probable
	// dropped block must reach for the fallback to apply. Below it the
	// page is taken to have no more main content in its HTML (an article
	// that script renders, an error page).
	fallbackFloor = 0.5
	// fallbackShare: the fallback also keeps every block at least this
	// share as probable as the most probable dropped block.
	fallbackShare = 0.6
)

// fallback revises keep when the blocks it keeps hold at most fallbackWords
// words. If the most probable dropped block with words reaches
// fallbackFloor×threshold, every block with a probability of at least
// fallbackShare times that block's is kept too. This is the short text
// under a long menu, such as a documentation page whose navigation holds
// most of its words: the model scores the text 0.3 to 0.5 throughout, so a
// fixed threshold keeps nothing, or only the headline. fallback reports
// whether it changed keep; keep is modified in place, and why, if not nil,
// marks the blocks it kept.
func fallback(blocks []page.Block, probs []float64, keep []bool, why []Rule, threshold float64) bool {
	kept, best := 0, 0.0
	for i, p := range probs {
		switch {
		case keep[i]:
			kept += blocks[i].Words
		case blocks[i].Words > 0:
			best = max(best, p)
		}
	}
	if kept > fallbackWords || best == 0 || best < fallbackFloor*threshold {
		return false
	}
	changed := false
	for i, p := range probs {
		if !keep[i] && p >= fallbackShare*best {
			keep[i], changed = true, true
			mark(why, i, RuleFallback)
		}
	}
	return changed
}
