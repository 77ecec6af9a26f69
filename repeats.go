package winnow

import "github.com/winnow-dev/winnow/features/page"

// repeatMinWords is the fewest words of a block that RuleRepeat reads as a
// copy when another kept block has its text: shorter ones (labels, prices,
// "Reply") repeat on their own. The measured effect does not change from 4
// to 12 words (docs/rules.md, "Repeats").
const repeatMinWords = 8

// repeats applies RuleRepeat to the decisions keep of p's blocks, whose
// probabilities are probs: of the kept blocks of at least repeatMinWords
// words with the same text, only the most probable (the first of equals)
// stays kept. It returns the verdicts it overrode (why[i] == RuleRepeat;
// nil when none). Which copy stays does not depend on the threshold, so a
// higher threshold still keeps a subset of the blocks.
//
// It runs on the page types where a repeated block is a copy of the same
// text, not more of it (repeatTypes): a product's carousel slides cloned
// for looping and the descriptions written twice for small and large
// screens, and the posts that replies on a forum quote whole.
func repeats(p *page.Page, probs []float64, keep []bool) []Rule {
	var why []Rule
	first := map[string]int{} // text → the kept block with it that stays
	for i, k := range keep {
		b := &p.Blocks[i]
		if !k || b.Words < repeatMinWords {
			continue
		}
		j, seen := first[b.Text]
		if !seen {
			first[b.Text] = i
			continue
		}
		if why == nil {
			why = make([]Rule, len(keep))
		}
		drop := i
		if probs[i] > probs[j] {
			drop, first[b.Text] = j, i
		}
		keep[drop], why[drop] = false, RuleRepeat
	}
	return why
}
