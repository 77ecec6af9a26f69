package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/model"
)

// Cross-validation (-cv K): dataset.Folds keeps each site's pages in one
// fold; every fold is scored by a model trained, as winnow train trains
// with the same trainer flags (its defaults unless given), on the other K-1
// folds. The report gives every fold's scores, their mean ± standard
// deviation, and the usual tables over the pooled out-of-fold predictions
// (each page scored once, by a model that never saw its site).

type cvReport struct {
	K       int    `json:"k"`
	Trainer string `json:"trainer"`
	// Left out lists sets not cross-validated (regression sets).
	LeftOut []string `json:"left_out,omitempty"`
	Folds   []cvFold `json:"folds"`
	// Summary is the mean ± standard deviation over folds, per group and system.
	Summary []cvGroup `json:"summary"`
}

type cvFold struct {
	Fold        int          `json:"fold"`
	TrainPages  int          `json:"train_pages"`
	TrainBlocks int          `json:"train_blocks"`
	TestPages   int          `json:"test_pages"`
	Trees       int          `json:"trees"`
	Nodes       int          `json:"nodes"`
	Depth       int          `json:"depth"`
	Groups      []groupScore `json:"groups"`
}

type cvGroup struct {
	Name    string     `json:"name"`
	Systems []cvSystem `json:"systems"`
}

// cvSystem is one system's scores over the folds where the group has pages.
type cvSystem struct {
	System        string  `json:"system"`
	Folds         int     `json:"folds"`
	BlockF1       meanStd `json:"block_f1"`
	BlockAccuracy meanStd `json:"block_accuracy"`
	ShingleF1     meanStd `json:"shingle_f1"`
	BagOfWordsF1  meanStd `json:"bag_of_words_f1"`
	// ROCAUC is over the folds where it is defined; models only.
	ROCAUC *meanStd `json:"roc_auc,omitempty"`
}

func runCV(ctx context.Context, e *env, f *evalFlags, pages []*dataset.LabelledPage) (*evalReport, error) {
	if f.split != "test" {
		fmt.Fprintf(e.stderr, "eval: -cv uses every page; -split %s is ignored\n", f.split)
	}
	cv := &cvReport{K: f.cv, Trainer: f.train.trainer}
	var usable []*dataset.LabelledPage
	for _, p := range pages {
		if dataset.Trainable(p.Set) {
			usable = append(usable, p)
		} else if len(cv.LeftOut) == 0 || cv.LeftOut[len(cv.LeftOut)-1] != p.Set {
			cv.LeftOut = append(cv.LeftOut, p.Set)
		}
	}
	folds := dataset.Folds(usable, f.cv, f.seed)
	if len(folds) != f.cv {
		return nil, fmt.Errorf("dataset.Folds made %d folds, want %d", len(folds), f.cv)
	}
	for i, fold := range folds {
		if len(fold) == 0 {
			return nil, fmt.Errorf("fold %d is empty: fewer sites than folds", i+1)
		}
	}
	// Out-of-fold results, in the order of usable.
	pos := map[*dataset.LabelledPage]int{}
	for i, p := range usable {
		pos[p] = i
	}
	all := make([]pageEval, len(usable))
	var systems []*evalSystem
	var params model.Config // fold 1's, defaults filled in
	imp := make([]float64, len(winnow.Schema().Names))
	bar := newProgress(e, "cv", len(usable))
	for i, test := range folds {
		var train []*dataset.LabelledPage
		for j, fold := range folds {
			if j != i {
				train = append(train, fold...)
			}
		}
		m, blocks, err := trainFold(train, f.train.trainer, f.trainCfg)
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", i+1, err)
		}
		if i == 0 {
			params = m.Params
		}
		s, err := modelSystem("model", fmt.Sprintf("fold %d", i+1), m, f.extractorOptions()...)
		if err != nil {
			return nil, err
		}
		systems = append([]*evalSystem{s}, baselineSystems()...)
		evals, err := evalPages(ctx, test, systems, f.jobs, func() { bar.add(1) })
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
		cv.Folds = append(cv.Folds, cvFold{Fold: i + 1, TrainPages: len(train), TrainBlocks: blocks, TestPages: len(test),
			Trees: m.NumTrees(), Nodes: m.NumNodes(), Depth: m.Depth(), Groups: groupScores(evals, systems)})
	}
	bar.done()
	cv.Summary = summarizeFolds(cv.Folds)

	r := &evalReport{Split: "cv", Seed: f.seed, Threshold: f.threshold, Pages: len(usable), CV: cv}
	for _, s := range systems {
		r.Systems = append(r.Systems, s.name)
	}
	how := "winnow train's defaults"
	if len(f.trainSet) > 0 {
		how = strings.Join(f.trainSet, ", ") + " as given, winnow train's defaults otherwise"
	}
	r.Models = []modelInfo{{Name: "model", Path: fmt.Sprintf("trained per fold: %s, %s; each page scored by the model that did not see its site", f.train.describe(params), how), Trainer: f.train.trainer}}
	r.Groups = groupScores(all, systems)
	if ke, ok := kindErrorsOf(all, 0, "model"); ok {
		r.Kinds = []kindErrors{ke}
	}
	f.setPost(r, all, systems)
	r.Worst = []worstPages{{System: "model", Pages: worstOf(all, 0, worstCount)}}
	r.Importances = []modelImportances{{System: "model (mean over folds)", Features: topFeatures(winnow.Schema().Names, imp, topImportances)}}
	return r, nil
}

// trainFold trains a model on pages as winnow train does: trainer with
// the flags' configuration base (trainerFlags.config), the trainer filling
// in its defaults for the training set.
func trainFold(pages []*dataset.LabelledPage, trainer string, base model.Config) (*model.Model, int, error) {
	x, y := rows(pages)
	if len(x) == 0 {
		return nil, 0, fmt.Errorf("no labelled blocks to train on")
	}
	m, err := fitWith(trainer, base, x, y)
	if err != nil {
		return nil, 0, err
	}
	m.Summary = model.TrainingSummary{Sets: setsOf(pages), Pages: len(pages), Blocks: len(x), Seed: base.Seed}
	return m, len(x), nil
}

// summarizeFolds gives, per group (in first-seen order) and system, the
// mean ± standard deviation over the folds where the group has pages.
func summarizeFolds(folds []cvFold) []cvGroup {
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
	var out []cvGroup
	for _, name := range order {
		g := cvGroup{Name: name}
		for k, a := range vals[name] {
			s := cvSystem{System: systems[k], Folds: len(a.block), BlockF1: meanStdOf(a.block), BlockAccuracy: meanStdOf(a.accuracy),
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
func topFeatures(names []string, imp []float64, n int) []importance {
	idx := make([]int, len(imp))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return imp[idx[a]] > imp[idx[b]] })
	out := []importance{}
	for _, i := range idx {
		if len(out) == n || imp[i] <= 0 {
			break
		}
		name := ""
		if i < len(names) {
			name = names[i]
		}
		out = append(out, importance{Feature: name, Importance: imp[i]})
	}
	return out
}

func writeCV(w io.Writer, cv *cvReport) {
	for _, t := range cvTables(cv) {
		t.writeText(w)
	}
}

// cvTables are the folds and their mean ± standard deviation.
func cvTables(cv *cvReport) []*table {
	title := fmt.Sprintf("Cross-validation: %d folds by site, %s trained per fold with winnow train's defaults", cv.K, cv.Trainer)
	if len(cv.LeftOut) > 0 {
		title += "; left out (regression): " + strings.Join(cv.LeftOut, ",")
	}
	folds := &table{Title: title, Head: []string{"fold", "train pages", "train blocks", "test pages", "trees", "nodes", "depth", "model block F1", "accuracy", "shingle F1"}}
	for _, f := range cv.Folds {
		pooled := f.Groups[len(f.Groups)-1].Systems[0]
		sh := "-"
		if pooled.Text != nil {
			sh = f3(pooled.Text.Shingles.F1)
		}
		folds.add(fmt.Sprint(f.Fold), fmt.Sprint(f.TrainPages), fmt.Sprint(f.TrainBlocks), fmt.Sprint(f.TestPages),
			fmt.Sprint(f.Trees), fmt.Sprint(f.Nodes), fmt.Sprint(f.Depth), f3(pooled.Block.F1), f3(pooled.Block.Accuracy), sh)
	}
	sum := &table{Title: "Mean ± standard deviation over folds",
		Head: []string{"group", "system", "folds", "block F1", "block accuracy", "shingle F1", "BoW F1", "ROC AUC"}}
	pm := func(m meanStd) string { return fmt.Sprintf("%.3f ± %.3f", m.Mean, m.Std) }
	for _, g := range cv.Summary {
		name := g.Name
		for _, s := range g.Systems {
			auc := "-"
			if s.ROCAUC != nil {
				auc = pm(*s.ROCAUC)
			}
			sum.add(name, s.System, fmt.Sprint(s.Folds), pm(s.BlockF1), pm(s.BlockAccuracy), pm(s.ShingleF1), pm(s.BagOfWordsF1), auc)
			name = ""
		}
	}
	return []*table{folds, sum}
}
