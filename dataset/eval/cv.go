package eval

import (
	"context"
	"fmt"
	"sort"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/model"
)

// CVReport is the cross-validation part of a Report (CV).
type CVReport struct {
	K       int    `json:"k"`
	Trainer string `json:"trainer"`
	// Left out lists sets not cross-validated (regression sets).
	LeftOut []string `json:"left_out,omitempty"`
	Folds   []CVFold `json:"folds"`
	// Summary is the mean ± standard deviation over folds, per group and system.
	Summary []CVGroup `json:"summary"`
}

// CVFold is one fold: its training and test sides, its model, and every
// system's scores on its test pages.
type CVFold struct {
	Fold        int          `json:"fold"`
	TrainPages  int          `json:"train_pages"`
	TrainBlocks int          `json:"train_blocks"`
	TestPages   int          `json:"test_pages"`
	Trees       int          `json:"trees"`
	Nodes       int          `json:"nodes"`
	Depth       int          `json:"depth"`
	Groups      []GroupScore `json:"groups"`
}

// CVGroup is one group's scores over the folds.
type CVGroup struct {
	Name    string     `json:"name"`
	Systems []CVSystem `json:"systems"`
}

// CVSystem is one system's scores over the folds where the group has pages.
type CVSystem struct {
	System        string  `json:"system"`
	Folds         int     `json:"folds"`
	BlockF1       MeanStd `json:"block_f1"`
	BlockAccuracy MeanStd `json:"block_accuracy"`
	ShingleF1     MeanStd `json:"shingle_f1"`
	BagOfWordsF1  MeanStd `json:"bag_of_words_f1"`
	// ROCAUC is over the folds where it is defined; models only.
	ROCAUC *MeanStd `json:"roc_auc,omitempty"`
}

// Trainer trains a model on the feature vectors x of blocks labelled y.
// CV calls it once per fold; winnow eval -cv passes the fitting winnow train
// does (its trainer defaults included), so folds train as winnow train does.
type Trainer func(x [][]float64, y []model.Label) (*model.Model, error)

// CVOptions configure a cross-validation.
type CVOptions struct {
	// Options are the extractor's threshold and rules for the folds'
	// models, the fold seed (Seed) and the parallelism; Split is "cv".
	Options
	// K is the number of folds, at least 2.
	K int
	// Trainer names the trainer in the report; Train trains each fold's model.
	Trainer string
	Train   Trainer
	// TrainRole, when not nil, trains role heads (TrainRoles) beside each
	// fold's model, each head h with TrainRole(h); when nil the folds'
	// models assign roles without role models.
	TrainRole func(dataset.RoleHead) Trainer
	// Smooth, when its Smooth trainer is not nil, trains a smoothing
	// model (TrainSmoothing) beside each fold's model, on rows of the
	// smoothing schema, with its correction head when Correction is not
	// nil too.
	Smooth SmoothTrainers
	// Describe says, for the report, how the folds' models were trained
	// from the first fold's configuration (model.Model.Params).
	Describe func(params model.Config) string
}

// CV cross-validates by site: dataset.Folds keeps each site's pages in one
// fold; every fold is scored by a model trained with o.Train on the other
// K-1 folds. The report gives every fold's scores, their mean ± standard
// deviation, and the usual tables over the pooled out-of-fold predictions
// (each page scored once, by a model that never saw its site). Regression
// sets are left out. Each page's feature vectors are computed once, and
// serve every fold that trains on it and the one that scores it.
func CV(ctx context.Context, pages []*dataset.LabelledPage, o CVOptions) (*Report, error) {
	if o.K < 2 {
		return nil, fmt.Errorf("cross-validation needs at least 2 folds, got %d", o.K)
	}
	if !(o.Threshold >= 0 && o.Threshold <= 1) {
		// Refused before the first fold is trained, not by winnow.New after it.
		return nil, fmt.Errorf("threshold %v outside [0, 1]", o.Threshold)
	}
	cv := &CVReport{K: o.K, Trainer: o.Trainer}
	var usable []*dataset.LabelledPage
	for _, p := range pages {
		if dataset.Trainable(p.Set) {
			usable = append(usable, p)
		} else if len(cv.LeftOut) == 0 || cv.LeftOut[len(cv.LeftOut)-1] != p.Set {
			cv.LeftOut = append(cv.LeftOut, p.Set)
		}
	}
	folds := dataset.Folds(usable, o.K, o.Seed)
	if len(folds) != o.K {
		return nil, fmt.Errorf("dataset.Folds made %d folds, want %d", len(folds), o.K)
	}
	for i, fold := range folds {
		if len(fold) == 0 {
			return nil, fmt.Errorf("fold %d is empty: fewer sites than folds", i+1)
		}
	}
	vecs, err := vectorsOf(ctx, usable, o.Workers)
	if err != nil {
		return nil, err
	}
	vecsOf := func(p *dataset.LabelledPage) [][]float64 { return vecs[p] }
	// Out-of-fold results, in the order of usable.
	pos := map[*dataset.LabelledPage]int{}
	for i, p := range usable {
		pos[p] = i
	}
	all := make([]pageEval, len(usable))
	var systems []*System
	var params model.Config // fold 1's, defaults filled in
	imp := make([]float64, len(winnow.Schema().Names))
	for i, test := range folds {
		train := otherFolds(folds, i)
		m, blocks, err := trainFold(train, vecsOf, o.Train, o.Seed)
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", i+1, err)
		}
		if i == 0 {
			params = m.Params
		}
		var heads *model.Heads
		if o.TrainRole != nil {
			if heads, _, err = TrainRoles(train, vecsOf, o.TrainRole, m.Summary); err != nil {
				return nil, fmt.Errorf("fold %d: %w", i+1, err)
			}
		}
		// No page-type models are trained per fold: the folds' systems
		// give no page type (the embedded models saw every page), and so
		// no records smoothing model either, which decides only pages
		// of a known type.
		fo := o.Options
		fo.PageTypesOf = func(string) (*model.Heads, error) { return nil, nil }
		fo.RecordsSmoothOf = nil
		var smooth *model.Heads
		if o.Smooth.Smooth != nil {
			if smooth, _, _, err = TrainSmoothing(train, vecsOf, o.Train, o.Smooth, SmoothTrainers{}, o.Seed, m.Summary); err != nil {
				return nil, fmt.Errorf("fold %d: %w", i+1, err)
			}
		}
		fo.SmoothOf = func(string) (*model.Heads, error) { return smooth, nil }
		s, err := NewModelSystemRoles("model", fmt.Sprintf("fold %d", i+1), m, heads, fo)
		if err != nil {
			return nil, err
		}
		systems = append([]*System{s}, Baselines()...)
		evals, err := evalPages(ctx, test, systems, vecsOf, o.Workers, o.Tick)
		if err != nil {
			return nil, err
		}
		for _, pe := range evals {
			all[pos[pe.page]] = pe
		}
		for k, v := range m.Importances() {
			if k < len(imp) {
				imp[k] += v / float64(len(folds))
			}
		}
		cv.Folds = append(cv.Folds, CVFold{Fold: i + 1, TrainPages: len(train), TrainBlocks: blocks, TestPages: len(test),
			Trees: m.NumTrees(), Nodes: m.NumNodes(), Depth: m.Depth(), Groups: groupScores(evals, systems)})
	}
	cv.Summary = summarizeFolds(cv.Folds)

	r := &Report{Split: "cv", Seed: o.Seed, Threshold: o.Threshold, Pages: len(usable), CV: cv}
	for _, s := range systems {
		r.Systems = append(r.Systems, s.name)
	}
	desc := o.Trainer
	if o.Describe != nil {
		desc = o.Describe(params)
	}
	if o.Smooth.Smooth != nil {
		desc += ", with a smoothing model"
	}
	r.Models = []ModelInfo{{Name: "model", Path: fmt.Sprintf("trained per fold: %s; each page scored by the model that did not see its site", desc), Trainer: o.Trainer, Smoothed: o.Smooth.Smooth != nil}}
	r.Groups = groupScores(all, systems)
	r.Roles = rolesOf(all, systems)
	if ke, ok := kindErrorsOf(all, 0, "model"); ok {
		r.Kinds = []KindErrors{ke}
	}
	o.setPost(r, all, systems)
	r.Worst = []WorstPages{{System: "model", Pages: worstOf(all, 0, worstCount)}}
	r.Importances = []ModelImportances{{System: "model (mean over folds)", Features: topFeatures(winnow.Schema().Names, imp, topImportances)}}
	return r, nil
}

// trainFold trains a model with train on the labelled blocks of pages,
// whose vectors vecsOf gives, and returns it with the number of blocks.
func trainFold(pages []*dataset.LabelledPage, vecsOf func(*dataset.LabelledPage) [][]float64, train Trainer, seed uint64) (*model.Model, int, error) {
	x, y := RowsWith(pages, vecsOf)
	if len(x) == 0 {
		return nil, 0, fmt.Errorf("no labelled blocks to train on")
	}
	m, err := train(x, y)
	if err != nil {
		return nil, 0, err
	}
	m.Summary = model.TrainingSummary{Sets: dataset.SetsOf(pages), Pages: len(pages), Blocks: len(x), Seed: seed}
	return m, len(x), nil
}

// summarizeFolds gives, per group (in first-seen order) and system, the
// mean ± standard deviation over the folds where the group has pages.
func summarizeFolds(folds []CVFold) []CVGroup {
	type acc struct {
		block, accuracy, shingle, bow, auc []float64
		hasText, isModel                   bool
	}
	var order []string
	var systems []string
	vals := map[string][]*acc{}
	for _, f := range folds {
		for _, g := range f.Groups {
			if vals[g.Name] == nil {
				order = append(order, g.Name)
				vals[g.Name] = make([]*acc, len(g.Systems))
				for k := range g.Systems {
					vals[g.Name][k] = &acc{}
				}
			}
			systems = systems[:0]
			for k, s := range g.Systems {
				systems = append(systems, s.System)
				a := vals[g.Name][k]
				a.block = append(a.block, s.Block.F1)
				a.accuracy = append(a.accuracy, s.Block.Accuracy)
				if s.Text != nil {
					a.hasText = true
					a.shingle = append(a.shingle, s.Text.Shingles.F1)
					a.bow = append(a.bow, s.Text.BagOfWords.F1)
				}
				if s.Ranking != nil {
					a.isModel = true
					if s.Ranking.ROCAUC != nil {
						a.auc = append(a.auc, *s.Ranking.ROCAUC)
					}
				}
			}
		}
	}
	var out []CVGroup
	for _, name := range order {
		g := CVGroup{Name: name}
		for k, a := range vals[name] {
			s := CVSystem{System: systems[k], Folds: len(a.block), BlockF1: meanStdOf(a.block), BlockAccuracy: meanStdOf(a.accuracy),
				ShingleF1: meanStdOf(a.shingle), BagOfWordsF1: meanStdOf(a.bow)}
			if a.isModel && len(a.auc) > 0 {
				ms := meanStdOf(a.auc)
				s.ROCAUC = &ms
			}
			g.Systems = append(g.Systems, s)
		}
		out = append(out, g)
	}
	return out
}

// topFeatures lists the n largest importances, most first, zeros left out.
func topFeatures(names []string, imp []float64, n int) []Importance {
	idx := make([]int, len(imp))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return imp[idx[a]] > imp[idx[b]] })
	out := []Importance{}
	for _, i := range idx {
		if len(out) == n || imp[i] <= 0 {
			break
		}
		name := ""
		if i < len(names) {
			name = names[i]
		}
		out = append(out, Importance{Feature: name, Importance: imp[i]})
	}
	return out
}
