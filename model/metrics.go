package model

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/integrate"
	"gonum.org/v1/gonum/stat"
)

// Confusion counts (possibly weighted) binary decisions, content being the
// positive class. Ratios whose denominator is zero follow one rule: no
// mistake was possible, so Precision is 1 when nothing was predicted
// content, Recall is 1 when nothing is content, Accuracy is 1 when empty;
// F1 is 0 when precision and recall are both 0.
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
func (c Confusion) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP/(TP+FN), or 1 when nothing is content.
func (c Confusion) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of Precision and Recall, 0 when both are 0.
func (c Confusion) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Accuracy returns (TP+TN)/Total, or 1 when empty.
func (c Confusion) Accuracy() float64 { return ratio(c.TP+c.TN, c.Total()) }

func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

// ConfusionAt returns, for each threshold, the confusion of the decision
// "content iff score >= threshold" (NaN scores are never content). scores
// and labels must have equal lengths; ConfusionAt panics otherwise. It sorts
// a copy once, so many thresholds cost O(n log n).
func ConfusionAt(scores []float64, labels []Label, thresholds []float64) []Confusion {
	if len(scores) != len(labels) {
		panic("model: ConfusionAt: scores and labels differ in length")
	}
	type pair struct {
		s float64
		l Label
	}
	var pos, neg float64
	ps := make([]pair, 0, len(scores))
	for i, s := range scores {
		if labels[i] == Content {
			pos++
		} else {
			neg++
		}
		if !math.IsNaN(s) {
			ps = append(ps, pair{s, labels[i]})
		}
	}
	slices.SortFunc(ps, func(a, b pair) int { return cmp.Compare(a.s, b.s) })
	// above[i]: content rows among ps[i:].
	above := make([]float64, len(ps)+1)
	for i := len(ps) - 1; i >= 0; i-- {
		above[i] = above[i+1]
		if ps[i].l == Content {
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

// PRPoint is precision, recall and F1 at one threshold.
type PRPoint struct {
	Threshold, Precision, Recall, F1 float64
}

// PrecisionRecallAt returns precision, recall and F1 of "content iff score
// >= threshold" at each threshold; see ConfusionAt and Confusion.
func PrecisionRecallAt(scores []float64, labels []Label, thresholds []float64) []PRPoint {
	cs := ConfusionAt(scores, labels, thresholds)
	out := make([]PRPoint, len(cs))
	for i, c := range cs {
		out[i] = PRPoint{Threshold: thresholds[i], Precision: c.Precision(), Recall: c.Recall(), F1: c.F1()}
	}
	return out
}

// ROCAUC returns the area under the ROC curve of scores for the content
// class, computed with gonum's stat.ROC and integrate.Trapezoidal; tied
// scores count half. NaN scores rank lowest. It returns NaN when either
// class is absent, and panics if the lengths differ.
func ROCAUC(scores []float64, labels []Label) float64 {
	if len(scores) != len(labels) {
		panic("model: ROCAUC: scores and labels differ in length")
	}
	y := make([]float64, len(scores))
	classes := make([]bool, len(scores))
	var pos int
	for i, s := range scores {
		if math.IsNaN(s) {
			s = math.Inf(-1)
		}
		y[i], classes[i] = s, labels[i] == Content
		if classes[i] {
			pos++
		}
	}
	if pos == 0 || pos == len(scores) {
		return math.NaN()
	}
	stat.SortWeightedLabeled(y, classes, nil)
	tpr, fpr, _ := stat.ROC(nil, y, classes, nil)
	if fpr[0] > fpr[len(fpr)-1] { // cutoffs ascending: walk the curve from (0,0)
		slices.Reverse(tpr)
		slices.Reverse(fpr)
	}
	return integrate.Trapezoidal(fpr, tpr)
}
