package winnow

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/features/page"
)

func TestPostProcessRules(t *testing.T) {
	blk := func(words, links int) page.Block { return page.Block{Words: words, LinkWords: links} }
	h1 := page.Block{Words: 8, Kind: page.KindHeading, Level: 1}
	caption := page.Block{Words: 27, Kind: page.KindCaption}
	cell := func(words int) page.Block {
		return page.Block{Words: words, Tag: "td", Kind: page.KindTableCell, Flags: page.InTable | page.InDataTable}
	}
	layoutCell := page.Block{Words: 1, Tag: "td", Kind: page.KindTableCell, Flags: page.InTable}
	const T, P, G, B, F, D = RuleThreshold, RulePromotion, RuleGap, RuleByline, RuleFallback, RuleTable
	tests := []struct {
		name     string
		blocks   []page.Block
		probs    []float64
		wantKeep []bool
		wantWhy  []Rule
	}{
		{
			name:   "gap",
			blocks: []page.Block{blk(50, 0), blk(5, 0), blk(50, 0)}, probs: []float64{0.9, 0.3, 0.9},
			wantKeep: []bool{true, true, true}, wantWhy: []Rule{T, G, T},
		},
		{
			name:   "promotion",
			blocks: []page.Block{blk(50, 0), blk(14, 5), blk(40, 1)}, probs: []float64{0.99, 0.65, 0.99},
			wantKeep: []bool{true, false, true}, wantWhy: []Rule{T, P, T},
		},
		{
			name:   "byline",
			blocks: []page.Block{h1, blk(3, 0), blk(4, 0), blk(80, 0)}, probs: []float64{0.9, 0.3, 0.4, 0.95},
			wantKeep: []bool{true, true, true, true}, wantWhy: []Rule{T, B, B, T},
		},
		{
			name:     "byline with dates and the lead caption",
			blocks:   []page.Block{h1, blk(1, 0), blk(5, 0), blk(7, 0), caption, blk(80, 0)},
			probs:    []float64{0.9, 0.3, 0.35, 0.45, 0.25, 0.95},
			wantKeep: []bool{true, true, true, true, true, true}, wantWhy: []Rule{T, B, B, B, B, T},
		},
		{
			name:     "a long line that is not a caption ends the byline",
			blocks:   []page.Block{h1, blk(1, 0), blk(27, 0), blk(7, 0), blk(80, 0)},
			probs:    []float64{0.9, 0.3, 0.25, 0.45, 0.95},
			wantKeep: []bool{true, false, false, false, true}, wantWhy: []Rule{T, T, T, T, T},
		},
		{
			name:     "five lines under the headline are more than a byline",
			blocks:   []page.Block{h1, blk(1, 0), blk(2, 0), blk(3, 0), blk(2, 0), blk(4, 0), blk(80, 0)},
			probs:    []float64{0.9, 0.3, 0.3, 0.3, 0.3, 0.3, 0.95},
			wantKeep: []bool{true, false, false, false, false, false, true}, wantWhy: []Rule{T, T, T, T, T, T, T},
		},
		{
			name:   "fallback",
			blocks: []page.Block{blk(3, 0), blk(40, 0), blk(30, 0), blk(2, 0)}, probs: []float64{0.05, 0.45, 0.3, 0.26},
			wantKeep: []bool{false, true, true, false}, wantWhy: []Rule{T, F, F, T},
		},
		{
			name:   "fallback then gap",
			blocks: []page.Block{blk(40, 0), blk(6, 0), blk(30, 0)}, probs: []float64{0.45, 0.22, 0.4},
			wantKeep: []bool{true, true, true}, wantWhy: []Rule{F, G, F},
		},
		{
			name:   "fallback after a short kept line",
			blocks: []page.Block{blk(20, 0), blk(40, 0), blk(30, 0)}, probs: []float64{0.8, 0.45, 0.4},
			wantKeep: []bool{true, true, true}, wantWhy: []Rule{T, F, F},
		},
		{
			name:     "a data table between kept paragraphs",
			blocks:   []page.Block{blk(40, 0), cell(1), cell(2), cell(1), cell(3), blk(30, 0)},
			probs:    []float64{0.9, 0.1, 0.02, 0.15, 0.3, 0.9},
			wantKeep: []bool{true, true, true, true, true, true}, wantWhy: []Rule{T, D, D, D, D, T},
		},
		{
			name:     "a data table whose first cell is kept",
			blocks:   []page.Block{blk(40, 0), cell(7), cell(1), cell(1), cell(1), blk(30, 0), blk(2, 0)},
			probs:    []float64{0.9, 0.9, 0.1, 0.1, 0.6, 0.9, 0.1},
			wantKeep: []bool{true, true, true, true, true, true, false}, wantWhy: []Rule{T, T, D, D, T, T, T},
		},
		{
			name:     "a data table after the story stays dropped",
			blocks:   []page.Block{blk(40, 0), blk(30, 0), cell(1), cell(2), cell(1), blk(5, 3)},
			probs:    []float64{0.9, 0.9, 0.1, 0.1, 0.1, 0.1},
			wantKeep: []bool{true, true, false, false, false, false}, wantWhy: []Rule{T, T, T, T, T, T},
		},
		{
			name:     "a run with a cell of a layout table stays dropped",
			blocks:   []page.Block{blk(40, 0), cell(1), layoutCell, cell(1), blk(30, 0)},
			probs:    []float64{0.9, 0.1, 0.1, 0.1, 0.9},
			wantKeep: []bool{true, false, false, false, true}, wantWhy: []Rule{T, T, T, T, T},
		},
		{
			name:   "threshold alone",
			blocks: []page.Block{blk(40, 0), blk(6, 6), blk(30, 0)}, probs: []float64{0.9, 0.1, 0.8},
			wantKeep: []bool{true, false, true}, wantWhy: []Rule{T, T, T},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := make([]bool, len(tt.probs))
			for i, p := range tt.probs {
				keep[i] = p >= DefaultThreshold
			}
			why := postProcess(tt.blocks, tt.probs, keep, DefaultThreshold, allRules)
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
	for r, want := range map[Rule]string{RuleThreshold: "threshold", RuleFallback: "fallback", RuleTable: "table", Rule(9): "Rule(9)"} {
		if got := r.String(); got != want {
			t.Errorf("Rule(%d).String() = %q, want %q", int(r), got, want)
		}
	}
}

func TestRuleNames(t *testing.T) {
	want := []string{"promotion", "gap", "table", "byline", "fallback"}
	if diff := cmp.Diff(want, RuleNames()); diff != "" {
		t.Errorf("RuleNames() (-want +got):\n%s", diff)
	}
}

func TestParseRules(t *testing.T) {
	tests := []struct {
		in      string
		want    []Rule
		wantErr string
	}{
		{in: "all", want: Rules()},
		{in: "none", want: nil},
		{in: "gap, fallback", want: []Rule{RuleGap, RuleFallback}},
		{in: "table,gap", want: []Rule{RuleTable, RuleGap}},
		{in: "byline,byline", want: []Rule{RuleByline}},
		{in: "gap,smooth", wantErr: `"smooth"`},
		{in: "threshold", wantErr: `"threshold"`},
		{in: "", wantErr: `""`},
	}
	for _, tt := range tests {
		got, err := ParseRules(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseRules(%q) error = %v, want one naming %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseRules(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseRules(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestWithRules turns single rules off on the seed page: without the
// promotion rule the Google News line between two paragraphs is kept. The
// threshold is set just under the line's probability, so that the test
// does not depend on which side of 0.5 the embedded model puts it.
func TestWithRules(t *testing.T) {
	html, _ := seedPage(t)
	const promo = "Keep updated, follow"
	extract := func(opts ...Option) *Article {
		t.Helper()
		x, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		a, err := x.ExtractBytes(html)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	def := extract()
	if strings.Contains(def.Text, promo) {
		t.Errorf("default rules: the promotion %q is kept", promo)
	}
	p := -1.0
	for _, b := range def.Blocks {
		if strings.Contains(b.Text, promo) {
			p = b.Probability
		}
	}
	if p < 0 || p >= promoSure {
		t.Fatalf("the promotion's probability is %v; the test needs a block below promoSure (%v)", p, promoSure)
	}
	threshold := min(DefaultThreshold, p-0.01)
	under := WithThreshold(threshold)
	all := extract(under)
	if strings.Contains(all.Text, promo) {
		t.Errorf("threshold %.2f, all rules: the promotion %q is kept", threshold, promo)
	}
	noPromo := extract(under, WithRules(RuleGap, RuleByline, RuleFallback))
	if !strings.Contains(noPromo.Text, promo) {
		t.Errorf("promotion rule off: the promotion %q is dropped all the same", promo)
	}
	for _, b := range noPromo.Blocks {
		if b.Rule == RulePromotion {
			t.Errorf("promotion rule off, yet block %q has Rule %v", b.Text, b.Rule)
		}
	}
	if none, off := extract(WithRules()), extract(WithSmoothing(false)); none.Text != off.Text {
		t.Error("WithRules() and WithSmoothing(false) extract different text")
	}
	if all, def := extract(WithSmoothing(false), WithRules(Rules()...)), extract(); all.Text != def.Text {
		t.Error("WithRules(Rules()...) after WithSmoothing(false) does not restore the default")
	}
}
