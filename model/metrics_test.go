package model

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestConfusion(t *testing.T) {
	for _, tc := range []struct {
		name          string
		c             Confusion
		p, r, f1, acc float64
		reason        string
	}{
		{"typical", Confusion{TP: 8, FP: 2, FN: 4, TN: 6}, 0.8, 8.0 / 12, 2 * 0.8 * (8.0 / 12) / (0.8 + 8.0/12), 0.7, "plain ratios"},
		{"empty", Confusion{}, 1, 1, 1, 1, "no decision, no mistake"},
		{"nothing predicted", Confusion{FN: 3, TN: 2}, 1, 0, 0, 0.4, "precision is vacuous, recall 0"},
		{"nothing to find", Confusion{FP: 2, TN: 3}, 0, 1, 0, 0.6, "recall is vacuous, precision 0"},
		{"all wrong", Confusion{FP: 1, FN: 1}, 0, 0, 0, 0, "F1 of 0 and 0 is 0, not NaN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := []float64{tc.c.Precision(), tc.c.Recall(), tc.c.F1(), tc.c.Accuracy()}
			want := []float64{tc.p, tc.r, tc.f1, tc.acc}
			if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); d != "" {
				t.Errorf("%s: P/R/F1/acc (-want +got):\n%s", tc.reason, d)
			}
		})
	}
	var c Confusion
	c.Add(true, true)
	c.Add(true, false)
	c.Add(false, true)
	c.Add(false, false)
	c.AddWeighted(true, true, 2)
	if c != (Confusion{TP: 3, FP: 1, FN: 1, TN: 1}) {
		t.Errorf("Add: %+v", c)
	}
}

func TestConfusionAt(t *testing.T) {
	scores := []float64{0.1, 0.4, 0.35, 0.8, math.NaN(), 0.8}
	labels := []Label{0, 0, 1, 1, 1, 0}
	got := ConfusionAt(scores, labels, []float64{0, 0.35, 0.5, 0.8, 0.9})
	want := []Confusion{
		{TP: 2, FP: 3, FN: 1, TN: 0}, // everything but NaN
		{TP: 2, FP: 2, FN: 1, TN: 1}, // >= 0.35 includes the tie
		{TP: 1, FP: 1, FN: 2, TN: 2},
		{TP: 1, FP: 1, FN: 2, TN: 2},
		{TP: 0, FP: 0, FN: 3, TN: 3},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ConfusionAt (-want +got):\n%s", d)
	}
	pr := PrecisionRecallAt(scores, labels, []float64{0.5})
	if pr[0].Precision != 0.5 || pr[0].Recall != 1.0/3 || pr[0].Threshold != 0.5 {
		t.Errorf("PrecisionRecallAt: %+v", pr)
	}
}

func TestROCAUC(t *testing.T) {
	for _, tc := range []struct {
		name   string
		scores []float64
		labels []Label
		want   float64
		reason string
	}{
		{"perfect", []float64{0.1, 0.2, 0.8, 0.9}, []Label{0, 0, 1, 1}, 1, "content always ranks higher"},
		{"inverted", []float64{0.9, 0.8, 0.2, 0.1}, []Label{0, 0, 1, 1}, 0, "content always ranks lower"},
		{"ties", []float64{0.5, 0.5, 0.5, 0.5}, []Label{0, 1, 0, 1}, 0.5, "all tied counts half"},
		{"mixed", []float64{0.1, 0.4, 0.35, 0.8}, []Label{0, 0, 1, 1}, 0.75, "the textbook example"},
		{"one class", []float64{0.1, 0.2}, []Label{1, 1}, math.NaN(), "undefined without negatives"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ROCAUC(tc.scores, tc.labels)
			if !(got == tc.want || math.IsNaN(got) && math.IsNaN(tc.want)) && math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("%s: AUC %v, want %v", tc.reason, got, tc.want)
			}
		})
	}
}
