package eval

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/model"
)

// TestFraction is the share of sites winnow train holds back by default;
// Selection.HeldBack evaluates on exactly those sites.
const TestFraction = 0.2

// Options configure an evaluation run.
type Options struct {
	// Threshold and Rules configure the extractor of every model system:
	// blocks with P(content) >= Threshold are kept, then Rules run in
	// order. They are used as given: winnow.DefaultThreshold and
	// winnow.Rules() are the extractor's defaults.
	Threshold float64
	Rules     []winnow.Rule
	// FixedThreshold decides every page by Threshold alone
	// (winnow.WithTypeThresholds(false)); by default, as in extraction,
	// it is lowered on listing, documentation and service pages.
	FixedThreshold bool
	// RolesOf, when not nil, gives the role models of the model read from
	// path ("default" for the embedded one; nil: none); when nil, every
	// model system uses the embedded role models.
	RolesOf func(path string) (*model.Heads, error)
	// PageTypesOf is RolesOf for the page-type models (nil: every model
	// system uses the embedded ones).
	PageTypesOf func(path string) (*model.Heads, error)
	// SmoothOf is RolesOf for the smoothing model (nil: every model system
	// decides by its block model alone).
	SmoothOf func(path string) (*model.Heads, error)
	// RecordsSmoothOf is RolesOf for the records smoothing model (nil:
	// none; see winnow.WithRecordsSmoother).
	RecordsSmoothOf func(path string) (*model.Heads, error)
	// Split names the pages in the report: "test" (held-back sites),
	// "all" or "gold" (a folder of the user's own pages).
	Split string
	// Seed is recorded in the report; under CV it also seeds the folds.
	Seed uint64
	// Workers is how many pages are evaluated at once (at least 1).
	Workers int
	// Tick, when not nil, is called once per evaluated page, from the
	// goroutine that called Run or CV.
	Tick func()
}

// Run scores the model systems and the baselines (Baselines) on pages.
// Each page's feature vectors are computed once and shared by the systems.
func Run(ctx context.Context, pages []*dataset.LabelledPage, models []*System, o Options) (*Report, error) {
	systems := append(slices.Clone(models), Baselines()...)
	evals, err := evalPages(ctx, pages, systems, nil, o.Workers, o.Tick)
	if err != nil {
		return nil, err
	}
	r := buildReport(evals, systems)
	r.Split, r.Seed, r.Threshold = o.Split, o.Seed, o.Threshold
	o.setPost(r, evals, systems)
	o.setCommands(r)
	return r, nil
}

// setCommands gives every worst page of r the winnow extract command
// that extracts it as its model did.
func (o Options) setCommands(r *Report) {
	var flags []string
	if o.Threshold != winnow.DefaultThreshold {
		flags = append(flags, "-threshold", strconv.FormatFloat(o.Threshold, 'g', -1, 64))
	}
	if len(o.Rules) != len(winnow.Rules()) {
		names := []string{}
		for _, rule := range o.Rules {
			names = append(names, rule.String())
		}
		list := strings.Join(names, ",")
		if list == "" {
			list = "none"
		}
		flags = append(flags, "-rules", list)
	}
	for i, wp := range r.Worst {
		path := ""
		for _, m := range r.Models {
			if m.Name == wp.System {
				path = m.Path
			}
		}
		for j, p := range wp.Pages {
			if p.Source == "" || path == "" {
				continue
			}
			args := []string{"winnow", "extract"}
			if path != "default" {
				args = append(args, "-model", path)
			}
			args = append(append(args, flags...), p.Source)
			for k, a := range args {
				args[k] = shellQuote(a)
			}
			r.Worst[i].Pages[j].Command = strings.Join(args, " ")
		}
	}
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and -_./,:=+@%.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./,:=+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// setPost records the post-processing rules in r and, per model system of
// evals, what each rule that ran decided.
func (o Options) setPost(r *Report, evals []pageEval, systems []*System) {
	r.PostRules = []string{}
	for _, rule := range o.Rules {
		r.PostRules = append(r.PostRules, rule.String())
	}
	r.PostProcessing = len(o.Rules) > 0
	if !r.PostProcessing {
		return
	}
	for k, s := range systems {
		if s.isModel() {
			r.Rules = append(r.Rules, ruleEffectsOf(evals, k, s.name, o.Rules))
		}
	}
}

// Selection says which labelled pages to evaluate on.
type Selection struct {
	// Gold, when not empty, is a folder of the user's own pages
	// (dataset.LoadGoldDir), evaluated on instead of the sets: every page,
	// the other fields ignored.
	Gold string
	// Dir is the folder of the labelled sets (dataset.Load).
	Dir string
	// Sets are the sets evaluated on; nil means dataset.TrainableSets. The
	// readability regression set is evaluated on only when named.
	Sets []string
	// HeldBack keeps only the sites winnow train holds back (dataset.HeldBack
	// with TestFraction and Seed), as split by Model's training sets.
	HeldBack bool
	Seed     uint64
	// Model is the model whose training split HeldBack reproduces; nil
	// means one trained on every trainable set.
	Model *model.Model
}

// LoadPages loads the pages of a Selection. The corpus it returns holds
// the chosen pages and the pages of the chosen sets the loader skipped;
// warnings say where the model's file does not match the split.
func LoadPages(sel Selection) (c *dataset.Corpus, warnings []string, err error) {
	if sel.Gold != "" {
		pages, err := dataset.LoadGoldDir(sel.Gold)
		if err != nil {
			return nil, nil, err
		}
		return &dataset.Corpus{Pages: pages}, nil, nil
	}
	sets := sel.Sets
	if sets == nil {
		sets = dataset.TrainableSets()
	}
	var out *dataset.Corpus
	if sel.HeldBack {
		var trained []string
		trained, warnings = trainedSets(sel.Model)
		out, err = dataset.LoadHeldBack(sel.Dir, sets, trained, TestFraction, sel.Seed)
	} else {
		out, err = dataset.Load(sel.Dir, dataset.Options{Sets: sets})
	}
	if err != nil {
		return nil, warnings, err
	}
	if len(out.Pages) == 0 {
		return out, warnings, fmt.Errorf("no usable pages in %s", strings.Join(sets, ","))
	}
	return out, warnings, nil
}

// trainedSets are the sets a model was trained on, whose split the
// held-back pages reproduce (dataset.LoadHeldBack): the model's training
// sets (its summary), or every set when the model does not say; warnings
// say where the model's file does not match the split.
func trainedSets(m *model.Model) (trained, warnings []string) {
	trained = dataset.SetNames()
	if m != nil && len(m.Summary.Sets) > 0 {
		trained = m.Summary.Sets
		if m.Summary.TestFraction == 0 {
			warnings = append(warnings, "warning: the model's file says it was trained with no held-back pages; -split test scores may include training pages")
		} else if m.Summary.TestFraction != TestFraction {
			warnings = append(warnings, fmt.Sprintf("warning: the model held back %.2f of the pages, not %.2f; -split test does not match its split", m.Summary.TestFraction, TestFraction))
		}
	}
	return trained, warnings
}

// ModelNames are the short names of models in the report: the file name
// without its extension, or "default" for "" and "default"; "model" for a
// single model file; two equal names get "#1" and "#2".
func ModelNames(paths []string) []string {
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
