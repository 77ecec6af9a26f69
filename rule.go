package winnow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// Rule names what decided a block's verdict (Block.Content).
type Rule uint8

// The rules. RuleThreshold is the model: the block's probability against
// the threshold. The others are the post-processing rules that WithRules
// chooses and WithSmoothing turns on or off; a block marked with one of
// them has the opposite of the threshold's verdict.
const (
	RuleThreshold Rule = iota // the probability against the threshold
	RulePromotion             // dropped: an uncertain linked block inside the story (Smooth)
	RuleGap                   // kept: a lone uncertain block between two kept ones (Smooth)
	RuleByline                // kept: the short lines under the headline (Smooth)
	RuleFallback              // kept: the page kept at most 50 words, and the block is among the most probable dropped
	RuleTable                 // kept: a data table's cells between two kept blocks (Smooth)
)

var ruleNames = [...]string{"threshold", "promotion", "gap", "byline", "fallback", "table"}

// Rules returns the post-processing rules, every Rule but RuleThreshold, in
// the order they run.
func Rules() []Rule { return []Rule{RulePromotion, RuleGap, RuleTable, RuleByline, RuleFallback} }

// ParseRules reads a comma-separated list of post-processing rule names, as
// Rule.String writes them, "all" for Rules() or "none" for no rule. An
// unknown name, or "threshold", is an error naming it.
func ParseRules(s string) ([]Rule, error) {
	switch strings.TrimSpace(s) {
	case "none":
		return nil, nil
	case "all":
		return Rules(), nil
	}
	var out []Rule
	for name := range strings.SplitSeq(s, ",") {
		name = strings.TrimSpace(name)
		found := false
		for _, r := range Rules() {
			if r.String() == name {
				found = true
				if !slices.Contains(out, r) {
					out = append(out, r)
				}
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown post-processing rule %q (want all, none, or some of %s)", name, strings.Join(RuleNames(), ", "))
		}
	}
	return out, nil
}

// RuleNames returns the names of Rules(), in the same order.
func RuleNames() []string {
	var names []string
	for _, r := range Rules() {
		names = append(names, r.String())
	}
	return names
}

// ruleSet is a set of post-processing rules, one bit per Rule.
type ruleSet uint8

// allRules is every post-processing rule.
var allRules = ruleSetOf(Rules())

func (s ruleSet) has(r Rule) bool { return s&(1<<r) != 0 }

func ruleSetOf(rules []Rule) ruleSet {
	var s ruleSet
	for _, r := range rules {
		if r != RuleThreshold && int(r) < len(ruleNames) {
			s |= 1 << r
		}
	}
	return s
}

// String returns the rule's name: threshold, promotion, gap, byline, fallback or table.
func (r Rule) String() string {
	if int(r) < len(ruleNames) {
		return ruleNames[r]
	}
	return fmt.Sprintf("Rule(%d)", int(r))
}

// postProcess applies the rules in on to keep, the verdicts of the
// threshold, and returns per block the rule that decided it: RuleThreshold
// where the final verdict is the threshold's.
func postProcess(blocks []page.Block, probs []float64, keep []bool, threshold float64, on ruleSet) []Rule {
	why := make([]Rule, len(keep))
	smooth(blocks, probs, keep, why, on)
	if on.has(RuleFallback) && fallback(blocks, probs, keep, why, threshold) {
		smooth(blocks, probs, keep, why, on)
	}
	for i, p := range probs {
		if keep[i] == (p >= threshold) {
			why[i] = RuleThreshold
		}
	}
	return why
}
