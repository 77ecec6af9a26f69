package eval

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/model"
)

// SetScore is a model's block classification on the pages of one set, or
// of all sets pooled (Set "all").
type SetScore struct {
	Set           string
	Pages, Blocks int
	Confusion
}

// BlockScores scores model m on the blocks of pages with a known label,
// content being P(content) >= threshold and no post-processing rule run:
// the held-back scores winnow train prints. It gives one score per set, in
// order of first appearance, and the pool of all sets last.
func BlockScores(m *model.Model, pages []*dataset.LabelledPage, threshold float64) []SetScore {
	bySet := map[string][]*dataset.LabelledPage{}
	for _, p := range pages {
		bySet[p.Set] = append(bySet[p.Set], p)
	}
	all := SetScore{Set: "all", Pages: len(pages)}
	var out []SetScore
	for _, s := range dataset.SetsOf(pages) {
		x, y := Rows(bySet[s])
		sc := SetScore{Set: s, Pages: len(bySet[s]), Blocks: len(x)}
		for i, v := range x {
			sc.Add(m.Predict(v) >= threshold, y[i] == model.Content)
		}
		out = append(out, sc)
		all.Merge(sc.Confusion)
		all.Blocks += sc.Blocks
	}
	return append(out, all)
}

// WriteBlockScores prints scores as a right-aligned table of precision,
// recall, F1 and accuracy.
func WriteBlockScores(w io.Writer, scores []SetScore) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "set\tpages\tblocks\tprecision\trecall\tF1\taccuracy\t\n")
	for _, s := range scores {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\n", s.Set, s.Pages, s.Blocks, s.Precision(), s.Recall(), s.F1(), s.Accuracy())
	}
	return tw.Flush()
}
