package winnow

import "github.com/winnow-dev/winnow/features"

// Smoothing parameters. They were chosen by measurement on the held-back
// split of the shared sets (see the README's evaluation section).
const (
	// gapMaxBlocks is the longest run of dropped blocks between two kept
	// ones that gap filling may restore.
	gapMaxBlocks = 1
	// gapMinProb is the least probability of content a dropped block needs
	// to be restored: a confident "boilerplate" (a promo between two
	// paragraphs) stays dropped.
	gapMinProb = 0.2
	// runGapBlocks is how many dropped blocks may separate kept blocks of one run.
	runGapBlocks = 4
	// isolatedShare: a run of kept blocks holding less than this share of
	// the main run's words is dropped as stray.
	isolatedShare = 0.05
	// isolatedSure: a stray run with a block at least this probable is kept
	// (a headline above a wall of share buttons).
	isolatedSure = 0.8
)

// Smooth revises the kept/dropped decisions with the block sequence: it
// restores a short, uncertain gap between kept blocks (a one-line paragraph
// or subheading inside the story) and drops small runs of kept blocks far
// from the main run (a teaser in the sidebar). keep is modified and returned.
func Smooth(blocks []features.Block, probs []float64, keep []bool) []bool {
	n := len(keep)
	// Fill gaps.
	for i := 0; i < n; i++ {
		if keep[i] {
			continue
		}
		j := i
		for j < n && !keep[j] {
			j++
		}
		if i > 0 && j < n && j-i <= gapMaxBlocks {
			for k := i; k < j; k++ {
				if probs[k] >= gapMinProb && blocks[k].LinkWords*2 < max(blocks[k].Words, 1) {
					keep[k] = true
				}
			}
		}
		i = j
	}
	// Find runs of kept blocks and their words.
	type run struct {
		start, end, words int
		sure              bool
	}
	var runs []run
	for i := 0; i < n; i++ {
		if !keep[i] {
			continue
		}
		if len(runs) > 0 && i-runs[len(runs)-1].end <= runGapBlocks {
			r := &runs[len(runs)-1]
			r.end = i + 1
			r.words += blocks[i].Words
			r.sure = r.sure || probs[i] >= isolatedSure
			continue
		}
		runs = append(runs, run{start: i, end: i + 1, words: blocks[i].Words, sure: probs[i] >= isolatedSure})
	}
	if len(runs) < 2 {
		return keep
	}
	main := 0
	for i, r := range runs {
		if r.words > runs[main].words {
			main = i
		}
	}
	for i, r := range runs {
		if i != main && !r.sure && float64(r.words) < isolatedShare*float64(runs[main].words) {
			for k := r.start; k < r.end; k++ {
				keep[k] = false
			}
		}
	}
	return keep
}
