package eval

import (
	"context"
	"slices"
	"testing"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

// fitSmallSmooth is fitSmall on the smoothing schema.
func fitSmallSmooth(x [][]float64, y []model.Label) (*model.Model, error) {
	return train.Fit(winnow.SmootherSchema(), x, y, model.Config{Trees: 1, MaxDepth: 4, MinLeaf: 1})
}

// fitSmallCorrection is fitSmallSmooth for the correction head: boosting
// from the block model's log-odds.
func fitSmallCorrection(x [][]float64, y []model.Label) (*model.Model, error) {
	return train.FitBoost(winnow.SmootherSchema(), x, y, model.Config{Trees: 3, MaxDepth: 2, MinLeaf: 1, OffsetFeature: "P"})
}

func TestTrainSmoothing(t *testing.T) {
	pages := goldPages(t, 6)
	vecsOf := func(p *dataset.LabelledPage) [][]float64 { return features.Vectors(p.Page) }
	fits, smoothRows := 0, 0
	h, fit, err := TrainSmoothing(pages, vecsOf, func(x [][]float64, y []model.Label) (*model.Model, error) {
		fits++
		return fitSmall(x, y)
	}, func(x [][]float64, y []model.Label) (*model.Model, error) {
		smoothRows = len(x)
		for _, v := range x {
			if len(v) != features.NumSmoothFeatures() {
				t.Fatalf("a smoothing row of %d values, want %d", len(v), features.NumSmoothFeatures())
			}
		}
		return fitSmallSmooth(x, y)
	}, fitSmallCorrection, 1, model.TrainingSummary{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := Rows(pages)
	if fits != SmoothFolds || smoothRows != len(x) || fit.Blocks != len(x) || fit.Pages != 6 || fit.Folds != SmoothFolds {
		t.Errorf("%d fold fits, %d smoothing rows, fit %+v; want %d fits and one row per labelled block (%d)", fits, smoothRows, fit, SmoothFolds, len(x))
	}
	if !slices.Equal(h.Names, []string{winnow.SmootherHead, winnow.SmootherCorrectionHead}) {
		t.Fatalf("heads %v, want %q and %q", h.Names, winnow.SmootherHead, winnow.SmootherCorrectionHead)
	}
	if err := h.CheckSchema(winnow.SmootherSchema()); err != nil {
		t.Error(err)
	}
	if c := h.Head(winnow.SmootherCorrectionHead); c.Params.OffsetFeature != "P" {
		t.Errorf("the correction head's offset feature is %q, want P", c.Params.OffsetFeature)
	}
	if _, err := winnow.New(winnow.WithSmoother(h)); err != nil {
		t.Errorf("an extractor with the trained smoothing model: %v", err)
	}
	// Fewer pages than folds: one fold per page; one page is too few.
	// Without a correction trainer, the neighbourhood head alone.
	if h, fit, err := TrainSmoothing(pages[:3], vecsOf, fitSmall, fitSmallSmooth, nil, 1, model.TrainingSummary{}); err != nil || fit.Folds != 3 || !slices.Equal(h.Names, []string{winnow.SmootherHead}) {
		t.Errorf("3 pages: %d folds, %v; want 3, and the neighbourhood head alone", fit.Folds, err)
	}
	if _, _, err := TrainSmoothing(pages[:1], vecsOf, fitSmall, fitSmallSmooth, nil, 1, model.TrainingSummary{}); err == nil {
		t.Error("1 page: no error")
	}
}

func TestCVSmoothed(t *testing.T) {
	pages := goldPages(t, 10)
	smooths := 0
	o := CVOptions{Options: testOptions("all", 2), K: 2, Trainer: "test", Train: fitSmall,
		TrainSmooth: func(x [][]float64, y []model.Label) (*model.Model, error) {
			smooths++
			return fitSmallSmooth(x, y)
		}}
	r, err := CV(context.Background(), pages, o)
	if err != nil {
		t.Fatal(err)
	}
	if smooths != 2 || !r.Models[0].Smoothed {
		t.Errorf("%d smoothing models for 2 folds, report smoothed %v", smooths, r.Models[0].Smoothed)
	}
}
