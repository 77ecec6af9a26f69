package eval

import (
	"cmp"
	"slices"
	"sort"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/model"
)

// The report of winnow eval. Its JSON form (-format json) is the
// machine-readable one: keys are stable, every number of the text report
// is in it, and lists keep the text report's order.

// evalReport is the result of one evaluation run.
type Report struct {
	// Split is "test" (the held-back sites of dataset.Split), "all" or
	// "gold" (a -gold folder).
	Split     string  `json:"split"`
	Seed      uint64  `json:"seed"`
	Threshold float64 `json:"threshold"`
	// Smoothing says whether any post-processing rule ran; PostRules
	// names those that did (-rules).
	Smoothing bool     `json:"smoothing"`
	PostRules []string `json:"post_rules"`
	Pages     int      `json:"pages"`
	// Skipped is how many pages the loader could not use.
	Skipped int          `json:"skipped"`
	Models  []ModelInfo  `json:"models"`
	Systems []string     `json:"systems"`
	Groups  []GroupScore `json:"groups"`
	// Diffs compare the second model with the first (second minus first),
	// when two models are given.
	Diffs []DiffRow `json:"diffs,omitempty"`
	// Kinds break each model's block mistakes down by L3S-GN1's fine
	// labels, over the pages that have them; empty without such pages.
	Kinds []KindErrors `json:"kinds,omitempty"`
	// Rules are, per model, the blocks each post-processing rule decided
	// against the threshold's verdict; empty with smoothing off.
	Rules       []RuleEffects      `json:"rules,omitempty"`
	Worst       []WorstPages       `json:"worst"`
	Importances []ModelImportances `json:"importances"`
	CV          *CVReport          `json:"cv,omitempty"`
}

// modelInfo describes an evaluated model.
type ModelInfo struct {
	Name      string   `json:"name"`
	Path      string   `json:"path"`
	Trainer   string   `json:"trainer"`
	Trees     int      `json:"trees"`
	Nodes     int      `json:"nodes"`
	Depth     int      `json:"depth"`
	TrainSets []string `json:"train_sets"`
	// TrainPages and TrainBlocks are from the model file's summary.
	TrainPages  int `json:"train_pages"`
	TrainBlocks int `json:"train_blocks"`
}

func describeModel(s *System) ModelInfo {
	m := s.m
	return ModelInfo{Name: s.name, Path: s.path, Trainer: m.Trainer, Trees: m.NumTrees(), Nodes: m.NumNodes(), Depth: m.Depth(),
		TrainSets: m.Summary.Sets, TrainPages: m.Summary.Pages, TrainBlocks: m.Summary.Blocks}
}

// groupScore is every system's scores on one group of pages: a set, a
// page type of a set, or all pages pooled.
type GroupScore struct {
	Name string `json:"name"`
	// Kind is "set", "page-type" or "pooled".
	Kind string `json:"kind"`
	// Note says what the gold is when it is not human gold.
	Note    string        `json:"note,omitempty"`
	Pages   int           `json:"pages"`
	Systems []SystemScore `json:"systems"`
}

// systemScore is one system's scores on one group.
type SystemScore struct {
	System   string          `json:"system"`
	Block    BlockScore      `json:"block"`
	Text     *TextScore      `json:"text,omitempty"`
	Snippets *SnippetScore   `json:"snippets,omitempty"`
	Ranking  *ThresholdScore `json:"thresholds,omitempty"`
}

// blockScore is block-level classification of content, over blocks with a
// known label.
type BlockScore struct {
	Blocks    int     `json:"blocks"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Accuracy  float64 `json:"accuracy"`
}

// blockScoreOf reports a Confusion: precision is 1 where nothing was
// kept and recall 1 where nothing is content (model's convention).
func blockScoreOf(c Confusion) BlockScore {
	return BlockScore{Blocks: int(c.Total()), TP: int(c.TP), FP: int(c.FP), FN: int(c.FN), TN: int(c.TN),
		Precision: c.Precision(), Recall: c.Recall(), F1: c.F1(), Accuracy: c.Accuracy()}
}

// prf is a precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// textScore compares extracted text with the gold text, over the pages
// that have one.
type TextScore struct {
	Pages int `json:"pages"`
	// Shingles is the Scrapinghub benchmark measure (see dataset.ShingleMean);
	// PrecisionPages counts the pages where something was predicted.
	Shingles       PRF `json:"shingles"`
	PrecisionPages int `json:"precision_pages"`
	// BagOfWords is the mean over pages of dataset.BagOfWords.
	BagOfWords PRF `json:"bag_of_words"`
	// PageF1 is the distribution of per-page shingle F1.
	PageF1 Distribution `json:"page_f1"`
	// Empty is the number of pages where nothing was extracted.
	Empty int `json:"empty"`
	// pageF1s are the per-page values, for the HTML report's plot.
	pageF1s []float64
}

// snippetScore counts the must / must-not snippets of the pages.
type SnippetScore struct {
	With          int     `json:"with"`
	WithFound     int     `json:"with_found"`
	WithShare     float64 `json:"with_share"`
	Without       int     `json:"without"`
	WithoutLeaked int     `json:"without_leaked"`
	LeakedShare   float64 `json:"leaked_share"`
}

// thresholdScore is the threshold behaviour of a model's probabilities,
// before smoothing.
type ThresholdScore struct {
	// ROCAUC is null when the group's blocks are all of one class.
	ROCAUC *float64       `json:"roc_auc"`
	At     []ThresholdRow `json:"at"`
	// curve is the precision–recall curve, for the HTML plot only.
	curve []prPoint
}

// diffRow is the second model minus the first on one group.
type DiffRow struct {
	Group      string   `json:"group"`
	ShingleF1  float64  `json:"shingle_f1"`
	BagOfWords float64  `json:"bag_of_words_f1"`
	BlockF1    float64  `json:"block_f1"`
	ROCAUC     *float64 `json:"roc_auc,omitempty"`
}

// kindErrors are one model's block mistakes by fine label.
type KindErrors struct {
	System string    `json:"system"`
	Pages  int       `json:"pages"`
	Kinds  []KindRow `json:"kinds"`
}

// kindRow is a model's decisions on the blocks of one fine label.
type KindRow struct {
	Kind string `json:"kind"`
	// Content says whether the kind counts as main content.
	Content bool `json:"content"`
	Blocks  int  `json:"blocks"`
	// Wrong is how many of them the model got wrong: content dropped for a
	// content kind, boilerplate kept for the others.
	Wrong      int     `json:"wrong"`
	WrongShare float64 `json:"wrong_share"`
	// MistakeShare is Wrong over the model's mistakes on all kinds.
	MistakeShare float64 `json:"mistake_share"`
}

// kindErrorsOf pools system k's fine-label counts over the pages that have
// them; ok is false when none does.
func kindErrorsOf(evals []pageEval, k int, system string) (KindErrors, bool) {
	kinds := dataset.FineLabels()
	counts := make([]kindCount, len(kinds))
	pages := 0
	for _, pe := range evals {
		ps := &pe.sys[k]
		if ps.kinds == nil {
			continue
		}
		pages++
		for f, c := range ps.kinds {
			counts[f].blocks += c.blocks
			counts[f].wrong += c.wrong
		}
	}
	if pages == 0 {
		return KindErrors{}, false
	}
	wrong := 0
	for _, c := range counts {
		wrong += c.wrong
	}
	out := KindErrors{System: system, Pages: pages}
	for f, c := range counts {
		out.Kinds = append(out.Kinds, KindRow{Kind: kinds[f].String(), Content: kinds[f].IsContent(), Blocks: c.blocks, Wrong: c.wrong,
			WrongShare: share(float64(c.wrong), float64(c.blocks)), MistakeShare: share(float64(c.wrong), float64(wrong))})
	}
	return out, true
}

// ruleEffects are what one model's post-processing rules did.
type RuleEffects struct {
	System string    `json:"system"`
	Rules  []RuleRow `json:"rules"`
}

// ruleRow is one rule's verdicts on blocks with a known label. Each is the
// opposite of the threshold's, so Right-Wrong is how many more blocks the
// rule got right than the threshold alone would have.
type RuleRow struct {
	Rule   string `json:"rule"`
	Pages  int    `json:"pages"`
	Blocks int    `json:"blocks"`
	Right  int    `json:"right"`
	Wrong  int    `json:"wrong"`
}

// ruleEffectsOf pools system k's counts of the given rules over evals.
func ruleEffectsOf(evals []pageEval, k int, system string, rules []winnow.Rule) RuleEffects {
	counts := newRuleCounts()
	for _, pe := range evals {
		for r, c := range pe.sys[k].rules {
			counts[r].pages += c.pages
			counts[r].blocks += c.blocks
			counts[r].right += c.right
		}
	}
	out := RuleEffects{System: system}
	for _, r := range rules {
		c := counts[r]
		out.Rules = append(out.Rules, RuleRow{Rule: r.String(), Pages: c.pages, Blocks: c.blocks, Right: c.right, Wrong: c.blocks - c.right})
	}
	return out
}

// worstPages are a model's pages with the lowest per-page shingle F1.
type WorstPages struct {
	System string      `json:"system"`
	Pages  []WorstPage `json:"pages"`
}

type WorstPage struct {
	Set      string  `json:"set"`
	ID       string  `json:"id"`
	URL      string  `json:"url,omitempty"`
	PageType string  `json:"page_type,omitempty"`
	F1       float64 `json:"f1"`
	BlockF1  float64 `json:"block_f1"`
	// Empty says nothing was extracted.
	Empty    bool      `json:"empty"`
	Mistakes []Mistake `json:"mistakes"`
	// page and keep are for the HTML report's highlighted blocks.
	page *dataset.LabelledPage
	keep []bool
}

type ModelImportances struct {
	System   string       `json:"system"`
	Features []Importance `json:"features"`
}

type Importance struct {
	Feature    string  `json:"feature"`
	Importance float64 `json:"importance"`
}

// regressionNote labels sets whose gold is not a person's.
const regressionNote = "regression (Readability.js output, not human gold)"

func isRegression(set string) bool { return !dataset.Trainable(set) }

// worstCount is how many worst pages the report lists per model.
const worstCount = 10

// topImportances is how many feature importances the report lists.
const topImportances = 15

// buildReport aggregates per-page results into the report's groups.
func buildReport(evals []pageEval, systems []*System) *Report {
	r := &Report{Pages: len(evals)}
	for _, s := range systems {
		r.Systems = append(r.Systems, s.name)
		if s.isModel() {
			r.Models = append(r.Models, describeModel(s))
		}
	}
	r.Groups = groupScores(evals, systems)
	r.Diffs = modelDiffs(r.Groups, systems)
	for k, s := range systems {
		if !s.isModel() {
			continue
		}
		if ke, ok := kindErrorsOf(evals, k, s.name); ok {
			r.Kinds = append(r.Kinds, ke)
		}
		r.Worst = append(r.Worst, WorstPages{System: s.name, Pages: worstOf(evals, k, worstCount)})
		r.Importances = append(r.Importances, ModelImportances{System: s.name, Features: importancesOf(s.m, topImportances)})
	}
	return r
}

// groupScores scores every set, every page type of sets that have several,
// and the pool of all pages from sets with human gold (or of all pages when
// every set is a regression set).
func groupScores(evals []pageEval, systems []*System) []GroupScore {
	var sets []string
	bySet := map[string][]pageEval{}
	for _, pe := range evals {
		s := pe.page.Set
		if bySet[s] == nil {
			sets = append(sets, s)
		}
		bySet[s] = append(bySet[s], pe)
	}
	var out []GroupScore
	var pool []pageEval
	for _, s := range sets {
		g := scoreGroup(s, "set", bySet[s], systems)
		if isRegression(s) {
			g.Note = regressionNote
		} else {
			pool = append(pool, bySet[s]...)
		}
		out = append(out, g)
		byType := map[string][]pageEval{}
		for _, pe := range bySet[s] {
			if t := pe.page.PageType; t != "" {
				byType[t] = append(byType[t], pe)
			}
		}
		if len(byType) < 2 {
			continue
		}
		types := make([]string, 0, len(byType))
		for t := range byType {
			types = append(types, t)
		}
		// Most pages first, then by name.
		slices.SortFunc(types, func(a, b string) int {
			return cmp.Or(cmp.Compare(len(byType[b]), len(byType[a])), cmp.Compare(a, b))
		})
		for _, t := range types {
			out = append(out, scoreGroup(s+"/"+t, "page-type", byType[t], systems))
		}
	}
	if len(sets) > 1 || len(out) > 1 {
		note := ""
		if len(pool) == 0 {
			pool, note = evals, regressionNote
		}
		g := scoreGroup("all", "pooled", pool, systems)
		g.Note = note
		out = append(out, g)
	}
	return out
}

// scoreGroup aggregates the page scores of one group.
func scoreGroup(name, kind string, evals []pageEval, systems []*System) GroupScore {
	g := GroupScore{Name: name, Kind: kind, Pages: len(evals)}
	for k, s := range systems {
		g.Systems = append(g.Systems, aggregate(evals, k, s))
	}
	return g
}

// aggregate combines system k's page scores.
func aggregate(evals []pageEval, k int, s *System) SystemScore {
	out := SystemScore{System: s.name}
	var conf Confusion
	var sh dataset.ShingleMean
	var bowP, bowR, bowF []float64
	var f1s []float64
	var ts TextScore
	var sn SnippetScore
	var scores []float64
	var truth []bool
	for _, pe := range evals {
		ps := &pe.sys[k]
		conf.Merge(ps.conf)
		if ps.hasGold {
			ts.Pages++
			sh.Add(ps.tp, ps.fp, ps.fn)
			bowP, bowR, bowF = append(bowP, ps.bowP), append(bowR, ps.bowR), append(bowF, ps.bow)
			if ps.f1ok {
				f1s = append(f1s, ps.f1)
			}
			if ps.empty {
				ts.Empty++
			}
		}
		sn.With += ps.withTotal
		sn.WithFound += ps.withFound
		sn.Without += ps.withoutTotal
		sn.WithoutLeaked += ps.withoutLeaked
		scores = append(scores, ps.scores...)
		truth = append(truth, ps.truth...)
	}
	out.Block = blockScoreOf(conf)
	if ts.Pages > 0 {
		ts.Shingles = PRF{Precision: sh.Precision(), Recall: sh.Recall(), F1: sh.F1()}
		ts.PrecisionPages = sh.PrecisionPages()
		ts.BagOfWords = PRF{Precision: meanOf(bowP), Recall: meanOf(bowR), F1: meanOf(bowF)}
		ts.PageF1 = dataset.DistributionOf(f1s)
		ts.pageF1s = f1s
		out.Text = &ts
	}
	if sn.With+sn.Without > 0 {
		sn.WithShare = share(float64(sn.WithFound), float64(sn.With))
		sn.LeakedShare = share(float64(sn.WithoutLeaked), float64(sn.Without))
		out.Snippets = &sn
	}
	if s.isModel() {
		th := &ThresholdScore{At: thresholdTable(scores, truth, evalThresholds), curve: prCurve(scores, truth)}
		if auc, ok := ROCAUC(scores, truth); ok {
			th.ROCAUC = &auc
		}
		out.Ranking = th
	}
	return out
}

func meanOf(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

// modelDiffs compares the first two models on every group.
func modelDiffs(groups []GroupScore, systems []*System) []DiffRow {
	var models []int
	for k, s := range systems {
		if s.isModel() {
			models = append(models, k)
		}
	}
	if len(models) < 2 {
		return nil
	}
	a, b := models[0], models[1]
	var out []DiffRow
	for _, g := range groups {
		sa, sb := g.Systems[a], g.Systems[b]
		d := DiffRow{Group: g.Name, BlockF1: sb.Block.F1 - sa.Block.F1}
		if sa.Text != nil && sb.Text != nil {
			d.ShingleF1 = sb.Text.Shingles.F1 - sa.Text.Shingles.F1
			d.BagOfWords = sb.Text.BagOfWords.F1 - sa.Text.BagOfWords.F1
		}
		if sa.Ranking != nil && sb.Ranking != nil && sa.Ranking.ROCAUC != nil && sb.Ranking.ROCAUC != nil {
			v := *sb.Ranking.ROCAUC - *sa.Ranking.ROCAUC
			d.ROCAUC = &v
		}
		out = append(out, d)
	}
	return out
}

// worstOf lists the n pages with gold text where system k has the lowest
// per-page shingle F1, regression sets left out; ties by set and ID.
func worstOf(evals []pageEval, k, n int) []WorstPage {
	var cands []WorstPage
	for _, pe := range evals {
		ps := &pe.sys[k]
		if !ps.hasGold || !ps.f1ok || isRegression(pe.page.Set) {
			continue
		}
		p := pe.page
		cands = append(cands, WorstPage{Set: p.Set, ID: p.ID, URL: p.URL, PageType: p.PageType, F1: ps.f1,
			BlockF1: ps.conf.F1(), Empty: ps.empty, Mistakes: ps.mistakes, page: p, keep: ps.keep})
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].F1 != cands[b].F1 {
			return cands[a].F1 < cands[b].F1
		}
		if cands[a].Set != cands[b].Set {
			return cands[a].Set < cands[b].Set
		}
		return cands[a].ID < cands[b].ID
	})
	return append([]WorstPage{}, cands[:min(n, len(cands))]...)
}

// importancesOf lists a model's n most important features, most first,
// leaving out features it never uses.
func importancesOf(m *model.Model, n int) []Importance {
	return topFeatures(m.Schema.Names, m.Importances(), n)
}
