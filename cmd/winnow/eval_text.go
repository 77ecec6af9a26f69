package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// writeEvalText prints the report as aligned tables, most important
// numbers first: text F1 per group and system, then the details.
func writeEvalText(w io.Writer, r *evalReport) error {
	ew := &errWriter{w: w}
	writeEvalHeader(ew, r)
	if len(r.Groups) > 0 {
		writeHeadline(ew, r)
		writeTextTable(ew, r)
		writeBlockTable(ew, r)
		writeSnippetTable(ew, r)
		writeThresholdTable(ew, r)
		writeDiffTable(ew, r)
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

func splitDescription(r *evalReport) string {
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

func writeEvalHeader(w io.Writer, r *evalReport) {
	fmt.Fprintf(w, "winnow eval: %d pages, %s", r.Pages, splitDescription(r))
	if r.Skipped > 0 {
		fmt.Fprintf(w, "; %d pages skipped by the loader", r.Skipped)
	}
	smooth := "on"
	if !r.Smoothing {
		smooth = "off"
	}
	fmt.Fprintf(w, "\nthreshold %.2f, smoothing %s. Text scores: extracted text against the gold text. Block scores: blocks with a known label.\n", r.Threshold, smooth)
	if len(r.Models) > 0 {
		tw := newTable(w)
		for _, m := range r.Models {
			fmt.Fprintf(tw, "model %s\t%s\ttrainer %s, %d nodes, depth %d\ttrained on %d blocks from %d pages of %s\n",
				m.Name, m.Path, m.Trainer, m.Nodes, m.Depth, m.TrainBlocks, m.TrainPages, strings.Join(m.TrainSets, ","))
		}
		tw.Flush()
	}
	for _, g := range r.Groups {
		if g.Note != "" {
			fmt.Fprintf(w, "note: %s is a %s\n", g.Name, g.Note)
		}
	}
}

// writeHeadline is the at-a-glance table: text F1 of every system per
// group, the best marked, so a model that does not beat the rules shows.
func writeHeadline(w io.Writer, r *evalReport) {
	fmt.Fprintf(w, "\nText F1 per group (Scrapinghub benchmark shingle measure; block F1 where a group has no gold text; * best)\n")
	tw := newTable(w)
	fmt.Fprintf(tw, "group\tpages")
	for _, s := range r.Systems {
		fmt.Fprintf(tw, "\t%s", s)
	}
	fmt.Fprintln(tw)
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
		fmt.Fprintf(tw, "%s\t%d", name, g.Pages)
		for k, v := range vals {
			mark := ""
			if k == best {
				mark = "*"
			}
			fmt.Fprintf(tw, "\t%.3f%s", v, mark)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

func writeTextTable(w io.Writer, r *evalReport) {
	fmt.Fprintf(w, "\nText level: shingles (4-word, per page normalised, P/R averaged over pages), bag of words (mean over pages), per-page shingle F1\n")
	tw := newTable(w)
	fmt.Fprintf(tw, "group\tsystem\tpages\tshingle P\tR\tF1\tBoW P\tR\tF1\tpage F1 mean\tmedian\tp10\tempty\n")
	for _, g := range r.Groups {
		name := g.Name
		for _, s := range g.Systems {
			t := s.Text
			if t == nil {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\n", name, s.System, t.Pages,
				t.Shingles.Precision, t.Shingles.Recall, t.Shingles.F1,
				t.BagOfWords.Precision, t.BagOfWords.Recall, t.BagOfWords.F1,
				t.PageF1.Mean, t.PageF1.Median, t.PageF1.P10, t.Empty)
			name = ""
		}
	}
	tw.Flush()
}

func writeBlockTable(w io.Writer, r *evalReport) {
	fmt.Fprintf(w, "\nBlock level: content blocks (Unknown skipped); confusion matrix TP FP / FN TN, content positive\n")
	tw := newTable(w)
	fmt.Fprintf(tw, "group\tsystem\tblocks\tP\tR\tF1\taccuracy\tTP\tFP\tFN\tTN\n")
	for _, g := range r.Groups {
		name := g.Name
		for _, s := range g.Systems {
			b := s.Block
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t%d\n", name, s.System, b.Blocks,
				b.Precision, b.Recall, b.F1, b.Accuracy, b.TP, b.FP, b.FN, b.TN)
			name = ""
		}
	}
	tw.Flush()
}

func writeSnippetTable(w io.Writer, r *evalReport) {
	has := false
	for _, g := range r.Groups {
		if g.Systems[0].Snippets != nil {
			has = true
		}
	}
	if !has {
		return
	}
	fmt.Fprintf(w, "\nSnippets: \"with\" found in the text (higher is better), \"without\" leaked into it (lower is better)\n")
	tw := newTable(w)
	fmt.Fprintf(tw, "group\tsystem\twith found\tshare\twithout leaked\tshare\n")
	for _, g := range r.Groups {
		name := g.Name
		for _, s := range g.Systems {
			sn := s.Snippets
			if sn == nil {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%.3f\t%d/%d\t%.3f\n", name, s.System, sn.WithFound, sn.With, sn.WithShare,
				sn.WithoutLeaked, sn.Without, sn.LeakedShare)
			name = ""
		}
	}
	tw.Flush()
}

func writeThresholdTable(w io.Writer, r *evalReport) {
	if len(r.Models) == 0 {
		return
	}
	fmt.Fprintf(w, "\nThresholds: the model's P(content) before smoothing; ROC AUC and content precision/recall when keeping P ≥ t\n")
	tw := newTable(w)
	fmt.Fprintf(tw, "group\tmodel\tROC AUC")
	for _, t := range evalThresholds {
		fmt.Fprintf(tw, "\tP@%.1f\tR@%.1f", t, t)
	}
	fmt.Fprintln(tw)
	for _, g := range r.Groups {
		name := g.Name
		for _, s := range g.Systems {
			if s.Ranking == nil {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%s", name, s.System, optFloat(s.Ranking.ROCAUC))
			for _, row := range s.Ranking.At {
				fmt.Fprintf(tw, "\t%.3f\t%.3f", row.Precision, row.Recall)
			}
			fmt.Fprintln(tw)
			name = ""
		}
	}
	tw.Flush()
}

func optFloat(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", *v)
}

func optSigned(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%+.3f", *v)
}

func writeDiffTable(w io.Writer, r *evalReport) {
	if len(r.Diffs) == 0 {
		return
	}
	fmt.Fprintf(w, "\nDifference %s − %s (positive: the second model is better)\n", r.Models[1].Name, r.Models[0].Name)
	tw := newTable(w)
	fmt.Fprintf(tw, "group\tshingle F1\tBoW F1\tblock F1\tROC AUC\n")
	for _, d := range r.Diffs {
		fmt.Fprintf(tw, "%s\t%+.3f\t%+.3f\t%+.3f\t%s\n", d.Group, d.ShingleF1, d.BagOfWords, d.BlockF1, optSigned(d.ROCAUC))
	}
	tw.Flush()
}

func writeWorst(w io.Writer, r *evalReport) {
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
			fmt.Fprintf(w, "%2d. %s %s%s  F1 %.3f, block F1 %.3f  %s\n", i+1, p.Set, p.ID, kind, p.F1, p.BlockF1, p.URL)
			if len(p.Mistakes) == 0 {
				fmt.Fprintf(w, "    (no block-level mistake: the gold text and the block labels disagree)\n")
			}
			for _, m := range p.Mistakes {
				fmt.Fprintf(w, "    %s, %d words: %q\n", m.Kind, m.Words, m.Text)
			}
		}
	}
}

func writeImportances(w io.Writer, r *evalReport) {
	for _, mi := range r.Importances {
		fmt.Fprintf(w, "\nFeature importances of %s (impurity decrease, top %d)\n", mi.System, topImportances)
		tw := newTable(w)
		for _, f := range mi.Features {
			fmt.Fprintf(tw, "  %s\t%.3f\n", f.Feature, f.Importance)
		}
		tw.Flush()
	}
}
