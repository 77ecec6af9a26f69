package winnow

import (
	"fmt"

	"github.com/winnow-dev/winnow/features"
)

// Rule names what decided a block's verdict (Block.Content).
type Rule uint8

// The rules. RuleThreshold is the model: the block's probability against
// the threshold. The others are the post-processing that WithSmoothing
// turns on, and each overrode the model's verdict.
const (
	RuleThreshold Rule = iota // the probability against the threshold
	RulePromotion             // dropped: an uncertain linked block inside the story (Smooth)
	RuleGap                   // kept: a lone uncertain block between two kept ones (Smooth)
	RuleByline                // kept: the short lines under the headline (Smooth)
	RuleFallback              // kept: no block reached the threshold (see WithSmoothing)
)

var ruleNames = [...]string{"threshold", "promotion", "gap", "byline", "fallback"}

// Rules returns the post-processing rules, every Rule but RuleThreshold, in
// the order they run.
func Rules() []Rule { return []Rule{RulePromotion, RuleGap, RuleByline, RuleFallback} }

// String returns the rule's name: threshold, promotion, gap, byline or fallback.
func (r Rule) String() string {
	if int(r) < len(ruleNames) {
		return ruleNames[r]
	}
	return fmt.Sprintf("Rule(%d)", int(r))
}

// postProcess applies Smooth and the fallback to keep, the verdicts of the
// threshold, and returns per block the rule that decided it: RuleThreshold
// where the final verdict is the threshold's.
func postProcess(blocks []features.Block, probs []float64, keep []bool, threshold float64) []Rule {
	why := make([]Rule, len(keep))
	smooth(blocks, probs, keep, why)
	if fallback(blocks, probs, keep, threshold) {
		for i, k := range keep {
			why[i] = RuleThreshold
			if k {
				why[i] = RuleFallback
			}
		}
		smooth(blocks, probs, keep, why)
	}
	for i, p := range probs {
		if keep[i] == (p >= threshold) {
			why[i] = RuleThreshold
		}
	}
	return why
}
