package model

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteRules prints the trees as nested if/else rules, in the manner of the
// rules published with boilerpipe's classifiers:
//
//	if LinkDensity < 0.3333 {  # 1200 rows, P(content)=0.41
//	    if NumWords < 10.5 {
//	        boilerplate  # P(content)=0.12 (352 boilerplate, 48 content)
//	    } else {
//	    ...
//
// A test's "else" branch also takes NaN. Below maxDepth tests a subtree is
// summarised on one line ("..."); maxDepth <= 0 prints everything. Counts are
// class-weighted training rows. A forest prints each tree under a header.
// A boosted model's leaves print their scores, after a first line giving
// how scores make P(content). An oblivious tree (every node of a level asks
// the same question, see NewBoosted) prints as its tests and a table of the
// leaf scores by answers; below maxDepth tests, a row gives the range of
// the scores under it.
func (m *Model) WriteRules(w io.Writer, maxDepth int) error {
	bw := bufio.NewWriter(w)
	switch {
	case m.boosted && m.offset >= 0:
		fmt.Fprintf(bw, "# P(content) = 1/(1+exp(-(%s + ln(%s/(1-%s)) + the sum of the %d trees' scores)))\n", fmtFloat(m.base), m.names[m.offset], m.names[m.offset], len(m.trees))
	case m.boosted:
		fmt.Fprintf(bw, "# P(content) = 1/(1+exp(-(%s + the sum of the %d trees' scores)))\n", fmtFloat(m.base), len(m.trees))
	}
	for ti := range m.trees {
		if len(m.trees) > 1 {
			fmt.Fprintf(bw, "# tree %d of %d\n", ti+1, len(m.trees))
		}
		if m.obl != nil {
			m.writeOblivious(bw, &m.trees[ti], maxDepth)
			continue
		}
		m.writeRule(bw, &m.trees[ti], 0, 0, maxDepth)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write rules: %w", err)
	}
	return nil
}

func (m *Model) writeRule(w *bufio.Writer, t *Tree, i int32, depth, maxDepth int) {
	ind := strings.Repeat("    ", depth)
	c := t.Counts[i]
	if t.Feature[i] < 0 {
		if t.Value != nil {
			fmt.Fprintf(w, "%sscore %+.4f  # %s boilerplate, %s content\n", ind, t.Value[i], fmtFloat(c[0]), fmtFloat(c[1]))
			return
		}
		fmt.Fprintf(w, "%s%v  # %s\n", ind, labelOf(prob(c)), leafNote(c))
		return
	}
	if maxDepth > 0 && depth >= maxDepth {
		fmt.Fprintf(w, "%s...  # subtree: %s\n", ind, leafNote(c))
		return
	}
	fmt.Fprintf(w, "%sif %s < %s {  # %s rows, P(content)=%.3f\n", ind, m.names[t.Feature[i]],
		fmtThreshold(t.Threshold[i]), fmtFloat(c[0]+c[1]), prob(c))
	m.writeRule(w, t, t.Left[i], depth+1, maxDepth)
	fmt.Fprintf(w, "%s} else {\n", ind)
	m.writeRule(w, t, t.Right[i], depth+1, maxDepth)
	fmt.Fprintf(w, "%s}\n", ind)
}

// writeOblivious prints an oblivious tree: its tests, root first, then
// one row per leaf, in the order the tree numbers them: the answers ("y":
// the test holds, "n": it does not, or the value is NaN), the score and
// the class counts. Below maxDepth answers a row covers a subtree and
// gives the range of its scores.
func (m *Model) writeOblivious(w *bufio.Writer, t *Tree, maxDepth int) {
	path := t.leftPath()
	if len(path) == 0 {
		m.writeRule(w, t, 0, 0, maxDepth) // a lone leaf
		return
	}
	for l, i := range path {
		fmt.Fprintf(w, "test %d: %s < %s\n", l+1, m.names[t.Feature[i]], fmtThreshold(t.Threshold[i]))
	}
	fmt.Fprintf(w, "answers  score  # boilerplate, content\n")
	var walk func(i int32, answers []byte)
	walk = func(i int32, answers []byte) {
		c := t.Counts[i]
		if t.Feature[i] < 0 {
			fmt.Fprintf(w, "%s  %+.4f  # %s, %s\n", bytes.TrimRight(answers, " "), t.Value[i], fmtFloat(c[0]), fmtFloat(c[1]))
			return
		}
		if maxDepth > 0 && len(answers) >= 2*maxDepth {
			lo, hi := scoreRange(t, i)
			fmt.Fprintf(w, "%s...  %+.4f to %+.4f  # %s, %s\n", answers, lo, hi, fmtFloat(c[0]), fmtFloat(c[1]))
			return
		}
		walk(t.Left[i], append(answers, 'y', ' '))
		walk(t.Right[i], append(answers, 'n', ' '))
	}
	walk(0, nil)
}

// scoreRange returns the least and greatest leaf score under node i.
func scoreRange(t *Tree, i int32) (lo, hi float64) {
	if t.Feature[i] < 0 {
		return t.Value[i], t.Value[i]
	}
	l0, l1 := scoreRange(t, t.Left[i])
	r0, r1 := scoreRange(t, t.Right[i])
	return min(l0, r0), max(l1, r1)
}

func prob(c [2]float64) float64 {
	if c[0]+c[1] <= 0 {
		return 0
	}
	return c[1] / (c[0] + c[1])
}

func leafNote(c [2]float64) string {
	return fmt.Sprintf("P(content)=%.3f (%s boilerplate, %s content)", prob(c), fmtFloat(c[0]), fmtFloat(c[1]))
}

// fmtFloat prints v with up to 6 significant digits, integers plainly.
func fmtFloat(v float64) string {
	return strconv.FormatFloat(v, 'g', 6, 64)
}

// fmtThreshold prints a threshold; MaxFloat64 is the missing-value test
// (see quantileCuts) and reads better by name.
func fmtThreshold(v float64) string {
	if v == math.MaxFloat64 {
		return "MaxFloat64 (NaN goes to else)"
	}
	return fmtFloat(v)
}

// WriteDot writes the trees as a Graphviz digraph: internal nodes show the
// test, leaves P(content) and counts, edges "yes" (test true) and "no"
// (false or NaN). A forest gets one cluster per tree.
func (m *Model) WriteDot(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("digraph winnow {\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\"];\n")
	for ti := range m.trees {
		t := &m.trees[ti]
		ind := "  "
		if len(m.trees) > 1 {
			fmt.Fprintf(bw, "  subgraph cluster_%d {\n    label=\"tree %d\";\n", ti, ti+1)
			ind = "    "
		}
		for i := range t.Feature {
			c := t.Counts[i]
			id := fmt.Sprintf("t%dn%d", ti, i)
			if t.Feature[i] < 0 {
				// Green for a leaf that favours content: a positive score,
				// or a content label.
				content := labelOf(prob(c)) == Content
				label := fmt.Sprintf("%v\nP(content)=%.3f\n%s / %s", labelOf(prob(c)), prob(c), fmtFloat(c[0]), fmtFloat(c[1]))
				if t.Value != nil {
					content = t.Value[i] > 0
					label = fmt.Sprintf("score %+.4f\n%s / %s", t.Value[i], fmtFloat(c[0]), fmtFloat(c[1]))
				}
				color := "#f4cccc"
				if content {
					color = "#d9ead3"
				}
				fmt.Fprintf(bw, "%s%s [shape=box, style=filled, fillcolor=%q, label=%s];\n", ind, id, color, dotQuote(label))
				continue
			}
			fmt.Fprintf(bw, "%s%s [shape=ellipse, label=%s];\n", ind, id,
				dotQuote(fmt.Sprintf("%s < %s\n%s rows, P=%.3f", m.names[t.Feature[i]], fmtThreshold(t.Threshold[i]), fmtFloat(c[0]+c[1]), prob(c))))
			fmt.Fprintf(bw, "%s%s -> t%dn%d [label=\"yes\"];\n", ind, id, ti, t.Left[i])
			fmt.Fprintf(bw, "%s%s -> t%dn%d [label=\"no\"];\n", ind, id, ti, t.Right[i])
		}
		if len(m.trees) > 1 {
			bw.WriteString("  }\n")
		}
	}
	bw.WriteString("}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write dot: %w", err)
	}
	return nil
}

// dotQuote quotes s as a DOT string, newlines as \n.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
