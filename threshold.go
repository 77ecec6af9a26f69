package winnow

// typeThresholdScale is, for the page types whose text the model's
// probabilities underrate, the factor the threshold is multiplied by on a
// page of that type: their records, steps, entries and replies are short
// blocks that each look like a teaser or a reader comment, and on the
// held-back WCXB sites a lower threshold keeps more of them than it adds
// boilerplate, on every split seed measured (docs/accuracy.md, "Threshold
// by page type"). Types not listed keep the threshold as given. No factor
// is below partFloor / DefaultThreshold.
var typeThresholdScale = map[string]float64{
	"listing":             0.6,
	pageTypeDocumentation: 0.6,
	"service":             0.6,
	pageTypeForum:         0.8,
}

// threshold is the probability of content at or above which a block of a
// page of type pageType (PageTypeOf; "" without page-type models) is
// kept: the configured threshold, times the type's typeThresholdScale
// unless WithTypeThresholds(false) was given. For one page type the
// factor is fixed, so raising the configured threshold never keeps more
// of a page.
func (x *Extractor) threshold(pageType string) float64 {
	if f, ok := typeThresholdScale[pageType]; ok && x.cfg.typeThresholds {
		return x.cfg.threshold * f
	}
	return x.cfg.threshold
}
