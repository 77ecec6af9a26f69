package winnow

import (
	"fmt"
	"strings"
)

// Rule names what decided a block's verdict (Block.Rule).
//
// There are no post-processing rules: the five that revised the
// threshold's verdicts (promotion, gap, table, byline, fallback) were
// removed because none of them raised held-back text F1 beyond the spread
// between split seeds (docs/rules.md). Every verdict is the model's
// probability against the threshold, RuleThreshold. The type, Rules,
// ParseRules and WithRules remain so that callers that choose rules keep
// working.
type Rule uint8

// RuleThreshold is the model: the block's probability against the
// threshold.
const RuleThreshold Rule = 0

// String returns the rule's name: "threshold", or Rule(N) for a value
// that names no rule.
func (r Rule) String() string {
	if r == RuleThreshold {
		return "threshold"
	}
	return fmt.Sprintf("Rule(%d)", int(r))
}

// Rules returns the post-processing rules, in the order they run: none.
func Rules() []Rule { return nil }

// RuleNames returns the names of Rules(), in the same order: none.
func RuleNames() []string { return nil }

// ParseRules reads a list of post-processing rules: "all" (Rules()) or
// "none", which both mean no rule. Any other name, "threshold" included,
// is an error naming it.
func ParseRules(s string) ([]Rule, error) {
	switch strings.TrimSpace(s) {
	case "all", "none":
		return nil, nil
	}
	name, _, _ := strings.Cut(s, ",")
	return nil, fmt.Errorf("unknown post-processing rule %q (want all or none: there are no post-processing rules)", strings.TrimSpace(name))
}
