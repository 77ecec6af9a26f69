package winnow

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/features"
)

func TestPostProcessRules(t *testing.T) {
	blk := func(words, links int) features.Block { return features.Block{Words: words, LinkWords: links} }
	h1 := features.Block{Words: 8, Kind: features.KindHeading, Level: 1}
	const T, P, G, B, F = RuleThreshold, RulePromotion, RuleGap, RuleByline, RuleFallback
	tests := []struct {
		name     string
		blocks   []features.Block
		probs    []float64
		wantKeep []bool
		wantWhy  []Rule
	}{
		{
			name:   "gap",
			blocks: []features.Block{blk(50, 0), blk(5, 0), blk(50, 0)}, probs: []float64{0.9, 0.3, 0.9},
			wantKeep: []bool{true, true, true}, wantWhy: []Rule{T, G, T},
		},
		{
			name:   "promotion",
			blocks: []features.Block{blk(50, 0), blk(14, 5), blk(40, 1)}, probs: []float64{0.99, 0.65, 0.99},
			wantKeep: []bool{true, false, true}, wantWhy: []Rule{T, P, T},
		},
		{
			name:   "byline",
			blocks: []features.Block{h1, blk(3, 0), blk(4, 0), blk(80, 0)}, probs: []float64{0.9, 0.3, 0.4, 0.95},
			wantKeep: []bool{true, true, true, true}, wantWhy: []Rule{T, B, B, T},
		},
		{
			name:   "fallback",
			blocks: []features.Block{blk(3, 0), blk(40, 0), blk(30, 0), blk(2, 0)}, probs: []float64{0.05, 0.45, 0.3, 0.26},
			wantKeep: []bool{false, true, true, false}, wantWhy: []Rule{T, F, F, T},
		},
		{
			name:   "fallback then gap",
			blocks: []features.Block{blk(40, 0), blk(6, 0), blk(30, 0)}, probs: []float64{0.45, 0.22, 0.4},
			wantKeep: []bool{true, true, true}, wantWhy: []Rule{F, G, F},
		},
		{
			name:   "threshold alone",
			blocks: []features.Block{blk(40, 0), blk(6, 6), blk(30, 0)}, probs: []float64{0.9, 0.1, 0.8},
			wantKeep: []bool{true, false, true}, wantWhy: []Rule{T, T, T},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := make([]bool, len(tt.probs))
			for i, p := range tt.probs {
				keep[i] = p >= DefaultThreshold
			}
			why := postProcess(tt.blocks, tt.probs, keep, DefaultThreshold)
			if diff := cmp.Diff(tt.wantKeep, keep); diff != "" {
				t.Errorf("keep (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantWhy, why); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRuleString(t *testing.T) {
	for r, want := range map[Rule]string{RuleThreshold: "threshold", RuleFallback: "fallback", Rule(9): "Rule(9)"} {
		if got := r.String(); got != want {
			t.Errorf("Rule(%d).String() = %q, want %q", int(r), got, want)
		}
	}
}
