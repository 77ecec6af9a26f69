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
	pages[0].PageType = "listing" // a page of records: its records rows read the alike blocks
	fits, smoothRows := 0, 0
	var recordRows [][]float64
	h, rh, fit, err := TrainSmoothing(pages, vecsOf, func(x [][]float64, y []model.Label) (*model.Model, error) {
		fits++
		return fitSmall(x, y)
	}, SmoothTrainers{Smooth: func(x [][]float64, y []model.Label) (*model.Model, error) {
		smoothRows = len(x)
		for _, v := range x {
			if len(v) != features.NumSmoothFeatures() {
				t.Fatalf("a smoothing row of %d values, want %d", len(v), features.NumSmoothFeatures())
			}
		}
		return fitSmallSmooth(x, y)
	}, Correction: fitSmallCorrection}, SmoothTrainers{Smooth: func(x [][]float64, y []model.Label) (*model.Model, error) {
		recordRows = x
		return train.FitBoost(winnow.RecordsSmootherSchema(), x, y, model.Config{Trees: 3, MaxDepth: 2, MinLeaf: 1})
	}}, 1, model.TrainingSummary{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// The records rows: one per labelled block, the alike blocks read on
	// the listing's rows (the first ones) and on no other page's.
	first, _ := Rows(pages[:1])
	alikeAt := slices.Index(features.RecordsSmoothNames(), "AlikeBlocks")
	read := 0
	for i, v := range recordRows {
		if len(v) != features.NumRecordsFeatures() {
			t.Fatalf("a records row of %d values, want %d", len(v), features.NumRecordsFeatures())
		}
		if v[alikeAt] > 0 {
			if i >= len(first) {
				t.Fatalf("records row %d, not the listing's, reads %v alike blocks", i, v[alikeAt])
			}
			read++
		}
	}
	if x, _ := Rows(pages); len(recordRows) != len(x) || read == 0 {
		t.Errorf("%d records rows (%d reading alike blocks), want %d, some reading them", len(recordRows), read, len(x))
	}
	if rh == nil || !slices.Equal(rh.Names, []string{winnow.SmootherHead}) {
		t.Fatalf("records smoothing model %v, want the neighbourhood head alone", rh)
	}
	if _, err := winnow.New(winnow.WithSmoother(h), winnow.WithRecordsSmoother(rh)); err != nil {
		t.Errorf("an extractor with the trained smoothing models: %v", err)
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
	// Without records trainers, no records smoothing model.
	if h, rh, fit, err := TrainSmoothing(pages[:3], vecsOf, fitSmall, SmoothTrainers{Smooth: fitSmallSmooth}, SmoothTrainers{}, 1, model.TrainingSummary{}); err != nil || fit.Folds != 3 || !slices.Equal(h.Names, []string{winnow.SmootherHead}) || rh != nil {
		t.Errorf("3 pages: %d folds, %v, records %v; want 3, the neighbourhood head alone and no records model", fit.Folds, err, rh)
	}
	if _, _, _, err := TrainSmoothing(pages[:1], vecsOf, fitSmall, SmoothTrainers{Smooth: fitSmallSmooth}, SmoothTrainers{}, 1, model.TrainingSummary{}); err == nil {
		t.Error("1 page: no error")
	}
}

// TestTrainSmoothingAgain checks the second round: first-round heads
// fitted per fold give every page its first-round probabilities, whose
// smoothing vectors (one row per labelled block) train the second round's
// head with the correction trainer, added after the first round's heads.
func TestTrainSmoothingAgain(t *testing.T) {
	pages := goldPages(t, 6)
	vecsOf := func(p *dataset.LabelledPage) [][]float64 { return features.Vectors(p.Page) }
	var hoods, sizes []int
	var firstRows, last [][]float64
	hood := func(x [][]float64, y []model.Label) (*model.Model, error) {
		hoods = append(hoods, len(x))
		return fitSmallSmooth(x, y)
	}
	corr := func(x [][]float64, y []model.Label) (*model.Model, error) {
		if sizes == nil {
			firstRows = x
		}
		sizes, last = append(sizes, len(x)), x
		return fitSmallCorrection(x, y)
	}
	h, _, fit, err := TrainSmoothing(pages, vecsOf, fitSmall, SmoothTrainers{Smooth: hood, Correction: corr, Again: true}, SmoothTrainers{}, 1, model.TrainingSummary{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{winnow.SmootherHead, winnow.SmootherCorrectionHead, winnow.SmootherAgainHead}
	if !slices.Equal(h.Names, want) {
		t.Fatalf("heads %v, want %v", h.Names, want)
	}
	if c := h.Head(winnow.SmootherAgainHead); c.Params.OffsetFeature != "P" {
		t.Errorf("the second round's offset feature is %q, want P", c.Params.OffsetFeature)
	}
	// The first round on every row, then once per fold on the other
	// folds' rows; the correction trainer fits the second round last, on
	// every row.
	if len(hoods) != 1+fit.Folds || len(sizes) != 2+fit.Folds || sizes[0] != fit.Blocks || sizes[len(sizes)-1] != fit.Blocks {
		t.Fatalf("neighbourhood heads fitted on %v rows and correction heads on %v, want %d, one fit per fold (%d), and a last correction on %d", hoods, sizes, fit.Blocks, fit.Folds, fit.Blocks)
	}
	folds := 0
	for _, n := range hoods[1:] {
		folds += n
	}
	if folds != (fit.Folds-1)*fit.Blocks || !slices.Equal(hoods[1:], sizes[1:len(sizes)-1]) {
		t.Errorf("the folds' first rounds saw %v rows (%d), want every row in all folds but its own (%d), both heads", hoods[1:], folds, (fit.Folds-1)*fit.Blocks)
	}
	// The same blocks in the same order, with the same own features, but
	// the neighbourhood read from other probabilities.
	own := features.NumSmoothFeatures() - len(winnow.SmootherOwnFeatures())
	if len(firstRows) != len(last) {
		t.Fatalf("%d first-round rows, %d second-round rows", len(firstRows), len(last))
	}
	moved := 0
	for i := range last {
		if !slices.Equal(firstRows[i][own:], last[i][own:]) {
			t.Fatalf("row %d: own features %v in the first round, %v in the second", i, firstRows[i][own:], last[i][own:])
		}
		if firstRows[i][0] != last[i][0] {
			moved++
		}
	}
	if moved == 0 {
		t.Error("the second round's rows read the same P as the first round's")
	}
	if _, err := winnow.New(winnow.WithSmoother(h)); err != nil {
		t.Errorf("an extractor with the two-round smoothing model: %v", err)
	}
	// Without a correction trainer, no second round.
	if h, _, _, err := TrainSmoothing(pages, vecsOf, fitSmall, SmoothTrainers{Smooth: fitSmallSmooth, Again: true}, SmoothTrainers{}, 1, model.TrainingSummary{}); err != nil {
		t.Errorf("no correction trainer: %v", err)
	} else if !slices.Equal(h.Names, []string{winnow.SmootherHead}) {
		t.Errorf("no correction trainer: heads %v, want the neighbourhood head alone", h.Names)
	}
}

func TestCVSmoothed(t *testing.T) {
	pages := goldPages(t, 10)
	smooths := 0
	o := CVOptions{Options: testOptions("all", 2), K: 2, Trainer: "test", Train: fitSmall,
		Smooth: SmoothTrainers{Smooth: func(x [][]float64, y []model.Label) (*model.Model, error) {
			smooths++
			return fitSmallSmooth(x, y)
		}}}
	r, err := CV(context.Background(), pages, o)
	if err != nil {
		t.Fatal(err)
	}
	if smooths != 2 || !r.Models[0].Smoothed {
		t.Errorf("%d smoothing models for 2 folds, report smoothed %v", smooths, r.Models[0].Smoothed)
	}
}

// TestRecordsSmoothedReported checks that the report says which model
// systems decide the pages of records by a records smoothing model.
func TestRecordsSmoothedReported(t *testing.T) {
	pages := goldPages(t, 2)
	m, err := fitSmall(Rows(pages))
	if err != nil {
		t.Fatal(err)
	}
	o := testOptions("gold", 1)
	o.SmoothOf = func(string) (*model.Heads, error) { return winnow.DefaultSmoother() }
	for _, c := range []struct {
		records func(string) (*model.Heads, error)
		want    bool
	}{
		{nil, false},
		{func(string) (*model.Heads, error) { return nil, nil }, false},
		{func(string) (*model.Heads, error) { return winnow.DefaultRecordsSmoother() }, true},
	} {
		o.RecordsSmoothOf = c.records
		s, err := NewModelSystem("model", "m.json", m, o)
		if err != nil {
			t.Fatal(err)
		}
		if got := describeModel(s); !got.Smoothed || got.RecordsSmoothed != c.want {
			t.Errorf("smoothed %v, records smoothed %v; want true, %v", got.Smoothed, got.RecordsSmoothed, c.want)
		}
	}
}
