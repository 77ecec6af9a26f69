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
// the threshold. The others are the post-processing rules, which WithRules
// chooses; a block marked with one of them has the opposite of the
// threshold's verdict.
const (
	RuleThreshold Rule = iota // the probability against the threshold
	RulePromotion             // dropped: an uncertain linked block inside the story
	RuleGap                   // kept: a lone uncertain block between two kept ones
	RuleByline                // kept: the short lines under the headline
	RuleFallback              // kept: the page kept at most 50 words, and the block is among the most probable dropped
	RuleTable                 // kept: a data table's cells between two kept blocks
	RuleTrailing              // dropped: a heading after the last kept text, with nothing under it
)

var ruleNames = [...]string{"threshold", "promotion", "gap", "byline", "fallback", "table", "trailing"}

// String returns the rule's name: threshold, promotion, gap, byline,
// fallback, table or trailing.
func (r Rule) String() string {
	if int(r) < len(ruleNames) {
		return ruleNames[r]
	}
	return fmt.Sprintf("Rule(%d)", int(r))
}

// verdicts is what a rule looks at: the page's blocks, the model's
// probability of content of each, the threshold, and the decisions so far
// (keep). A rule must not modify it.
type verdicts struct {
	blocks    []page.Block
	probs     []float64
	keep      []bool
	threshold float64
}

// rule is one post-processing rule. pick is a pure function of the
// verdicts that returns the blocks whose decision the rule reverses, in
// increasing order; the rule gives each of them the decision keeps.
type rule struct {
	id    Rule
	keeps bool
	pick  func(v verdicts) []int
	// again: when the rule reverses a decision, the rules before it in the
	// table run once more, over the new decisions.
	again bool
}

// ruleTable is the post-processing, in the order the rules run. The first
// four repair the story's edges and gaps; the fallback, which may keep the
// page's whole text, runs last, and the four run again over its result.
var ruleTable = [...]rule{
	{id: RulePromotion, keeps: false, pick: promotion},
	{id: RuleGap, keeps: true, pick: gap},
	{id: RuleTable, keeps: true, pick: table},
	{id: RuleByline, keeps: true, pick: byline},
	{id: RuleTrailing, keeps: false, pick: trailing},
	{id: RuleFallback, keeps: true, pick: fallback, again: true},
}

// applyRules runs the rules of on, in the order of ruleTable, over keep,
// the threshold's decisions, which it turns into the final ones. It
// returns per block the rule that decided it: RuleThreshold where the
// final decision is the threshold's.
func applyRules(blocks []page.Block, probs []float64, keep []bool, threshold float64, on ruleSet) []Rule {
	why := make([]Rule, len(keep))
	v := verdicts{blocks: blocks, probs: probs, keep: keep, threshold: threshold}
	run := func(r *rule) bool {
		picked := r.pick(v)
		for _, i := range picked {
			keep[i] = r.keeps
			why[i] = r.id
		}
		return len(picked) > 0
	}
	for i := range ruleTable {
		r := &ruleTable[i]
		if !on.has(r.id) || !run(r) || !r.again {
			continue
		}
		for j := range ruleTable[:i] {
			if on.has(ruleTable[j].id) {
				run(&ruleTable[j])
			}
		}
	}
	for i, p := range probs {
		if keep[i] == (p >= threshold) {
			why[i] = RuleThreshold
		}
	}
	return why
}

// The rules' parameters (docs/rules.md has the measurements behind them).
const (
	// gapMaxBlocks is the longest run of dropped blocks between two kept
	// ones that the gap rule may restore.
	gapMaxBlocks = 1
	// gapMinProb is the least probability of content a dropped block needs
	// for the gap and byline rules to restore it: a confident
	// "boilerplate" stays dropped.
	gapMinProb = 0.2
	// promoSure: a linked block at least this probable is never taken for
	// a promotion.
	promoSure = 0.8
	// proseWords is the least number of words of a paragraph of prose
	// around a promotion.
	proseWords = 15
	// bylineMaxBlocks and bylineWords bound the byline run after the
	// headline; a figure caption in the run may be longer.
	bylineMaxBlocks = 4
	bylineWords     = 12
	// fallbackWords: the fallback applies when the blocks kept hold at most
	// this many words, less than a paragraph.
	fallbackWords = 50
	// fallbackFloor is the share of the threshold that the most probable
	// dropped block must reach for the fallback to apply; below it the
	// page is taken to have no main content in its HTML (an article that
	// script renders, an error page).
	fallbackFloor = 0.5
	// fallbackShare: the fallback keeps every dropped block at least this
	// share as probable as the most probable dropped block.
	fallbackShare = 0.6
)

// linky reports whether a third or more of b's words are in links.
func linky(b *page.Block) bool { return b.Words > 0 && 3*b.LinkWords >= b.Words }

// prose reports whether block i exists, is kept, and is a paragraph of
// mostly unlinked prose.
func (v verdicts) prose(i int) bool {
	if i < 0 || i >= len(v.keep) || !v.keep[i] {
		return false
	}
	b := &v.blocks[i]
	return b.Words >= proseWords && 5*b.LinkWords < b.Words
}

// promotion drops an uncertain linked block that is not a heading, sitting
// between two kept paragraphs of prose: the "Read more" or "follow us"
// line injected into a story. Headings are left to the model, because
// linked section headings of documentation look the same.
func promotion(v verdicts) []int {
	var out []int
	for i := 1; i+1 < len(v.keep); i++ {
		b := &v.blocks[i]
		if v.keep[i] && v.probs[i] < promoSure && b.Kind != page.KindHeading && linky(b) && v.prose(i-1) && v.prose(i+1) {
			out = append(out, i)
		}
	}
	return out
}

// gap restores a lone dropped block between two kept ones when it has few
// links and is not confidently boilerplate: a one-line paragraph or
// subheading of the story.
func gap(v verdicts) []int {
	var out []int
	droppedRuns(v.keep, func(i, j int) {
		if j-i > gapMaxBlocks {
			return
		}
		for k := i; k < j; k++ {
			if v.probs[k] >= gapMinProb && !linky(&v.blocks[k]) {
				out = append(out, k)
			}
		}
	})
	return out
}

// trailing drops the kept headings that come after the last kept block
// that is not a heading: a heading introduces text, and one with no kept
// text after it titles what follows the story (tags, "Top News",
// "Related", "More from"), which the model dropped.
func trailing(v verdicts) []int {
	last := -1
	for i := len(v.keep) - 1; i >= 0; i-- {
		if v.keep[i] && v.blocks[i].Kind != page.KindHeading {
			last = i
			break
		}
	}
	if last < 0 {
		return nil // headings alone: the fallback's case, not this rule's
	}
	var out []int
	for i := last + 1; i < len(v.keep); i++ {
		if v.keep[i] {
			out = append(out, i)
		}
	}
	return out
}

// table restores a run of dropped blocks between two kept ones when every
// block of it is in a data table (page.InDataTable): the scores or
// figures a story tabulates, whose short cells the model takes for
// boilerplate. A table after the story's last kept block is left to the
// model.
func table(v verdicts) []int {
	var out []int
	droppedRuns(v.keep, func(i, j int) {
		for k := i; k < j; k++ {
			if v.blocks[k].Flags&page.InDataTable == 0 {
				return
			}
		}
		for k := i; k < j; k++ {
			out = append(out, k)
		}
	})
	return out
}

// byline restores the run of up to bylineMaxBlocks dropped blocks between
// the first kept first-level heading and the next kept block when each is
// unlinked, not confidently boilerplate, and short (at most bylineWords
// words) or a caption: the author, dates and lead photo's caption, which
// belong to the story.
func byline(v verdicts) []int {
	n := len(v.keep)
	for h := range n {
		if b := &v.blocks[h]; !v.keep[h] || b.Kind != page.KindHeading || b.Level != 1 {
			continue
		}
		j := h + 1
		for j < n && !v.keep[j] && j-h <= bylineMaxBlocks {
			j++
		}
		if j == h+1 || j >= n || !v.keep[j] {
			return nil
		}
		for k := h + 1; k < j; k++ {
			b := &v.blocks[k]
			long := b.Words > bylineWords && b.Kind != page.KindCaption
			if b.LinkWords > 0 || long || v.probs[k] < gapMinProb {
				return nil
			}
		}
		out := make([]int, 0, j-h-1)
		for k := h + 1; k < j; k++ {
			out = append(out, k)
		}
		return out
	}
	return nil
}

// fallback applies when the kept blocks hold at most fallbackWords words
// and the most probable dropped block with words reaches
// fallbackFloor×threshold: it keeps every dropped block at least
// fallbackShare times as probable as that one. This is the short text
// under a long menu, which the model scores a little under the threshold
// throughout, so that the threshold alone keeps nothing or only the
// headline.
func fallback(v verdicts) []int {
	kept, best := 0, 0.0
	for i, p := range v.probs {
		switch {
		case v.keep[i]:
			kept += v.blocks[i].Words
		case v.blocks[i].Words > 0:
			best = max(best, p)
		}
	}
	if kept > fallbackWords || best == 0 || best < fallbackFloor*v.threshold {
		return nil
	}
	var out []int
	for i, p := range v.probs {
		if !v.keep[i] && p >= fallbackShare*best {
			out = append(out, i)
		}
	}
	return out
}

// droppedRuns calls fn(i, j) for each run keep[i:j] of dropped blocks with
// a kept block on either side, in order.
func droppedRuns(keep []bool, fn func(i, j int)) {
	n := len(keep)
	for i := 0; i < n; i++ {
		if keep[i] {
			continue
		}
		j := i
		for j < n && !keep[j] {
			j++
		}
		if i > 0 && j < n {
			fn(i, j)
		}
		i = j
	}
}

// Rules returns the post-processing rules, every Rule but RuleThreshold, in
// the order they run.
func Rules() []Rule {
	out := make([]Rule, len(ruleTable))
	for i := range ruleTable {
		out[i] = ruleTable[i].id
	}
	return out
}

// RuleNames returns the names of Rules(), in the same order.
func RuleNames() []string {
	var names []string
	for _, r := range Rules() {
		names = append(names, r.String())
	}
	return names
}

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
