package eval

import (
	"sort"

	"github.com/winnow-dev/winnow/dataset"
	"gonum.org/v1/gonum/stat"
)

// Metric helpers of winnow eval. They work on plain numbers so that they
// can be tested on hand-made values.

// share returns a/b, or 0 when b is 0 (a share of nothing).
func share(a, b float64) float64 { return ratioOr(a, b, 0) }

// Distribution summarises per-page scores (dataset.Distribution).
type Distribution = dataset.Distribution

// ThresholdRow is precision and recall of content when blocks with a score
// of at least Threshold are kept.
type ThresholdRow struct {
	Threshold float64 `json:"threshold"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Kept      float64 `json:"kept"` // share of blocks kept
}

// evalThresholds are the thresholds of the threshold table.
var evalThresholds = []float64{0.1, 0.3, 0.5, 0.7, 0.9}

// thresholdTable is the decision "content iff score ≥ t" at each
// threshold, by ConfusionAt (precision is 1 where nothing is kept).
func thresholdTable(scores []float64, truth []bool, thresholds []float64) []ThresholdRow {
	out := make([]ThresholdRow, len(thresholds))
	for k, c := range ConfusionAt(scores, truth, thresholds) {
		kept := 0.0
		if c.Total() > 0 {
			kept = (c.TP + c.FP) / c.Total()
		}
		out[k] = ThresholdRow{Threshold: thresholds[k], Precision: c.Precision(), Recall: c.Recall(), F1: c.F1(), Kept: kept}
	}
	return out
}

// prPoint is one point of a precision–recall curve.
type prPoint struct {
	Threshold, Precision, Recall float64
}

// prCurve is the precision–recall curve of scores against truth: one point
// per distinct score, from the highest (keep least) to the lowest.
func prCurve(scores []float64, truth []bool) []prPoint {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]] > scores[idx[b]] })
	pos := 0
	for _, t := range truth {
		if t {
			pos++
		}
	}
	if pos == 0 {
		return nil
	}
	var out []prPoint
	tp, kept := 0, 0
	for k, i := range idx {
		kept++
		if truth[i] {
			tp++
		}
		if k+1 < len(idx) && scores[idx[k+1]] == scores[i] {
			continue
		}
		out = append(out, prPoint{Threshold: scores[i], Precision: float64(tp) / float64(kept), Recall: float64(tp) / float64(pos)})
	}
	return out
}

// MeanStd is the mean and sample standard deviation of values (std 0 for
// fewer than two).
type MeanStd struct {
	Mean float64 `json:"mean"`
	Std  float64 `json:"std"`
}

func meanStdOf(values []float64) MeanStd {
	switch len(values) {
	case 0:
		return MeanStd{}
	case 1:
		return MeanStd{Mean: values[0]}
	}
	m, s := stat.MeanStdDev(values, nil)
	return MeanStd{Mean: m, Std: s}
}
