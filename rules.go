package winnow

import (
	"cmp"
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
	RulePromotion             // dropped: an uncertain linked block between two probable paragraphs of prose
	RuleGap                   // kept: a lone uncertain block between two kept ones
	RuleByline                // kept: the short lines under the headline
	RuleFallback              // kept: the threshold kept at most 50 words, and the block is among the most probable
	RuleTable                 // kept: a data table's cells between two kept blocks
)

var ruleNames = [...]string{"threshold", "promotion", "gap", "byline", "fallback", "table"}

// String returns the rule's name: threshold, promotion, gap, byline, fallback or table.
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
//
// Every rule is monotone, so that raising the threshold never keeps a
// block that a lower threshold drops: with more blocks kept before it, a
// rule keeps at least the blocks it kept with fewer (it keeps a block
// according to the kept blocks around it, and drops one only on grounds
// that do not depend on the decisions), and with the same blocks kept and
// a higher threshold, it keeps no more (its probability floors are shares
// of the threshold). The threshold's own verdicts have both properties,
// and so does any sequence of such rules.
type rule struct {
	id    Rule
	keeps bool
	pick  func(v verdicts) []int
}

// ruleTable is the post-processing, in the order the rules run, each once:
// the fallback, which lowers the threshold on a page where it keeps almost
// nothing, first, then the rules that repair the story's edges and gaps.
var ruleTable = [...]rule{
	{id: RuleFallback, keeps: true, pick: fallback},
	{id: RulePromotion, keeps: false, pick: promotion},
	{id: RuleGap, keeps: true, pick: gap},
	{id: RuleTable, keeps: true, pick: table},
	{id: RuleByline, keeps: true, pick: byline},
}

// applyRules runs the rules of on, in the order of ruleTable, over keep,
// the threshold's decisions, which it turns into the final ones. It
// returns per block the rule that decided it: RuleThreshold where the
// final decision is the threshold's. For thresholds t1 < t2, the blocks
// kept at t2 are a subset of those kept at t1.
func applyRules(blocks []page.Block, probs []float64, keep []bool, threshold float64, on ruleSet) []Rule {
	why := make([]Rule, len(keep))
	v := verdicts{blocks: blocks, probs: probs, keep: keep, threshold: threshold}
	for i := range ruleTable {
		r := &ruleTable[i]
		if !on.has(r.id) {
			continue
		}
		for _, k := range r.pick(v) {
			keep[k] = r.keeps
			why[k] = r.id
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
	// floorShare is the share of the threshold that a dropped block's
	// probability must reach for the gap and byline rules to restore it
	// (0.2 at the default threshold): a confident "boilerplate" stays
	// dropped.
	floorShare = 0.4
	// promoSure: a linked block at least this probable is never taken for
	// a promotion.
	promoSure = 0.8
	// proseProb and proseWords: the paragraphs around a promotion are at
	// least this probable and hold at least this many words.
	proseProb  = DefaultThreshold
	proseWords = 15
	// bylineMaxBlocks and bylineWords bound the byline run after the
	// headline; a figure caption in the run may be longer.
	bylineMaxBlocks = 4
	bylineWords     = 12
	// fallbackWords: the fallback applies when the blocks at or above the
	// threshold hold at most this many words, less than a paragraph.
	fallbackWords = 50
	// fallbackFloor is the share of the threshold below which the
	// fallback never lowers it: a page whose text is all below it is taken
	// to have no main content in its HTML (an article that script
	// renders, an error page).
	fallbackFloor = 0.5
)

// linky reports whether a third or more of b's words are in links.
func linky(b *page.Block) bool { return b.Words > 0 && 3*b.LinkWords >= b.Words }

// prose reports whether block i exists, is at least proseProb probable,
// and is a paragraph of mostly unlinked prose. It does not look at the
// decisions, so that the promotion rule is monotone.
func (v verdicts) prose(i int) bool {
	if i < 0 || i >= len(v.probs) || v.probs[i] < proseProb {
		return false
	}
	b := &v.blocks[i]
	return b.Words >= proseWords && 5*b.LinkWords < b.Words
}

// promotion drops an uncertain (below promoSure) kept linked block that is
// not a heading, sitting between two probable paragraphs of prose: the
// "Read more" or "follow us" line injected into a story. Headings are
// left to the model, because linked section headings of documentation
// look the same.
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
// links and its probability reaches floorShare×threshold: a one-line
// paragraph or subheading of the story.
func gap(v verdicts) []int {
	var out []int
	droppedRuns(v.keep, func(i, j int) {
		if j-i > gapMaxBlocks {
			return
		}
		for k := i; k < j; k++ {
			if v.probs[k] >= floorShare*v.threshold && !linky(&v.blocks[k]) {
				out = append(out, k)
			}
		}
	})
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

// byline applies when the page's first first-level heading is kept. The
// byline lines are the up to bylineMaxBlocks blocks right after it that
// are each unlinked, short (at most bylineWords words) or a caption, and
// at least floorShare×threshold probable: the author, dates and lead
// photo's caption, which belong to the story. The rule restores every
// dropped byline line that has a kept block after it, among the byline
// lines or the block right after them.
func byline(v verdicts) []int {
	n := len(v.keep)
	h := slices.IndexFunc(v.blocks, func(b page.Block) bool { return b.Kind == page.KindHeading && b.Level == 1 })
	if h < 0 || !v.keep[h] {
		return nil
	}
	end := h + 1 // the byline lines are v.blocks[h+1:end]
	for end < n && end-h <= bylineMaxBlocks {
		b := &v.blocks[end]
		long := b.Words > bylineWords && b.Kind != page.KindCaption
		if b.LinkWords > 0 || long || v.probs[end] < floorShare*v.threshold {
			break
		}
		end++
	}
	last := -1 // the last kept block among the lines and the one after them
	for k := min(end, n-1); k > h; k-- {
		if v.keep[k] {
			last = k
			break
		}
	}
	var out []int
	for k := h + 1; k < last; k++ {
		if !v.keep[k] {
			out = append(out, k)
		}
	}
	return out
}

// fallback lowers the threshold on a page where the blocks at or above it
// hold at most fallbackWords words: it keeps the most probable blocks, down
// to the probability at which they first hold more than fallbackWords
// words, but none below fallbackFloor×threshold. This is the short text
// under a long menu, which the model scores a little under the threshold
// throughout, so that the threshold alone keeps nothing or only the
// headline. The probability it lowers the threshold to does not depend on
// the threshold, so that a higher threshold never ends up lower.
func fallback(v verdicts) []int {
	kept := 0
	for i, p := range v.probs {
		if p >= v.threshold {
			kept += v.blocks[i].Words
		}
	}
	if kept > fallbackWords {
		return nil
	}
	lowered := max(pageLevel(v.blocks, v.probs), fallbackFloor*v.threshold)
	var out []int
	for i, p := range v.probs {
		if !v.keep[i] && p >= lowered {
			out = append(out, i)
		}
	}
	return out
}

// pageLevel returns the highest probability p such that the blocks at
// least p probable hold more than fallbackWords words, or 0 if the whole
// page holds no more.
func pageLevel(blocks []page.Block, probs []float64) float64 {
	order := make([]int, 0, len(probs))
	for i := range probs {
		if blocks[i].Words > 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(probs[b], probs[a]) })
	words := 0
	for _, i := range order {
		words += blocks[i].Words
		if words > fallbackWords {
			return probs[i]
		}
	}
	return 0
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
