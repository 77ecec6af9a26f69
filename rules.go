package winnow

import (
	"fmt"
	"slices"
	"strings"
)

// Rule names what decided a block's verdict (Block.Rule).
//
// Every verdict is the model's probability against the threshold,
// RuleThreshold, except where a post-processing rule (Rules) overrides
// it. There is one, RuleRepeat. The five that revised the threshold's
// verdicts before (promotion, gap, table, byline, fallback) were removed
// because none of them raised held-back text F1 beyond the spread between
// split seeds (docs/rules.md).
type Rule uint8

const (
	// RuleThreshold is the model: the block's probability against the
	// threshold.
	RuleThreshold Rule = iota
	// RuleRepeat drops a kept block whose text is that of a more probable
	// kept block, on the page types where a repeat is a copy (repeats).
	RuleRepeat
)

var ruleNames = [...]string{"threshold", "repeat"}

// String returns the rule's name: "threshold", "repeat", or Rule(N) for a
// value that names no rule.
func (r Rule) String() string {
	if int(r) < len(ruleNames) {
		return ruleNames[r]
	}
	return fmt.Sprintf("Rule(%d)", int(r))
}

// Rules returns the post-processing rules, in the order they run: the
// default of New (WithRules).
func Rules() []Rule { return []Rule{RuleRepeat} }

// RuleNames returns the names of Rules(), in the same order.
func RuleNames() []string {
	var names []string
	for _, r := range Rules() {
		names = append(names, r.String())
	}
	return names
}

// ParseRules reads a list of post-processing rules: "all" (Rules()),
// "none", or names of Rules() separated by commas, each at most once. Any
// other name, "threshold" included, is an error naming it.
func ParseRules(s string) ([]Rule, error) {
	switch strings.TrimSpace(s) {
	case "all":
		return Rules(), nil
	case "none":
		return nil, nil
	}
	var rules []Rule
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		i := slices.IndexFunc(Rules(), func(r Rule) bool { return r.String() == name })
		if i < 0 {
			return nil, fmt.Errorf("unknown post-processing rule %q (want all, none or some of %s)", name, strings.Join(RuleNames(), ","))
		}
		if r := Rules()[i]; !slices.Contains(rules, r) {
			rules = append(rules, r)
		}
	}
	return rules, nil
}
