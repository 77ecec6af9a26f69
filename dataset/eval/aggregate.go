package eval

import (
	"cmp"
	"slices"
	"sort"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/model"
)

// Aggregation: per-page scores (run.go) pooled into the report's groups.

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
	r.Roles = rolesOf(evals, systems)
	r.PageTypes = pageTypesOf(evals, systems)
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
		out = append(out, languageGroups(s, bySet[s], systems)...)
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
	g := GroupScore{Name: name, Kind: kind, Pages: len(evals), CharacterPages: characterPages(evals)}
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
	out.Comments = commentScoreOf(evals, k)
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
		cands = append(cands, WorstPage{Set: p.Set, ID: p.ID, URL: p.URL, Source: p.Source, PageType: p.PageType, F1: ps.f1,
			BlockF1: ps.conf.F1(), Empty: ps.empty, Tokenisation: p.Tokenisation().String(), Mistakes: ps.mistakes, page: p, keep: ps.keep})
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
