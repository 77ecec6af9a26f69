package eval

import (
	"fmt"

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

// TrainSmoothing trains the smoothing model on pages, whose block vectors
// vecsOf gives: pages are split into SmoothFolds folds, or one per page
// when there are fewer pages (smoothingFolds; at least 2 are needed); each
// fold's pages get their probabilities of content from a block model
// trained with fit on the other folds; the smoothing vectors of those
// out-of-fold probabilities (features.SmoothVectors) and the pages' labels
// train its heads: winnow.SmootherHead with fitSmooth and, unless
// fitCorrection is nil, winnow.SmootherCorrectionHead with it. The block
// model that extraction pairs it with is trained on every page, so it
// sees, on unseen sites, what the fold models saw on theirs. summary
// describes the training data.
func TrainSmoothing(pages []*dataset.LabelledPage, vecsOf func(*dataset.LabelledPage) [][]float64, fit, fitSmooth, fitCorrection Trainer, seed uint64, summary model.TrainingSummary) (*model.Heads, SmoothFit, error) {
	k := min(SmoothFolds, len(pages))
	if k < 2 {
		return nil, SmoothFit{}, fmt.Errorf("smoothing: %d training page: it needs at least 2, to give each probabilities from a model that did not see it", len(pages))
	}
	folds := smoothingFolds(pages, k, seed)
	smooth := map[*dataset.LabelledPage][][]float64{}
	nf := features.NumSmoothFeatures()
	for i, test := range folds {
		var train []*dataset.LabelledPage
		for j, fold := range folds {
			if j != i {
				train = append(train, fold...)
			}
		}
		m, _, err := trainFold(train, vecsOf, fit, seed)
		if err != nil {
			return nil, SmoothFit{}, fmt.Errorf("smoothing: fold %d: %w", i+1, err)
		}
		for _, p := range test {
			vecs := vecsOf(p)
			probs := make([]float64, len(vecs))
			for k, v := range vecs {
				probs[k] = m.Predict(v)
			}
			flat := features.SmoothVectors(p.Page, probs, vecs)
			rows := make([][]float64, len(vecs))
			for k := range rows {
				rows[k] = flat[k*nf : (k+1)*nf : (k+1)*nf]
			}
			smooth[p] = rows
		}
	}
	x, y := RowsWith(pages, func(p *dataset.LabelledPage) [][]float64 { return smooth[p] })
	if len(x) == 0 {
		return nil, SmoothFit{}, fmt.Errorf("smoothing: no labelled blocks to train on")
	}
	h := &model.Heads{}
	for _, head := range []struct {
		name string
		fit  Trainer
		note string
	}{
		{winnow.SmootherHead, fitSmooth, "smoothing model: P(content) from the block model's out-of-fold probabilities (%d folds) around the block"},
		{winnow.SmootherCorrectionHead, fitCorrection, "smoothing model: a correction to the block model's out-of-fold log-odds (%d folds)"},
	} {
		if head.fit == nil {
			continue
		}
		m, err := head.fit(x, y)
		if err != nil {
			return nil, SmoothFit{}, fmt.Errorf("smoothing: %s head: %w", head.name, err)
		}
		s := summary
		s.Blocks = len(x)
		s.Note = fmt.Sprintf(head.note, k)
		m.Summary = s
		h.Names, h.Models = append(h.Names, head.name), append(h.Models, m)
	}
	return h, SmoothFit{Blocks: len(x), Pages: len(pages), Folds: k}, nil
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
