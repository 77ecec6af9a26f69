package model

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteRules(t *testing.T) {
	m := ruleModel(t, 6)
	for _, tc := range []struct {
		name     string
		depth    int
		contains []string
		reason   string
	}{
		{"full", 0, []string{"if f02 < 0.5", "if f05 < 7.5", "content  # P(content)=1.000", "boilerplate  # P(content)=0.000", "} else {"}, "the rule is spelled out with names and thresholds"},
		{"cut", 1, []string{"if f02 < 0.5", "...  # subtree"}, "below the depth limit subtrees are summarised"},
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
	m := randForest(t, 6, 3, 2, 5)
	rules, dot := rulesAndDot(t, m)
	checkOutputs(t, []output{
		{rules, "# tree 3 of 3", "each tree of a forest gets a header"},
		{dot, "subgraph cluster_2", "each tree of a forest gets a cluster"},
		{dot, "t2n0 -> t2n1", "node ids are per tree"},
	})
}

// rulesAndDot returns m's rules, all levels, and its Graphviz text.
func rulesAndDot(t *testing.T, m *Model) (rules, dot string) {
	t.Helper()
	var r, d bytes.Buffer
	if err := m.WriteRules(&r, 0); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteDot(&d); err != nil {
		t.Fatal(err)
	}
	return r.String(), d.String()
}

// output is an output that must contain want, for reason.
type output struct{ out, want, reason string }

func checkOutputs(t *testing.T, outs []output) {
	t.Helper()
	for _, o := range outs {
		if !strings.Contains(o.out, o.want) {
			t.Errorf("%s: output lacks %q:\n%s", o.reason, o.want, o.out)
		}
	}
}

func TestWriteBoosted(t *testing.T) {
	s := synthSchema(6)
	trees := []Tree{
		obliviousTree([]int{5, 2}, []float64{7.5, 0.49}, []float64{-0.8, 0.9, -0.7, -0.6}),
		obliviousTree([]int{0, 1}, []float64{0.5, 3.5}, []float64{0.1, -0.2, 0.3, -0.4}),
	}
	m, err := NewBoosted(s, "test", Config{Trees: 2, MaxDepth: 2}, trees, -0.3)
	if err != nil {
		t.Fatal(err)
	}
	rules, dot := rulesAndDot(t, m)
	var cut bytes.Buffer
	if err := m.WriteRules(&cut, 1); err != nil {
		t.Fatal(err)
	}
	checkOutputs(t, []output{
		{rules, "# P(content) = 1/(1+exp(-(", "the rules say how scores make a probability"},
		{rules, "# tree 2 of 2", "each boosted tree gets a header"},
		{rules, "test 1: f05 < 7.5\ntest 2: f02 < 0.49", "an oblivious tree lists its tests, root first"},
		{rules, "answers  score  # boilerplate, content\ny y  -", "then a row per leaf: the answers and the score"},
		{cut.String(), "\ny ...  -", "below the depth limit a row gives the range of scores"},
		{dot, "score ", "dot leaves print scores"},
	})
	if strings.Contains(rules, "boilerplate  # P(content)=") {
		t.Errorf("boosted leaves printed as forest leaves:\n%s", rules)
	}
}
