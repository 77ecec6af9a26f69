package main

// winnow eval scores models and baselines on labelled pages.
//
// Every system runs on the same pages: the models through the extractor
// (winnow.Extractor.FromPage: threshold and rules as in winnow
// extract), the baselines (keep everything; boilerpipe's number-of-words
// and densitometric rules, baselines.go) through internal/render, so all
// texts are rendered alike. The report gives, per set, per WCXB page type
// and pooled over the sets with human gold:
//
//   - text level (eval_metrics.go): the Scrapinghub article-extraction
//     benchmark's shingle measure, bag of words, per-page F1 distribution;
//   - block level: model.Confusion over blocks with a known label;
//   - snippets (WCXB): "with" found, "without" leaked, on word tokens;
//   - thresholds: ROC AUC and precision/recall of the raw P(content);
//   - the worst pages with their biggest mistakes, feature importances;
//   - with -cv K, per-fold scores and mean ± standard deviation (eval_cv.go).
//
// Output: aligned tables (eval_text.go), JSON (the evalReport structs in
// eval_report.go) or a self-contained HTML page with SVG plots
// (eval_html.go).

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/model"
)

// evalTestFraction and the seed flag's default are winnow train's, so that
// -split test evaluates on exactly the pages training held back.
const evalTestFraction = 0.2

// stringList is a flag that may be given several times.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

type evalFlags struct {
	models    stringList
	data      string
	sets      string
	split     string
	cv        int
	gold      string
	format    string
	html      string
	force     bool
	jobs      int
	threshold float64
	post      ruleFlags
	seed      uint64
	// train configures the models -cv trains; its flags need -cv.
	train    trainerFlags
	trainSet []string     // the trainer flags given
	trainCfg model.Config // train's configuration, set by check under -cv
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "")
	var f evalFlags
	fs.Var(&f.models, "model", "model file, or \"default\" for the embedded model; give twice to compare two models (default: default)")
	fs.StringVar(&f.data, "data", e.getenv("WINNOW_DATA"), "folder of the labelled sets (default $WINNOW_DATA)")
	fs.StringVar(&f.sets, "sets", "", "comma-separated sets to evaluate on (default: every set but the readability regression set)")
	fs.StringVar(&f.split, "split", "test", "test: the sites winnow train holds back (dataset.Split, 20%); all: every page")
	fs.IntVar(&f.cv, "cv", 0, "K-fold cross-validation by site: train as winnow train does, with its trainer flags (-trainer, -trees, ...), on K-1 folds, evaluate on the other (0: off)")
	fs.StringVar(&f.gold, "gold", "", "folder of NAME.html + NAME.txt (gold text) pages to evaluate on instead of the labelled sets (every page; -split does not apply)")
	fs.StringVar(&f.format, "format", "text", "report format: text or json")
	fs.StringVar(&f.html, "html", "", "also write a self-contained HTML report with plots to this file")
	fs.BoolVar(&f.force, "force", false, "overwrite the -html file if it exists")
	fs.IntVar(&f.jobs, "j", 2, "pages evaluated in parallel")
	fs.Float64Var(&f.threshold, "threshold", winnow.DefaultThreshold, "keep blocks with P(content) ≥ this")
	f.post.register(fs)
	fs.Uint64Var(&f.seed, "seed", 1, "seed of the split and of the folds (winnow train's default), and of the trainer under -cv")
	f.train.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	fs.Visit(func(fl *flag.Flag) {
		if slices.Contains(trainerFlagNames, fl.Name) {
			f.trainSet = append(f.trainSet, "-"+fl.Name)
		}
	})
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	if err := f.check(); err != nil {
		return err
	}

	var r *evalReport
	if f.cv > 0 {
		pages, skipped, err := f.pages(e, nil)
		if err != nil {
			return err
		}
		if r, err = runCV(ctx, e, &f, pages); err != nil {
			return err
		}
		r.Skipped = skipped
	} else {
		systems, err := f.modelSystems()
		if err != nil {
			return err
		}
		pages, skipped, err := f.pages(e, systems[0].m)
		if err != nil {
			return err
		}
		if r, err = f.evaluate(ctx, e, pages, systems); err != nil {
			return err
		}
		r.Skipped = skipped
	}
	if f.html != "" {
		if err := writeEvalHTML(f.html, f.force, r); err != nil {
			return err
		}
	}
	if f.format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return writeEvalText(e.stdout, r)
}

func (f *evalFlags) check() error {
	if err := f.post.check(); err != nil {
		return err
	}
	switch f.format {
	case "text", "json":
	default:
		return fmt.Errorf("%w: unknown -format %q (want text or json)", errUsage, f.format)
	}
	switch f.split {
	case "test", "all":
	default:
		return fmt.Errorf("%w: unknown -split %q (want test or all)", errUsage, f.split)
	}
	if f.jobs < 1 {
		return fmt.Errorf("%w: -j must be at least 1", errUsage)
	}
	if f.cv < 0 || f.cv == 1 {
		return fmt.Errorf("%w: -cv needs at least 2 folds", errUsage)
	}
	if f.cv == 0 && len(f.trainSet) > 0 {
		return fmt.Errorf("%w: %s configure the models -cv trains; give -cv K or drop them", errUsage, strings.Join(f.trainSet, ", "))
	}
	if f.cv > 0 {
		// An unknown trainer or criterion is refused before any page is read.
		cfg, err := f.train.config(f.seed)
		if err != nil {
			return err
		}
		f.trainCfg = cfg
	}
	if f.cv > 0 && len(f.models) > 0 {
		return fmt.Errorf("%w: -cv trains its own models; drop -model", errUsage)
	}
	if len(f.models) > 2 {
		return fmt.Errorf("%w: at most two -model flags", errUsage)
	}
	if len(f.models) == 0 && f.cv == 0 {
		f.models = stringList{"default"}
	}
	if f.gold == "" && f.data == "" {
		return fmt.Errorf("%w: no data folder: give -data, set WINNOW_DATA or give -gold", errUsage)
	}
	if f.gold != "" && f.sets != "" {
		return fmt.Errorf("%w: -gold and -sets exclude each other", errUsage)
	}
	if f.threshold < 0 || f.threshold > 1 {
		return fmt.Errorf("%w: -threshold %v outside [0, 1]", errUsage, f.threshold)
	}
	_, err := evalSets(f.sets)
	return err
}

// pages loads the pages to evaluate: a -gold folder, or the labelled
// sets. For -split test it returns the held-back side (see heldBack); m is
// the model whose training split is reproduced.
func (f *evalFlags) pages(e *env, m *model.Model) (pages []*dataset.LabelledPage, skipped int, err error) {
	if f.gold != "" {
		pages, err := loadGoldDir(f.gold)
		if err != nil {
			return nil, 0, err
		}
		return pages, 0, nil
	}
	sets, err := evalSets(f.sets)
	if err != nil {
		return nil, 0, err
	}
	var extra []string
	if f.split == "test" && f.cv == 0 {
		extra = splitOnlySets(sets, m, e)
	}
	c, err := dataset.Load(f.data, dataset.Options{Sets: append(slices.Clone(sets), extra...)})
	if err != nil {
		return nil, 0, err
	}
	var asked dataset.Corpus
	for _, s := range c.Skipped {
		if slices.Contains(sets, s.Set) {
			asked.Skipped = append(asked.Skipped, s)
		}
	}
	reportSkips(e, &asked)
	pages = c.Pages
	if f.split == "test" && f.cv == 0 {
		pages = dataset.HeldBack(pages, evalTestFraction, f.seed)
	}
	var out []*dataset.LabelledPage
	for _, p := range pages {
		if slices.Contains(sets, p.Set) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, 0, fmt.Errorf("no usable pages in %s (split %s)", strings.Join(sets, ","), f.split)
	}
	return out, len(asked.Skipped), nil
}

// splitOnlySets are the sets that must be loaded, besides the evaluated
// ones, to reproduce winnow train's split: dataset.Split places a site by
// the first set, in SetNames order, that has it, and sizes each set's test
// side after the sites earlier sets placed, so the split of a set depends
// on the sets before it that training saw. Those are the model's training
// sets (its summary), or every trainable set when the model does not say.
func splitOnlySets(sets []string, m *model.Model, e *env) []string {
	trained := dataset.SetNames()
	if m != nil && len(m.Summary.Sets) > 0 {
		trained = m.Summary.Sets
		if m.Summary.TestFraction == 0 {
			fmt.Fprintf(e.stderr, "eval: warning: the model's file says it was trained with no held-back pages; -split test scores may include training pages\n")
		} else if m.Summary.TestFraction != evalTestFraction {
			fmt.Fprintf(e.stderr, "eval: warning: the model held back %.2f of the pages, not %.2f; -split test does not match its split\n", m.Summary.TestFraction, evalTestFraction)
		}
	}
	last := -1
	for _, s := range sets {
		if dataset.Trainable(s) {
			last = max(last, slices.Index(dataset.SetNames(), s))
		}
	}
	var extra []string
	for i, s := range dataset.SetNames() {
		if i < last && dataset.Trainable(s) && slices.Contains(trained, s) && !slices.Contains(sets, s) {
			extra = append(extra, s)
		}
	}
	return extra
}

// evalSets parses -sets. Unlike training, evaluation may use the
// readability regression set, but only when asked for by name.
func evalSets(list string) ([]string, error) {
	if list == "" {
		var sets []string
		for _, s := range dataset.SetNames() {
			if dataset.Trainable(s) {
				sets = append(sets, s)
			}
		}
		return sets, nil
	}
	var sets []string
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !slices.Contains(dataset.SetNames(), s) {
			return nil, fmt.Errorf("%w: unknown set %q (want some of %s)", errUsage, s, strings.Join(dataset.SetNames(), ","))
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// evaluate scores the models and the baselines on the chosen pages.
func (f *evalFlags) evaluate(ctx context.Context, e *env, pages []*dataset.LabelledPage, models []*evalSystem) (*evalReport, error) {
	split := f.split
	if f.gold != "" {
		split = "gold"
	}
	systems := append(slices.Clone(models), baselineSystems()...)
	bar := newProgress(e, "eval", len(pages))
	evals, err := evalPages(ctx, pages, systems, f.jobs, func() { bar.add(1) })
	bar.done()
	if err != nil {
		return nil, err
	}
	r := buildReport(evals, systems)
	r.Split, r.Seed, r.Threshold = split, f.seed, f.threshold
	f.setPost(r, evals, systems)
	return r, nil
}

// extractorOptions are the extractor settings of every evaluated model.
func (f *evalFlags) extractorOptions() []winnow.Option {
	return []winnow.Option{winnow.WithThreshold(f.threshold), f.post.option()}
}

// setPost records the post-processing rules in r and, per model system of
// evals, what each rule that ran decided.
func (f *evalFlags) setPost(r *evalReport, evals []pageEval, systems []*evalSystem) {
	r.Smoothing, r.PostRules = len(f.post.rules) > 0, f.post.names()
	if !r.Smoothing {
		return
	}
	for k, s := range systems {
		if s.isModel() {
			r.Rules = append(r.Rules, ruleEffectsOf(evals, k, s.name, f.post.rules))
		}
	}
}

func (f *evalFlags) modelSystems() ([]*evalSystem, error) {
	names := modelNames(f.models)
	var out []*evalSystem
	for i, path := range f.models {
		m, err := loadModelFile(path)
		if err != nil {
			return nil, err
		}
		s, err := modelSystem(names[i], path, m, f.extractorOptions()...)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// modelNames are the short names of models in the tables: the file name
// without its extension, or "default"; "model" for a single model file.
func modelNames(paths []string) []string {
	names := make([]string, len(paths))
	for i, p := range paths {
		switch {
		case p == "" || p == "default":
			names[i] = "default"
		case len(paths) == 1:
			names[i] = "model"
		default:
			names[i] = strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		}
	}
	if len(names) == 2 && names[0] == names[1] {
		names[0], names[1] = names[0]+"#1", names[1]+"#2"
	}
	return names
}
