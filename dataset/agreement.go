package dataset

// Agreement counts how Align's labels agree with known labels, block by
// block: Content is the positive class; blocks either side calls Unknown
// are left out.
type Agreement struct {
	TP, FP, FN, TN int
}

// Add counts one page's blocks: truth are the known labels, got Align's.
func (a *Agreement) Add(truth, got []Label) {
	for i := range truth {
		if i >= len(got) || truth[i] == Unknown || got[i] == Unknown {
			continue
		}
		switch {
		case truth[i] == Content && got[i] == Content:
			a.TP++
		case truth[i] == Content:
			a.FN++
		case got[i] == Content:
			a.FP++
		default:
			a.TN++
		}
	}
}

// Precision is TP/(TP+FP), 0 when nothing was called content.
func (a Agreement) Precision() float64 { return frac(a.TP, a.TP+a.FP) }

// Recall is TP/(TP+FN), 0 when nothing is content.
func (a Agreement) Recall() float64 { return frac(a.TP, a.TP+a.FN) }

// F1 is the harmonic mean of Precision and Recall.
func (a Agreement) F1() float64 { return harmonic(a.Precision(), a.Recall()) }

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// MeasureAlignment aligns the gold text of block-labelled pages as if they
// had only gold text, and compares the result with their known labels.
// Pages of other sets, or without gold, are ignored.
func MeasureAlignment(pages []*LabelledPage, threshold float64) Agreement {
	var a Agreement
	for _, p := range pages {
		if !BlockLabelled(p.Set) || p.Gold == "" {
			continue
		}
		a.Add(p.Labels, Align(p.Page.Blocks, p.Gold, threshold))
	}
	return a
}
