package eval

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow/dataset"
)

// WriteText prints the report as aligned tables, most important
// numbers first: text F1 per group and system, then the details.
func WriteText(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	writeEvalHeader(ew, r)
	if len(r.Groups) > 0 {
		for _, t := range reportTables(r) {
			t.writeText(ew)
		}
		writeWorst(ew, r)
		writeImportances(ew, r)
	}
	if r.CV != nil {
		writeCV(ew, r.CV)
	}
	return ew.err
}

// errWriter keeps the first write error so that printing code stays flat.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
}

func splitDescription(r *Report) string {
	switch r.Split {
	case "test":
		return fmt.Sprintf("held-back sites of each set (dataset.Split, 20%%, seed %d; the split winnow train holds back; regression sets whole)", r.Seed)
	case "all":
		return "every page"
	case "gold":
		return "every page of the -gold folder (block labels by dataset.Align)"
	case "cv":
		return fmt.Sprintf("%d-fold cross-validation by site (dataset.Folds, seed %d)", r.CV.K, r.Seed)
	}
	return r.Split
}

func writeEvalHeader(w io.Writer, r *Report) {
	fmt.Fprintf(w, "winnow eval: %d pages, %s", r.Pages, splitDescription(r))
	if r.Skipped > 0 {
		fmt.Fprintf(w, "; %d pages skipped by the loader", r.Skipped)
	}
	post := "post-processing off"
	if len(r.PostRules) > 0 {
		post = "post-processing " + strings.Join(r.PostRules, ", ")
	}
	fmt.Fprintf(w, "\nthreshold %.2f, %s. Text scores: extracted text against the gold text. Block scores: blocks with a known label.\n", r.Threshold, post)
	if len(r.Models) > 0 {
		tw := newTable(w)
		for _, m := range r.Models {
			if m.Nodes == 0 {
				// Cross-validation: one model per fold, described in the fold table.
				fmt.Fprintf(tw, "%s\n", modelLabel(m))
				continue
			}
			smoothed := "no smoothing model"
			switch {
			case m.Smoothed && m.RecordsSmoothed:
				smoothed = "smoothing and records smoothing models"
			case m.Smoothed:
				smoothed = "smoothing model"
			}
			fmt.Fprintf(tw, "%s\ttrainer %s, %d trees, %d nodes, depth %d\ttrained on %d blocks from %d pages of %s\t%s\n",
				modelLabel(m), m.Trainer, m.Trees, m.Nodes, m.Depth, m.TrainBlocks, m.TrainPages, strings.Join(m.TrainSets, ","), smoothed)
		}
		tw.Flush()
	}
	for _, g := range r.Groups {
		if g.Note != "" {
			fmt.Fprintf(w, "note: %s is a %s\n", g.Name, g.Note)
		}
	}
}

// modelLabel is "model PATH", with the model's name in the tables when
// it is not the path or the generic "model".
func modelLabel(m ModelInfo) string {
	if m.Name == m.Path || m.Name == "model" {
		return "model " + m.Path
	}
	return fmt.Sprintf("model %s (%s in the tables)", m.Path, m.Name)
}

// table is one table of the report, printed with tabwriter in the text
// report and as <table> in the HTML one. A cell ending in "*" is the best
// of its row.
type table struct {
	Title string
	Head  []string
	Rows  [][]string
}

func (t *table) add(cells ...string) { t.Rows = append(t.Rows, cells) }

func (t *table) writeText(w io.Writer) {
	if t == nil || len(t.Rows) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", t.Title)
	tw := newTable(w)
	fmt.Fprintln(tw, strings.Join(t.Head, "\t"))
	for _, row := range t.Rows {
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
}

func f3(v float64) string { return fmt.Sprintf("%.3f", v) }

// reportTables are the report's tables in order of importance.
func reportTables(r *Report) []*table {
	return []*table{headlineTable(r), textTable(r), blockTable(r), roleTable(r), leakTable(r), fieldTable(r), pageTypeTable(r), kindTable(r), ruleTable(r), snippetTable(r), thresholdsTable(r), diffTable(r),
		commentTable(r), tokenisationTable(r)}
}

// ruleTable shows what each post-processing rule did on the labelled
// blocks: a rule whose net is negative on your pages is worth turning off
// (-rules chooses them, -no-smooth turns them all off).
func ruleTable(r *Report) *table {
	t := &table{Title: "Post-processing: blocks each rule decided against the threshold, and how many the labels agree with (net: right - wrong; pages: those where the rule decided a block)",
		Head: []string{"system", "rule", "pages", "blocks", "right", "wrong", "net"}}
	for _, re := range r.Rules {
		for i, row := range re.Rules {
			name := re.System
			if i > 0 {
				name = ""
			}
			t.add(name, row.Rule, strconv.Itoa(row.Pages), strconv.Itoa(row.Blocks), strconv.Itoa(row.Right), strconv.Itoa(row.Wrong),
				fmt.Sprintf("%+d", row.Right-row.Wrong))
		}
	}
	return t
}

// kindTable breaks the models' block mistakes down by L3S-GN1's fine labels:
// which kinds of block the remaining errors are.
func kindTable(r *Report) *table {
	t := &table{Title: "Block mistakes by annotated kind (L3S-GN1's fine labels; \"none\" is marked not content or left unselected)",
		Head: []string{"system", "pages", "kind", "counts as", "blocks", "wrong", "wrong %", "share of mistakes"}}
	for _, ke := range r.Kinds {
		for i, k := range ke.Kinds {
			name, pages := ke.System, strconv.Itoa(ke.Pages)
			if i > 0 {
				name, pages = "", ""
			}
			counts := "boilerplate"
			if k.Content {
				counts = "content"
			}
			t.add(name, pages, k.Kind, counts, strconv.Itoa(k.Blocks), strconv.Itoa(k.Wrong),
				fmt.Sprintf("%.1f", 100*k.WrongShare), fmt.Sprintf("%.1f%%", 100*k.MistakeShare))
		}
	}
	return t
}

// headlineTable is the at-a-glance table: text F1 of every system per
// group, the best marked, so a model that does not beat the rules shows.
func headlineTable(r *Report) *table {
	t := &table{Title: "Text F1 per group (Scrapinghub benchmark shingle measure; block F1 where a group has no gold text; * best)",
		Head: append([]string{"group", "pages"}, r.Systems...)}
	for _, g := range r.Groups {
		vals := make([]float64, len(g.Systems))
		best := 0
		for k, s := range g.Systems {
			if s.Text != nil {
				vals[k] = s.Text.Shingles.F1
			} else {
				vals[k] = s.Block.F1
			}
			if vals[k] > vals[best] {
				best = k
			}
		}
		name := g.Name
		if g.Systems[0].Text == nil {
			name += " (block)"
		}
		if g.Note != "" {
			name += " (regression)"
		}
		row := []string{name, fmt.Sprint(g.Pages)}
		for k, v := range vals {
			cell := f3(v)
			if k == best {
				cell += "*"
			}
			row = append(row, cell)
		}
		t.add(row...)
	}
	return t
}

func textTable(r *Report) *table {
	title := "Text level: shingles (4-word, per page normalised, P/R averaged over pages), bag of words (mean over pages), per-page shingle F1"
	for _, g := range r.Groups {
		if s := g.Systems[0].Text; s != nil && s.Pages != g.Pages {
			title += "; pages: those with gold text, the others are scored at block level only"
			break
		}
	}
	t := &table{Title: title,
		Head: []string{"group", "system", "pages", "shingle P", "R", "F1", "BoW P", "R", "F1", "page F1 mean", "median", "p10", "empty"}}
	for _, g := range r.Groups {
		name := g.Name
		for _, s := range g.Systems {
			x := s.Text
			if x == nil {
				continue
			}
			t.add(name, s.System, fmt.Sprint(x.Pages),
				f3(x.Shingles.Precision), f3(x.Shingles.Recall), f3(x.Shingles.F1),
				f3(x.BagOfWords.Precision), f3(x.BagOfWords.Recall), f3(x.BagOfWords.F1),
				f3(x.PageF1.Mean), f3(x.PageF1.Median), f3(x.PageF1.P10), fmt.Sprint(x.Empty))
			name = ""
		}
	}
	return t
}

func blockTable(r *Report) *table {
	t := &table{Title: "Block level: content blocks (Unknown skipped); confusion matrix TP FP / FN TN, content positive",
		Head: []string{"group", "system", "pages", "blocks", "P", "R", "F1", "accuracy", "TP", "FP", "FN", "TN"}}
	for _, g := range r.Groups {
		name := g.Name
		for _, s := range g.Systems {
			b := s.Block
			t.add(name, s.System, fmt.Sprint(g.Pages), fmt.Sprint(b.Blocks), f3(b.Precision), f3(b.Recall), f3(b.F1), f3(b.Accuracy),
				fmt.Sprint(b.TP), fmt.Sprint(b.FP), fmt.Sprint(b.FN), fmt.Sprint(b.TN))
			name = ""
		}
	}
	return t
}

func snippetTable(r *Report) *table {
	t := &table{Title: `Snippets: "with" found in the text (higher is better), "without" leaked into it (lower is better); only the groups whose set gives snippets, which "all" pools`,
		Head: []string{"group", "system", "with found", "share", "without leaked", "share"}}
	for _, g := range r.Groups {
		name := g.Name
		for _, s := range g.Systems {
			sn := s.Snippets
			if sn == nil {
				continue
			}
			t.add(name, s.System, fmt.Sprintf("%d/%d", sn.WithFound, sn.With), f3(sn.WithShare),
				fmt.Sprintf("%d/%d", sn.WithoutLeaked, sn.Without), f3(sn.LeakedShare))
			name = ""
		}
	}
	return t
}

func thresholdsTable(r *Report) *table {
	t := &table{Title: "Thresholds: the model's P(content) before smoothing; ROC AUC and content precision/recall when keeping P ≥ t",
		Head: []string{"group", "model", "ROC AUC"}}
	for _, th := range evalThresholds {
		t.Head = append(t.Head, fmt.Sprintf("P@%.1f", th), fmt.Sprintf("R@%.1f", th))
	}
	for _, g := range r.Groups {
		name := g.Name
		for _, s := range g.Systems {
			if s.Ranking == nil {
				continue
			}
			row := []string{name, s.System, optFloat(s.Ranking.ROCAUC)}
			for _, at := range s.Ranking.At {
				row = append(row, f3(at.Precision), f3(at.Recall))
			}
			t.add(row...)
			name = ""
		}
	}
	return t
}

func optFloat(v *float64) string {
	if v == nil {
		return "-"
	}
	return f3(*v)
}

func optSigned(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%+.3f", *v)
}

func diffTable(r *Report) *table {
	if len(r.Diffs) == 0 {
		return nil
	}
	t := &table{Title: fmt.Sprintf("Difference %s − %s (positive: the second model is better)", r.Models[1].Name, r.Models[0].Name),
		Head: []string{"group", "shingle F1", "BoW F1", "block F1", "ROC AUC"}}
	for _, d := range r.Diffs {
		t.add(d.Group, fmt.Sprintf("%+.3f", d.ShingleF1), fmt.Sprintf("%+.3f", d.BagOfWords), fmt.Sprintf("%+.3f", d.BlockF1), optSigned(d.ROCAUC))
	}
	return t
}

func writeWorst(w io.Writer, r *Report) {
	for _, wp := range r.Worst {
		if len(wp.Pages) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nWorst %d pages for %s (lowest per-page shingle F1), with the biggest mistakes\n", len(wp.Pages), wp.System)
		for i, p := range wp.Pages {
			kind := ""
			if p.PageType != "" {
				kind = " (" + p.PageType + ")"
			}
			if p.Empty {
				kind += ", nothing extracted"
			}
			if p.Tokenisation == dataset.Characters.String() {
				kind += ", scored by characters"
			}
			fmt.Fprintf(w, "%2d. %s %s%s  F1 %.3f, block F1 %.3f  %s\n", i+1, p.Set, p.ID, kind, p.F1, p.BlockF1, p.URL)
			if p.Source != "" {
				fmt.Fprintf(w, "    file: %s\n", p.Source)
			}
			if p.Command != "" {
				fmt.Fprintf(w, "    run:  %s\n", p.Command)
			}
			if len(p.Mistakes) == 0 {
				fmt.Fprintf(w, "    (no block-level mistake: the gold text and the block labels disagree)\n")
			}
			for _, m := range p.Mistakes {
				fine := ""
				if m.Fine != "" {
					fine = " [" + m.Fine + "]"
				}
				fmt.Fprintf(w, "    %s%s, %d words: %q\n", m.Kind, fine, m.Words, m.Text)
			}
		}
	}
}

func writeImportances(w io.Writer, r *Report) {
	for _, mi := range r.Importances {
		fmt.Fprintf(w, "\nFeature importances of %s (impurity decrease, top %d)\n", mi.System, topImportances)
		tw := newTable(w)
		for _, f := range mi.Features {
			fmt.Fprintf(tw, "  %s\t%.3f\n", f.Feature, f.Importance)
		}
		tw.Flush()
	}
}

func writeCV(w io.Writer, cv *CVReport) {
	for _, t := range cvTables(cv) {
		t.writeText(w)
	}
}

// cvTables are the folds and their mean ± standard deviation.
func cvTables(cv *CVReport) []*table {
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
	pm := func(m MeanStd) string { return fmt.Sprintf("%.3f ± %.3f", m.Mean, m.Std) }
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
