package eval

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

func TestConfusionOrZero(t *testing.T) {
	for _, tc := range []struct {
		name     string
		c        Confusion
		p, r, f1 float64
		reason   string
	}{
		{"typical", Confusion{TP: 8, FP: 2, FN: 4, TN: 6}, 0.8, 8.0 / 12, 2 * 0.8 * (8.0 / 12) / (0.8 + 8.0/12), "same as Precision, Recall, F1"},
		{"empty", Confusion{}, 0, 0, 0, "no evidence, no credit"},
		{"nothing predicted", Confusion{FN: 3, TN: 2}, 0, 0, 0, "precision without a prediction is 0"},
		{"nothing to find", Confusion{FP: 2, TN: 3}, 0, 0, 0, "recall without content is 0"},
		{"only negatives", Confusion{TN: 5}, 0, 0, 0, "where the other rule gives 1/1/1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := []float64{tc.c.PrecisionOrZero(), tc.c.RecallOrZero(), tc.c.F1OrZero()}
			want := []float64{tc.p, tc.r, tc.f1}
			if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); d != "" {
				t.Errorf("%s: P/R/F1 (-want +got):\n%s", tc.reason, d)
			}
		})
	}
	if c := (Confusion{TN: 5}); c.F1() != 1 || c.F1OrZero() != 0 {
		t.Errorf("only negatives: F1 %v and F1OrZero %v, want 1 and 0: the two rules must stay distinct", c.F1(), c.F1OrZero())
	}
}

func TestConfusionAt(t *testing.T) {
	scores := []float64{0.1, 0.4, 0.35, 0.8, math.NaN(), 0.8}
	truth := []bool{false, false, true, true, true, false}
	got := ConfusionAt(scores, truth, []float64{0, 0.35, 0.5, 0.8, 0.9})
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
}

func TestROCAUC(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		scores []float64
		truth  []bool
		want   float64
		ok     bool
	}{
		{"perfect", "every content block scores above every boilerplate block",
			[]float64{0.9, 0.8, 0.2, 0.1}, []bool{true, true, false, false}, 1, true},
		{"inverted", "every content block scores below",
			[]float64{0.1, 0.2, 0.8, 0.9}, []bool{true, true, false, false}, 0, true},
		{"all tied", "one score for all is chance",
			[]float64{0.5, 0.5, 0.5, 0.5}, []bool{true, false, true, false}, 0.5, true},
		{"one swap", "3 of 4 positive-negative pairs ordered right",
			[]float64{0.9, 0.4, 0.6, 0.1}, []bool{true, true, false, false}, 0.75, true},
		{"tie counts half", "a tied pair counts 1/2: (3 + 0.5) / 4",
			[]float64{0.9, 0.5, 0.5, 0.1}, []bool{true, true, false, false}, 0.875, true},
		{"NaN lowest", "a NaN score ranks below every number",
			[]float64{0.9, math.NaN(), 0.1}, []bool{true, false, true}, 1, true},
		{"one class", "undefined without both classes",
			[]float64{0.9, 0.1}, []bool{true, true}, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ROCAUC(tc.scores, tc.truth)
			if ok != tc.ok || math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("%s: ROCAUC = %v, %v; want %v, %v", tc.reason, got, ok, tc.want, tc.ok)
			}
		})
	}
}
