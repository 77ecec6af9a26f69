package winnow

import (
	"strings"
	"testing"
)

func TestRuleString(t *testing.T) {
	for r, want := range map[Rule]string{RuleThreshold: "threshold", Rule(9): "Rule(9)"} {
		if got := r.String(); got != want {
			t.Errorf("Rule(%d).String() = %q, want %q", int(r), got, want)
		}
	}
}

func TestRulesNone(t *testing.T) {
	if r, n := Rules(), RuleNames(); len(r) != 0 || len(n) != 0 {
		t.Errorf("Rules() = %v, RuleNames() = %v; want no post-processing rules", r, n)
	}
}

func TestParseRules(t *testing.T) {
	for _, in := range []string{"all", "none", " none "} {
		if got, err := ParseRules(in); err != nil || len(got) != 0 {
			t.Errorf("ParseRules(%q) = %v, %v; want no rules and no error", in, got, err)
		}
	}
	for in, name := range map[string]string{
		"gap":            `"gap"`,
		"fallback,gap":   `"fallback"`,
		"threshold":      `"threshold"`,
		"":               `""`,
		" promotion , x": `"promotion"`,
	} {
		if _, err := ParseRules(in); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("ParseRules(%q) error = %v, want one naming %s", in, err, name)
		}
	}
}

// TestWithRules checks that the rule options change nothing on the seed
// page and that every block is decided by the threshold.
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
