package model

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteRules(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(2000, 6, 3, 0)
	m := mustFit(t, s, X, y, Config{MaxDepth: 3})
	for _, tc := range []struct {
		name     string
		depth    int
		contains []string
		reason   string
	}{
		{"full", 0, []string{"if f02 < 0.5", "if f05 < 7.5", "content  # P(content)=1.000", "boilerplate  # P(content)=0.000", "} else {"}, "the rule is spelled out with names and thresholds"},
		{"cut", 1, []string{"if f05 < 7.5", "...  # subtree"}, "below the depth limit subtrees are summarised"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := m.WriteRules(&b, tc.depth); err != nil {
				t.Fatal(err)
			}
			for _, c := range tc.contains {
				if !strings.Contains(b.String(), c) {
					t.Errorf("%s: rules lack %q:\n%s", tc.reason, c, b.String())
				}
			}
		})
	}
	var dot bytes.Buffer
	if err := m.WriteDot(&dot); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"digraph winnow {", "t0n0 -> t0n1 [label=\"yes\"]", "f02 < 0.5"} {
		if !strings.Contains(dot.String(), c) {
			t.Errorf("dot lacks %q:\n%s", c, dot.String())
		}
	}
}

func TestWriteForest(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(1000, 6, 3, 0.1)
	m := mustFit(t, s, X, y, Config{MaxDepth: 2, Trees: 3, Seed: 5})
	var rules, dot bytes.Buffer
	if err := m.WriteRules(&rules, 0); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteDot(&dot); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		out, want, reason string
	}{
		{rules.String(), "# tree 3 of 3", "each tree of a forest gets a header"},
		{dot.String(), "subgraph cluster_2", "each tree of a forest gets a cluster"},
		{dot.String(), "t2n0 -> t2n1", "node ids are per tree"},
	} {
		if !strings.Contains(tc.out, tc.want) {
			t.Errorf("%s: output lacks %q", tc.reason, tc.want)
		}
	}
}

func TestWriteBoosted(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(1000, 6, 3, 0.1)
	m := mustBoost(t, s, X, y, Config{MaxDepth: 2, Trees: 2})
	var rules, dot bytes.Buffer
	if err := m.WriteRules(&rules, 0); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteDot(&dot); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		out, want, reason string
	}{
		{rules.String(), "# P(content) = 1/(1+exp(-(", "the rules say how scores make a probability"},
		{rules.String(), "# tree 2 of 2", "each boosted tree gets a header"},
		{rules.String(), "score -", "leaves print scores"},
		{dot.String(), "score ", "dot leaves print scores"},
	} {
		if !strings.Contains(tc.out, tc.want) {
			t.Errorf("%s: output lacks %q:\n%s", tc.reason, tc.want, tc.out)
		}
	}
	if strings.Contains(rules.String(), "P(content)=0.") && strings.Contains(rules.String(), "boilerplate  #") {
		t.Errorf("boosted leaves printed as forest leaves:\n%s", rules.String())
	}
}
