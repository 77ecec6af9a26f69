package main

// winnow eval scores models and baselines on labelled pages: flags in,
// dataset/eval does the work (see its package doc), the report out as
// text, JSON or HTML.

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/dataset/eval"
	"github.com/winnow-dev/winnow/internal/articleout"
	"github.com/winnow-dev/winnow/internal/output"
	"github.com/winnow-dev/winnow/internal/progress"
	"github.com/winnow-dev/winnow/model"
)

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
	// fixedThreshold: no scaling of the threshold by page type.
	fixedThreshold bool
	post           ruleFlags
	seed           uint64
	// train configures the models -cv trains; its flags need -cv.
	train    trainerFlags
	trainSet []string    // the trainer flags given
	recipe   trainRecipe // train's recipe, set by check under -cv
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "")
	var f evalFlags
	fs.Var(&f.models, "model", "model file, or \"default\" for the embedded model; give twice to compare two models (default: default)")
	fs.StringVar(&f.data, "data", e.getenv("WINNOW_DATA"), "folder of the labelled sets (default $WINNOW_DATA)")
	fs.StringVar(&f.sets, "sets", "", "comma-separated sets to evaluate on (default: every set but the readability regression set)")
	fs.StringVar(&f.split, "split", "test", "pages to evaluate (split by site): test, the sites winnow train holds back (20%), or all")
	fs.IntVar(&f.cv, "cv", 0, "K-fold cross-validation by site: train as winnow train does, with its trainer flags (-trainer, -trees, ...), on K-1 folds, evaluate on the other (0: off)")
	fs.StringVar(&f.gold, "gold", "", "folder of NAME.html + NAME.txt (gold text) pages to evaluate on instead of the labelled sets (every page; -split does not apply)")
	fs.StringVar(&f.format, "format", "text", "report format: text or json")
	fs.StringVar(&f.html, "html", "", "also write a self-contained HTML report with plots to this file")
	fs.BoolVar(&f.force, "force", false, "overwrite the -html file if it exists")
	fs.IntVar(&f.jobs, "j", 2, "pages evaluated in parallel")
	fs.Float64Var(&f.threshold, "threshold", winnow.DefaultThreshold, "keep blocks with P(content) ≥ this")
	fs.BoolVar(&f.fixedThreshold, "fixed-threshold", false, "decide every page by -threshold alone (by default it is scaled by 0.6 on pages of the listing, documentation and service types, by 0.8 on forums)")
	f.post.register(fs)
	fs.Uint64Var(&f.seed, "seed", 1, "seed of the split and of the folds (winnow train's default), and of the trainer under -cv")
	f.train.register(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	fs.Visit(func(fl *flag.Flag) {
		if slices.Contains(trainerFlagNames, fl.Name) {
			f.trainSet = append(f.trainSet, "-"+fl.Name)
		}
	})
	if len(rest) != 0 {
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, rest)
	}
	if err := f.check(); err != nil {
		return err
	}
	if err := output.Check("-html", f.html, f.force); err != nil {
		return err
	}

	r, err := f.report(ctx, e)
	if err != nil {
		return err
	}
	// The report is printed first, so that it is not lost if the HTML
	// file cannot be written.
	if f.format == "json" {
		err = articleout.EncodeJSON(e.stdout, r, "", "  ")
	} else {
		err = eval.WriteText(e.stdout, r)
	}
	if err != nil || f.html == "" {
		return err
	}
	return output.Write(f.html, f.force, func(w io.Writer) error { return eval.WriteHTML(w, r) })
}

// report runs the evaluation the flags ask for.
func (f *evalFlags) report(ctx context.Context, e *env) (*eval.Report, error) {
	opts := eval.Options{Threshold: f.threshold, FixedThreshold: f.fixedThreshold, Rules: f.post.rules, Split: f.split, Seed: f.seed, Workers: f.jobs, RolesOf: loadRolesFor, PageTypesOf: loadPageTypesFor, SmoothOf: loadSmoothFor, RecordsSmoothOf: loadRecordsSmoothFor}
	if f.gold != "" {
		opts.Split = "gold"
	}
	var models []*eval.System
	if f.cv == 0 {
		var err error
		if models, err = eval.ModelSystems(f.models, loadModelFile, opts); err != nil {
			return nil, err
		}
	}
	pages, skipped, err := f.pages(e, models)
	if err != nil {
		return nil, err
	}
	var r *eval.Report
	if f.cv > 0 {
		r, err = f.crossValidate(ctx, e, pages, opts)
	} else {
		bar := progress.NewBar(e.stderr, e.tty, "eval", len(pages))
		opts.Tick = func() { bar.Add(1) }
		r, err = eval.Run(ctx, pages, models, opts)
		bar.Done()
	}
	if err != nil {
		return nil, err
	}
	r.Skipped = skipped
	return r, nil
}

// crossValidate runs eval.CV, training each fold as winnow train trains.
func (f *evalFlags) crossValidate(ctx context.Context, e *env, pages []*dataset.LabelledPage, opts eval.Options) (*eval.Report, error) {
	if f.split != "test" {
		fmt.Fprintf(e.stderr, "eval: -cv uses every page; -split %s is ignored\n", f.split)
	}
	n := 0
	for _, p := range pages {
		if dataset.Trainable(p.Set) {
			n++
		}
	}
	bar := progress.NewBar(e.stderr, e.tty, "cv", n)
	defer bar.Done()
	opts.Tick = func() { bar.Add(1) }
	how := "winnow train's defaults"
	if len(f.trainSet) > 0 {
		how = strings.Join(f.trainSet, ", ") + " as given, winnow train's defaults otherwise"
	}
	return eval.CV(ctx, pages, eval.CVOptions{Options: opts, K: f.cv, Trainer: f.train.trainer,
		Train: func(x [][]float64, y []model.Label) (*model.Model, error) {
			return fitWith(f.train.trainer, f.recipe, x, y)
		},
		TrainRole: func(h dataset.RoleHead) eval.Trainer {
			return func(x [][]float64, y []model.Label) (*model.Model, error) {
				return fitSchema(f.train.trainer, f.recipe.head(h), winnow.Schema(), x, y)
			}
		},
		Smooth:   smoothFitters(ctx, f.train, f.recipe, winnow.SmootherSchema(), true),
		Describe: func(params model.Config) string { return f.train.describe(params) + ", " + how }})
}

func (f *evalFlags) check() error {
	if err := f.post.check(); err != nil {
		return err
	}
	if f.format != "text" && f.format != "json" {
		return fmt.Errorf("%w: unknown -format %q (want text or json)", errUsage, f.format)
	}
	if f.split != "test" && f.split != "all" {
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
		r, err := f.train.recipe(f.seed)
		if err != nil {
			return err
		}
		f.recipe = r
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
	if err := checkRange("threshold", f.threshold, 0, 1, false); err != nil {
		return err
	}
	if _, err := dataset.ParseSets(f.sets); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// pages loads the pages to evaluate (eval.LoadPages): a -gold folder, or
// the labelled sets. For -split test without -cv it keeps the sites winnow
// train held back when it trained the first of models.
func (f *evalFlags) pages(e *env, models []*eval.System) (pages []*dataset.LabelledPage, skipped int, err error) {
	sets, _ := dataset.ParseSets(f.sets) // checked by check
	sel := eval.Selection{Gold: f.gold, Dir: f.data, Sets: sets, HeldBack: f.split == "test" && f.cv == 0, Seed: f.seed}
	if len(models) > 0 {
		sel.Model = models[0].Model()
	}
	c, warnings, err := eval.LoadPages(sel)
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "eval: %s\n", w)
	}
	if c != nil {
		c.WriteSkips(e.stderr)
	}
	if err != nil {
		if c != nil {
			err = fmt.Errorf("%w (split %s)", err, f.split)
		}
		return nil, 0, err
	}
	return c.Pages, len(c.Skipped), nil
}
