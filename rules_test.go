package winnow

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
)

func TestRuleString(t *testing.T) {
	for r, want := range map[Rule]string{RuleThreshold: "threshold", RuleRepeat: "repeat", Rule(9): "Rule(9)"} {
		if got := r.String(); got != want {
			t.Errorf("Rule(%d).String() = %q, want %q", int(r), got, want)
		}
	}
}

func TestRules(t *testing.T) {
	if r, n := Rules(), RuleNames(); !slices.Equal(r, []Rule{RuleRepeat}) || !slices.Equal(n, []string{"repeat"}) {
		t.Errorf("Rules() = %v, RuleNames() = %v; want repeat", r, n)
	}
}

func TestParseRules(t *testing.T) {
	for in, want := range map[string][]Rule{
		"all": {RuleRepeat}, " all ": {RuleRepeat}, "none": nil, " none ": nil,
		"repeat": {RuleRepeat}, "repeat, repeat": {RuleRepeat},
	} {
		if got, err := ParseRules(in); err != nil || !slices.Equal(got, want) {
			t.Errorf("ParseRules(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, name := range map[string]string{
		"gap":            `"gap"`,
		"repeat,gap":     `"gap"`,
		"threshold":      `"threshold"`,
		"":               `""`,
		" promotion , x": `"promotion"`,
	} {
		if _, err := ParseRules(in); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("ParseRules(%q) error = %v, want one naming %s", in, err, name)
		}
	}
}

// TestRepeats checks RuleRepeat on a page of copies: of the kept blocks
// with one text, the most probable stays, whatever the threshold; short
// blocks and blocks the threshold dropped are left alone.
func TestRepeats(t *testing.T) {
	long := "a slide of the carousel cloned for looping, word for word"
	other := "a description written once for small screens and once for large"
	p := &page.Page{Blocks: []page.Block{
		{Text: long, Words: 11}, {Text: "Add to cart", Words: 3}, {Text: long, Words: 11},
		{Text: other, Words: 11}, {Text: "Add to cart", Words: 3}, {Text: long, Words: 11}, {Text: other, Words: 11},
	}}
	probs := []float64{0.6, 0.9, 0.8, 0.7, 0.9, 0.8, 0.4}
	for _, c := range []struct {
		threshold float64
		keep      []bool
	}{
		// The second copy of long is the most probable (0.8, before the
		// third's equal 0.8); other's second copy is below the threshold.
		{0.5, []bool{false, true, true, true, true, false, false}},
		{0.3, []bool{false, true, true, true, true, false, false}},
		{0.75, []bool{false, true, true, false, true, false, false}},
		{0.85, []bool{false, true, false, false, true, false, false}},
	} {
		keep := make([]bool, len(probs))
		for i, pr := range probs {
			keep[i] = pr >= c.threshold
		}
		before := slices.Clone(keep)
		why := repeats(p, probs, keep)
		if !slices.Equal(keep, c.keep) {
			t.Errorf("threshold %v: kept %v, want %v", c.threshold, keep, c.keep)
		}
		for i := range keep {
			dropped := before[i] && !keep[i]
			if got := why != nil && why[i] == RuleRepeat; got != dropped {
				t.Errorf("threshold %v: block %d: why %v, dropped %v", c.threshold, i, why, dropped)
			}
		}
	}
	if why := repeats(p, probs, make([]bool, len(probs))); why != nil {
		t.Errorf("nothing kept: why %v, want nil", why)
	}
}

// TestRepeatsByType checks that RuleRepeat runs on products and forums
// only, and not at all without the rule. The blocks' probabilities are
// given, so no smoothing model revises them.
func TestRepeatsByType(t *testing.T) {
	x, err := New(WithSmoother(nil))
	if err != nil {
		t.Fatal(err)
	}
	none, err := New(WithRules(), WithSmoother(nil))
	if err != nil {
		t.Fatal(err)
	}
	text := "the same paragraph of the product's description, printed twice on the page"
	p := &page.Page{Blocks: []page.Block{{Text: text, Words: 12, Kind: page.KindParagraph}, {Text: text, Words: 12, Kind: page.KindParagraph}}}
	for _, c := range []struct {
		x        *Extractor
		pageType string
		want     []bool
	}{
		{x, pageTypeProduct, []bool{true, false}},
		{x, pageTypeForum, []bool{true, false}},
		{x, pageTypeArticle, []bool{true, true}},
		{x, "listing", []bool{true, true}},
		{none, pageTypeProduct, []bool{true, true}},
	} {
		a, err := c.x.decide(p, c.pageType, []float64{0.9, 0.9}, make([]float64, 2*features.NumSmoothFeatures()), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := []bool{a.Blocks[0].Content, a.Blocks[1].Content}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s page: kept %v, want %v", c.pageType, got, c.want)
		}
		if !c.want[1] && a.Blocks[1].Rule != RuleRepeat {
			t.Errorf("%s page: the dropped copy's rule is %v, want repeat", c.pageType, a.Blocks[1].Rule)
		}
		want := text
		if c.want[1] {
			want = text + "\n\n" + text
		}
		if a.Text != want {
			t.Errorf("%s page: text %q, want %q", c.pageType, a.Text, want)
		}
	}
}

// TestWithRules checks that the rule options change nothing on the seed
// page, an article, where no rule runs: every block is decided by the
// threshold.
func TestWithRules(t *testing.T) {
	html, _ := seedPage(t)
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
	for _, b := range def.Blocks {
		if b.Rule != RuleThreshold || b.Content != (b.Probability >= DefaultThreshold) {
			t.Errorf("block %q: content %v, P %v, rule %v; want the threshold's verdict", b.Text, b.Content, b.Probability, b.Rule)
		}
	}
	for name, opts := range map[string][]Option{
		"WithRules()":         {WithRules()},
		"WithRules(Rules())":  {WithRules(Rules()...)},
		"WithSmoothing(true)": {WithSmoothing(true)},
		"WithSmoothing(off)":  {WithSmoothing(false)},
	} {
		if a := extract(opts...); a.Text != def.Text {
			t.Errorf("%s extracts other text than the default", name)
		}
	}
}
