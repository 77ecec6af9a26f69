package eval

import (
	"fmt"
	"slices"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/model"
)

// SmoothFolds is how many folds TrainSmoothing trains block models on to
// give every training page probabilities from a model that did not see
// its site (fewer when there are fewer pages).
const SmoothFolds = 4

// SmoothFit is how a smoothing model was trained.
type SmoothFit struct {
	Blocks, Pages, Folds int
}

// SmoothTrainers are the trainers of a smoothing model's heads: Smooth
// fits winnow.SmootherHead and Correction, unless nil,
// winnow.SmootherCorrectionHead; with Again, Correction fits the second
// round's head too (winnow.SmootherAgainHead).
type SmoothTrainers struct {
	Smooth, Correction Trainer
	Again              bool
}

// TrainSmoothing trains the smoothing model on pages, whose block vectors
// vecsOf gives: pages are split into SmoothFolds folds, or one per page
// when there are fewer pages (smoothingFolds; at least 2 are needed); each
// fold's pages get their probabilities of content from a block model
// trained with fit on the other folds; the smoothing vectors of those
// out-of-fold probabilities (features.SmoothVectors) and the pages' labels
// train its heads with heads. Unless records.Smooth is nil, the records
// smoothing model (winnow.WithRecordsSmoother) is trained with records
// from the same probabilities, on the records smoothing vectors
// (features.RecordsVectors), whose alike features are read on the pages
// of records (winnow.RecordPage of the page's labelled type) and say
// "none" on the others; rh is nil otherwise. With heads.Again the
// smoothing model has a second round, trained on the smoothing vectors of
// the first round's out-of-fold probabilities: each fold's pages get them
// from first-round heads fitted on the other folds' rows (secondRound); a
// second round needs heads.Correction. The block model that
// extraction pairs them with is trained on every page, so it sees, on
// unseen sites, what the fold models saw on theirs. summary describes the
// training data.
func TrainSmoothing(pages []*dataset.LabelledPage, vecsOf func(*dataset.LabelledPage) [][]float64, fit Trainer, heads, records SmoothTrainers, seed uint64, summary model.TrainingSummary) (h, rh *model.Heads, _ SmoothFit, _ error) {
	k := min(SmoothFolds, len(pages))
	if k < 2 {
		return nil, nil, SmoothFit{}, fmt.Errorf("smoothing: %d training page: it needs at least 2, to give each probabilities from a model that did not see it", len(pages))
	}
	folds := smoothingFolds(pages, k, seed)
	smooth := map[*dataset.LabelledPage][][]float64{}
	recs := map[*dataset.LabelledPage][][]float64{}
	for i, test := range folds {
		train := otherFolds(folds, i)
		m, _, err := trainFold(train, vecsOf, fit, seed)
		if err != nil {
			return nil, nil, SmoothFit{}, fmt.Errorf("smoothing: fold %d: %w", i+1, err)
		}
		for _, p := range test {
			vecs := vecsOf(p)
			probs := make([]float64, len(vecs))
			for k, v := range vecs {
				probs[k] = m.Predict(v)
			}
			sv := features.SmoothVectors(p.Page, probs, vecs)
			smooth[p] = rowsOf(sv, features.NumSmoothFeatures())
			if records.Smooth != nil {
				rv := make([]float64, len(vecs)*features.NumRecordsFeatures())
				features.FillRecordsVectors(rv, sv, p.Page, probs, winnow.RecordPage(p.PageType))
				recs[p] = rowsOf(rv, features.NumRecordsFeatures())
			}
		}
	}
	fitOf := SmoothFit{Pages: len(pages), Folds: k}
	h, blocks, err := fitSmoothing(pages, smooth, heads, "smoothing model", k, summary)
	if err != nil {
		return nil, nil, SmoothFit{}, err
	}
	if heads.Again && heads.Correction != nil {
		if err := secondRound(h, pages, folds, smooth, vecsOf, heads, summary); err != nil {
			return nil, nil, SmoothFit{}, err
		}
	}
	fitOf.Blocks = blocks
	if records.Smooth != nil {
		if rh, _, err = fitSmoothing(pages, recs, records, "records smoothing model", k, summary); err != nil {
			return nil, nil, SmoothFit{}, err
		}
	}
	return h, rh, fitOf, nil
}

// secondRound adds to h, the smoothing model's first round fitted on
// the rows of pages (split into folds), the second round's head
// (winnow.SmootherAgainHead), fitted with t.Correction on the smoothing
// vectors of the first round's probabilities: each fold's pages get those
// probabilities from first-round heads fitted with t on the other folds'
// rows of smooth, so that the second round learns how far to trust the
// first on pages it did not see.
func secondRound(h *model.Heads, pages []*dataset.LabelledPage, folds [][]*dataset.LabelledPage, smooth map[*dataset.LabelledPage][][]float64, vecsOf func(*dataset.LabelledPage) [][]float64, t SmoothTrainers, summary model.TrainingSummary) error {
	again := map[*dataset.LabelledPage][][]float64{}
	for i, test := range folds {
		train := otherFolds(folds, i)
		fh, _, err := fitSmoothing(train, smooth, t, "smoothing model, first round", len(folds), summary)
		if err != nil {
			return fmt.Errorf("second round: fold %d: %w", i+1, err)
		}
		for _, p := range test {
			rows := smooth[p]
			if len(rows) == 0 {
				continue
			}
			probs := make([]float64, len(rows))
			winnow.SmoothRound(fh, slices.Concat(rows...), probs)
			again[p] = rowsOf(features.SmoothVectors(p.Page, probs, vecsOf(p)), len(rows[0]))
		}
	}
	x, y := RowsWith(pages, func(p *dataset.LabelledPage) [][]float64 { return again[p] })
	m, err := t.Correction(x, y)
	if err != nil {
		return fmt.Errorf("second round: %w", err)
	}
	m.Summary = summary
	m.Summary.Blocks = len(x)
	m.Summary.Note = fmt.Sprintf("smoothing model, second round: a correction to the first round's out-of-fold log-odds (%d folds)", len(folds))
	h.Names, h.Models = append(h.Names, winnow.SmootherAgainHead), append(h.Models, m)
	return nil
}

// otherFolds returns the pages of every fold but folds[i], in fold order.
func otherFolds(folds [][]*dataset.LabelledPage, i int) []*dataset.LabelledPage {
	var out []*dataset.LabelledPage
	for j, fold := range folds {
		if j != i {
			out = append(out, fold...)
		}
	}
	return out
}

// rowsOf cuts flat into rows of nf values.
func rowsOf(flat []float64, nf int) [][]float64 {
	rows := make([][]float64, len(flat)/nf)
	for k := range rows {
		rows[k] = flat[k*nf : (k+1)*nf : (k+1)*nf]
	}
	return rows
}

// fitSmoothing fits the heads of a smoothing model (what, in notes and
// errors) with t on the pages' smoothing rows and labels, and returns it
// with the blocks it was trained on.
func fitSmoothing(pages []*dataset.LabelledPage, rows map[*dataset.LabelledPage][][]float64, t SmoothTrainers, what string, folds int, summary model.TrainingSummary) (*model.Heads, int, error) {
	x, y := RowsWith(pages, func(p *dataset.LabelledPage) [][]float64 { return rows[p] })
	if len(x) == 0 {
		return nil, 0, fmt.Errorf("smoothing: no labelled blocks to train on")
	}
	h := &model.Heads{}
	for _, head := range []struct {
		name string
		fit  Trainer
		note string
	}{
		{winnow.SmootherHead, t.Smooth, "%s: P(content) from the block model's out-of-fold probabilities (%d folds) around the block"},
		{winnow.SmootherCorrectionHead, t.Correction, "%s: a correction to the block model's out-of-fold log-odds (%d folds)"},
	} {
		if head.fit == nil {
			continue
		}
		m, err := head.fit(x, y)
		if err != nil {
			return nil, 0, fmt.Errorf("smoothing: %s head: %w", head.name, err)
		}
		s := summary
		s.Blocks = len(x)
		s.Note = fmt.Sprintf(head.note, what, folds)
		m.Summary = s
		h.Names, h.Models = append(h.Names, head.name), append(h.Models, m)
	}
	return h, len(x), nil
}

// smoothingFolds splits pages into k site-disjoint folds (dataset.Folds
// with seed) or, when they have too few sites to fill every fold (a
// user's pages of one site), deals the pages out in turn. pages holds at
// least k ≥ 2 pages.
func smoothingFolds(pages []*dataset.LabelledPage, k int, seed uint64) [][]*dataset.LabelledPage {
	folds := dataset.Folds(pages, k, seed)
	for _, f := range folds {
		if len(f) == 0 {
			folds = make([][]*dataset.LabelledPage, k)
			for i, p := range pages {
				folds[i%k] = append(folds[i%k], p)
			}
			return folds
		}
	}
	return folds
}
