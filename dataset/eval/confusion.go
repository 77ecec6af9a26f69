package eval

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/integrate"
	"gonum.org/v1/gonum/stat"
)

// Confusion counts (possibly weighted) binary decisions, content being the
// positive class. It is the one confusion type of winnow: block scores of
// winnow eval, the held-back scores of winnow train and the alignment
// agreement of winnow data stats all count with it.
//
// Zero rule: a ratio whose denominator is zero describes a case where no
// Mistake of its kind was possible, so Precision is 1 when nothing was
// predicted content, Recall is 1 when nothing is content, and Accuracy is 1
// when nothing was counted; F1 is 0 when precision and recall are both 0.
//
// The alignment agreement of winnow data stats has always given no credit
// without evidence instead; PrecisionOrZero, RecallOrZero and F1OrZero keep
// that rule, under their own names, so that its printed numbers stay what
// they were. The two rules differ only when a denominator is zero.
type Confusion struct {
	TP, FP, FN, TN float64
}

// Add counts one decision: predicted content or not, actually content or not.
func (c *Confusion) Add(predicted, actual bool) { c.AddWeighted(predicted, actual, 1) }

// AddWeighted counts one decision with weight w.
func (c *Confusion) AddWeighted(predicted, actual bool, w float64) {
	switch {
	case predicted && actual:
		c.TP += w
	case predicted:
		c.FP += w
	case actual:
		c.FN += w
	default:
		c.TN += w
	}
}

// Merge adds the counts of o to c.
func (c *Confusion) Merge(o Confusion) {
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
	c.TN += o.TN
}

// Total returns TP+FP+FN+TN.
func (c Confusion) Total() float64 { return c.TP + c.FP + c.FN + c.TN }

// Precision returns TP/(TP+FP), or 1 when nothing was predicted content.
func (c Confusion) Precision() float64 { return ratioOr(c.TP, c.TP+c.FP, 1) }

// Recall returns TP/(TP+FN), or 1 when nothing is content.
func (c Confusion) Recall() float64 { return ratioOr(c.TP, c.TP+c.FN, 1) }

// F1 returns the harmonic mean of Precision and Recall, 0 when both are 0.
func (c Confusion) F1() float64 { return harmonic(c.Precision(), c.Recall()) }

// Accuracy returns (TP+TN)/Total, or 1 when empty.
func (c Confusion) Accuracy() float64 { return ratioOr(c.TP+c.TN, c.Total(), 1) }

// PrecisionOrZero returns TP/(TP+FP), or 0 when nothing was predicted
// content: the alignment agreement's rule (see Confusion).
func (c Confusion) PrecisionOrZero() float64 { return ratioOr(c.TP, c.TP+c.FP, 0) }

// RecallOrZero returns TP/(TP+FN), or 0 when nothing is content.
func (c Confusion) RecallOrZero() float64 { return ratioOr(c.TP, c.TP+c.FN, 0) }

// F1OrZero is the harmonic mean of PrecisionOrZero and RecallOrZero, 0
// when both are 0.
func (c Confusion) F1OrZero() float64 { return harmonic(c.PrecisionOrZero(), c.RecallOrZero()) }

// ratioOr returns a/b, or zero when b is 0.
func ratioOr(a, b, zero float64) float64 {
	if b == 0 {
		return zero
	}
	return a / b
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ConfusionAt returns, for each threshold, the confusion of the decision
// "content iff score >= threshold" against truth (NaN scores are never
// content). scores and truth must have equal lengths; ConfusionAt panics
// otherwise. It sorts a copy once, so many thresholds cost O(n log n).
func ConfusionAt(scores []float64, truth []bool, thresholds []float64) []Confusion {
	if len(scores) != len(truth) {
		panic("eval: ConfusionAt: scores and truth differ in length")
	}
	type pair struct {
		s       float64
		content bool
	}
	var pos, neg float64
	ps := make([]pair, 0, len(scores))
	for i, s := range scores {
		if truth[i] {
			pos++
		} else {
			neg++
		}
		if !math.IsNaN(s) {
			ps = append(ps, pair{s, truth[i]})
		}
	}
	slices.SortFunc(ps, func(a, b pair) int { return cmp.Compare(a.s, b.s) })
	// above[i]: content rows among ps[i:].
	above := make([]float64, len(ps)+1)
	for i := len(ps) - 1; i >= 0; i-- {
		above[i] = above[i+1]
		if ps[i].content {
			above[i]++
		}
	}
	out := make([]Confusion, len(thresholds))
	for k, th := range thresholds {
		i := sort.Search(len(ps), func(i int) bool { return ps[i].s >= th })
		predicted := float64(len(ps) - i)
		tp := above[i]
		out[k] = Confusion{TP: tp, FP: predicted - tp, FN: pos - tp}
		out[k].TN = neg - out[k].FP
	}
	return out
}

// ROCAUC returns the area under the ROC curve of scores (higher means more
// likely content) against truth, computed with gonum's stat.ROC over every
// distinct score and integrate.Trapezoidal, so tied scores count half. NaN
// scores rank lowest. ok is false, and the area 0, when truth holds only
// one class and the area is undefined. ROCAUC panics if the lengths differ.
func ROCAUC(scores []float64, truth []bool) (auc float64, ok bool) {
	if len(scores) != len(truth) {
		panic("eval: ROCAUC: scores and truth differ in length")
	}
	y := make([]float64, len(scores))
	classes := make([]bool, len(scores))
	var pos int
	for i, s := range scores {
		if math.IsNaN(s) {
			s = math.Inf(-1)
		}
		y[i], classes[i] = s, truth[i]
		if classes[i] {
			pos++
		}
	}
	if pos == 0 || pos == len(scores) {
		return 0, false
	}
	stat.SortWeightedLabeled(y, classes, nil)
	tpr, fpr, _ := stat.ROC(nil, y, classes, nil)
	if fpr[0] > fpr[len(fpr)-1] { // cutoffs ascending: walk the curve from (0,0)
		slices.Reverse(tpr)
		slices.Reverse(fpr)
	}
	return integrate.Trapezoidal(fpr, tpr), true
}
