package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/dataset/eval"
	"github.com/winnow-dev/winnow/internal/output"
	"github.com/winnow-dev/winnow/internal/progress"
	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

func runTrain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train", "")
	var d dataFlags
	d.register(e, fs)
	out := fs.String("o", "model.json", "model file to write (\"\": train the role models only)")
	rolesOut := fs.String("roles", "", "role model file to write (default: the -o file's name with .roles.json; \"-\": none)")
	typesOut := fs.String("page-types", "", "page-type model file to write (default: the -o file's name with .pagetypes.json; \"-\": none)")
	smoothOut := fs.String("smooth", "", "smoothing model file to write (both its rounds), trained with the -o model (default: the -o file's name with .smooth.json; \"-\": none)")
	recordsOut := fs.String("smooth-records", "", "records smoothing model file to write, trained with the smoothing model (default: the -o file's name with .smooth-records.json; \"-\": none)")
	force := fs.Bool("force", false, "overwrite the model file if it exists")
	var tf trainerFlags
	tf.register(fs)
	seed := fs.Uint64("seed", 1, "seed of the split and of the trainer")
	testFrac := fs.Float64("test-frac", 0.2, "share of sites held back for the reported scores, the test split (0: train on all)")
	maxRows := fs.Int("max-rows", 0, "train on this many labelled blocks at most: whole pages drawn with the seed, the last one cut to fit (0: all)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, rest)
	}
	if *rolesOut == "" {
		if *rolesOut, err = besideModel(*out, "-roles", rolesFileOf); err != nil {
			return err
		}
	}
	if *typesOut == "" {
		if *typesOut, err = besideModel(*out, "-page-types", pageTypesFileOf); err != nil {
			return err
		}
	}
	switch {
	case *out == "":
		*smoothOut = "-" // a smoothing model goes with a block model
	case *smoothOut == "":
		if *smoothOut, err = besideModel(*out, "-smooth", smoothFileOf); err != nil {
			return err
		}
	}
	switch {
	case *smoothOut == "-":
		*recordsOut = "-" // a records smoothing model goes with a smoothing model
	case *recordsOut == "":
		if *recordsOut, err = besideModel(*out, "-smooth-records", recordsSmoothFileOf); err != nil {
			return err
		}
	}
	if *out == "" && *rolesOut == "-" && *typesOut == "-" {
		return fmt.Errorf("%w: -o \"\", -roles - and -page-types - leave nothing to train", errUsage)
	}
	if *testFrac == 1 {
		return fmt.Errorf("%w: -test-frac 1 holds back every site, which leaves nothing to train on (want a share below 1; 0 trains on all)", errUsage)
	}
	if err := checkRange("test-frac", *testFrac, 0, 1, true); err != nil {
		return err
	}
	if *maxRows < 0 {
		return fmt.Errorf("%w: -max-rows %d is negative (0: all)", errUsage, *maxRows)
	}
	if err := d.check(); err != nil {
		return err
	}
	// An unknown trainer or criterion, or a model file that could not be
	// written, is refused before the data is read.
	r, err := tf.recipe(*seed)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := output.Check("-o", *out, *force); err != nil {
			return err
		}
	}
	if *rolesOut != "-" {
		if err := output.Check("-roles", *rolesOut, *force); err != nil {
			return err
		}
		if err := output.Distinct("-o", *out, "-roles", *rolesOut); err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
	}
	if *typesOut != "-" {
		if err := output.Check("-page-types", *typesOut, *force); err != nil {
			return err
		}
	}
	if *smoothOut != "-" {
		if err := output.Check("-smooth", *smoothOut, *force); err != nil {
			return err
		}
		if err := output.Distinct("-o", *out, "-smooth", *smoothOut); err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
	}
	if *recordsOut != "-" {
		if err := output.Check("-smooth-records", *recordsOut, *force); err != nil {
			return err
		}
		if err := output.Distinct("-smooth", *smoothOut, "-smooth-records", *recordsOut); err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		if err := output.Distinct("-o", *out, "-smooth-records", *recordsOut); err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
	}

	st := progress.NewStages(e.stderr, e.tty, "train")
	bar := st.Bar("load", "reading the labelled sets in "+d.dir, 0)
	d.progress = bar.Set
	corpus, err := d.loadTrainable()
	bar.Done()
	if err != nil {
		return err
	}
	corpus.WriteSkips(e.stderr)
	train, test := corpus.Pages, []*dataset.LabelledPage(nil)
	if *testFrac > 0 {
		train, test = dataset.Split(corpus.Pages, *testFrac, *seed)
	}
	if *maxRows > 0 {
		train = dataset.Sample(train, *maxRows, *seed)
	}
	if len(train) == 0 {
		return fmt.Errorf("-test-frac %v held back all %d pages: nothing is left to train on", *testFrac, len(corpus.Pages))
	}
	vecsOf, err := eval.VectorsOf(ctx, train, runtime.GOMAXPROCS(0))
	if err != nil {
		return err
	}
	x, y := eval.RowsWith(train, vecsOf)
	if len(x) == 0 {
		return fmt.Errorf("no labelled blocks to train on: none of the %d training pages has a block labelled content or boilerplate", len(train))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	summary := model.TrainingSummary{Sets: dataset.SetsOf(train), Pages: len(train), Blocks: len(x), Seed: *seed, TestFraction: *testFrac}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	var m *model.Model
	if *out != "" {
		st.Begin("fit", fmt.Sprintf("%s on %d blocks from %d pages", tf.trainer, len(x), len(train)))
		fmt.Fprintf(tw, "model\t%s\n", *out)
		if m, err = trainContent(ctx, tw, tf, r, x, y, summary); err != nil {
			return err
		}
		st.Begin("write", *out)
		if err := model.WriteFile(*out, m, *force); err != nil {
			return output.ForceHint(err)
		}
		st.End()
		if *smoothOut != "-" {
			st.Begin("smooth", fmt.Sprintf("fitting the smoothing model (%d folds)", eval.SmoothFolds))
			if err := trainSmoothing(ctx, tw, tf, r, train, vecsOf, summary, *smoothOut, *recordsOut, *force); err != nil {
				return output.ForceHint(err)
			}
			st.End()
		}
	}
	var heads *model.Heads
	if *rolesOut != "-" {
		st.Begin("roles", "fitting the role models")
		if heads, err = trainRoles(ctx, tw, tf, r, train, vecsOf, summary, *rolesOut, *force); err != nil {
			return output.ForceHint(err)
		}
		st.End()
	}
	var types *model.Heads
	if *typesOut != "-" {
		st.Begin("page types", "fitting the page-type models")
		if types, err = trainPageTypes(ctx, tw, tf, r, train, summary, *typesOut, *force); err != nil {
			return output.ForceHint(err)
		}
		st.End()
	}
	var scores []eval.SetScore
	if len(test) > 0 && m != nil {
		st.Begin("score", fmt.Sprintf("the held-back sites (%d pages)", len(test)))
		scores = eval.BlockScores(m, test, winnow.DefaultThreshold)
	}
	fmt.Fprintf(tw, "time\t%s\n", st.Summary())
	tw.Flush()
	if scores != nil {
		fmt.Fprintf(e.stdout, "\nheld-back sites (%d pages), block level:\n", len(test))
		if err := eval.WriteBlockScores(e.stdout, scores); err != nil {
			return err
		}
	}
	if len(test) > 0 && heads != nil {
		fmt.Fprintf(e.stdout, "\nheld-back sites (%d pages), role heads, blocks the sets label:\n", len(test))
		if err := eval.WriteHeadScores(e.stdout, eval.HeadScores(heads, test)); err != nil {
			return err
		}
	}
	if len(test) > 0 && types != nil {
		if ps := eval.PageTypeScores(types, test); ps.Pages > 0 {
			fmt.Fprintf(e.stdout, "\nheld-back sites (%d pages), page types, pages whose type the sets give:\n", len(test))
			return eval.WritePageTypeScores(e.stdout, ps)
		}
	}
	return nil
}

// trainContent fits the content model on x, y with the flags' trainer and
// r.content(), and describes it on tw.
func trainContent(ctx context.Context, tw io.Writer, tf trainerFlags, r trainRecipe, x [][]float64, y []model.Label, summary model.TrainingSummary) (*model.Model, error) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	m, err := fitWith(tf.trainer, r, x, y)
	if err != nil {
		return nil, err
	}
	runtime.ReadMemStats(&ms)
	m.Summary = summary
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	fmt.Fprintf(tw, "trainer\t%s\n", tf.describe(m.Params))
	fmt.Fprintf(tw, "training blocks\t%d from %d pages\n", len(x), summary.Pages)
	fmt.Fprintf(tw, "allocated during fit\t%.0f MiB\n", float64(ms.TotalAlloc-before)/(1<<20))
	fmt.Fprintf(tw, "tree\t%d nodes, depth %d\n", m.NumNodes(), m.Depth())
	return m, nil
}

// trainRoles fits the role heads (eval.TrainRoles) with the flags'
// trainer and each head's configuration in r (trainRecipe.head), writes
// them to out as one heads file and describes them on tw.
func trainRoles(ctx context.Context, tw io.Writer, tf trainerFlags, r trainRecipe, train []*dataset.LabelledPage, vecsOf func(*dataset.LabelledPage) [][]float64, summary model.TrainingSummary, out string, force bool) (*model.Heads, error) {
	heads, fits, err := eval.TrainRoles(train, vecsOf, func(h dataset.RoleHead) eval.Trainer {
		return fitter(ctx, tf, r.head(h), winnow.Schema())
	}, summary)
	if err != nil {
		return nil, err
	}
	for i, f := range fits {
		fmt.Fprintf(tw, "role %s\t%d blocks (%d with the role) from %d pages of %s; %d nodes\n",
			f.Head, f.Blocks, f.Positives, f.Pages, strings.Join(f.Sets, ","), heads.Models[i].NumNodes())
	}
	if len(heads.Models) == 0 {
		fmt.Fprintf(tw, "role models\tnone written: no training set labels a role\n")
		return nil, nil
	}
	if err := model.WriteHeadsFile(out, heads, force); err != nil {
		return nil, err
	}
	fmt.Fprintf(tw, "role models\t%s\n", out)
	return heads, nil
}

// trainSmoothing fits the smoothing model (eval.TrainSmoothing) with the
// flags' trainer and r (the content models of its folds as r.content(),
// its heads as smoothFitters) and writes it to out, and, unless
// recordsOut is "-", the records smoothing model beside it to recordsOut;
// it describes them on tw. Only boosting trains a correction head (a
// boosted model that starts from the block model's log-odds).
func trainSmoothing(ctx context.Context, tw io.Writer, tf trainerFlags, r trainRecipe, train []*dataset.LabelledPage, vecsOf func(*dataset.LabelledPage) [][]float64, summary model.TrainingSummary, out, recordsOut string, force bool) error {
	var records eval.SmoothTrainers
	if recordsOut != "-" {
		records = smoothFitters(ctx, tf, r, winnow.RecordsSmootherSchema(), false)
	}
	h, rh, fit, err := eval.TrainSmoothing(train, vecsOf, fitter(ctx, tf, r.content(), winnow.Schema()), smoothFitters(ctx, tf, r, winnow.SmootherSchema(), true), records, r.base.Seed, summary)
	if err != nil {
		return err
	}
	for _, f := range []struct {
		what, path string
		h          *model.Heads
	}{{"smoothing model", out, h}, {"records smoothing model", recordsOut, rh}} {
		if f.h == nil {
			continue
		}
		if err := model.WriteHeadsFile(f.path, f.h, force); err != nil {
			return err
		}
		nodes := 0
		for _, m := range f.h.Models {
			nodes += m.NumNodes()
		}
		fmt.Fprintf(tw, "%s\t%s: %d blocks from %d pages, probabilities from %d folds; %d heads, %d nodes\n", f.what, f.path, fit.Blocks, fit.Pages, fit.Folds, len(f.h.Models), nodes)
	}
	return nil
}

// trainPageTypes fits the page-type heads (eval.TrainPageTypes) with the
// flags' trainer and r.pageTypes(), writes them to out as one heads file
// and describes them on tw.
func trainPageTypes(ctx context.Context, tw io.Writer, tf trainerFlags, r trainRecipe, train []*dataset.LabelledPage, summary model.TrainingSummary, out string, force bool) (*model.Heads, error) {
	heads, fits, err := eval.TrainPageTypes(train, fitter(ctx, tf, r.pageTypes(), winnow.PageTypeSchema()), summary)
	if err != nil {
		return nil, err
	}
	for i, f := range fits {
		fmt.Fprintf(tw, "page type %s\t%d rows (%d of the type); %d nodes\n", f.Type, f.Rows, f.Positives, heads.Models[i].NumNodes())
	}
	if len(heads.Models) == 0 {
		fmt.Fprintf(tw, "page-type models\tnone written: no training page has a type\n")
		return nil, nil
	}
	if err := model.WriteHeadsFile(out, heads, force); err != nil {
		return nil, err
	}
	fmt.Fprintf(tw, "page-type models\t%s\n", out)
	return heads, nil
}

// smoothFitters are the trainers of the heads of a smoothing model of
// schema s with the flags' trainer and recipe r: the neighbourhood head's
// and, with boosting only, the correction head's (nil otherwise); with
// again, of the second round's too (eval.SmoothTrainers.Again).
func smoothFitters(ctx context.Context, tf trainerFlags, r trainRecipe, s model.Schema, again bool) eval.SmoothTrainers {
	t := eval.SmoothTrainers{Smooth: fitter(ctx, tf, r.smooth(), s), Again: again}
	if tf.boosted() {
		t.Correction = fitter(ctx, tf, r.correction(), s)
	}
	return t
}

// fitter is fitSchema with the trainer and configuration of the flags, as
// an eval.Trainer that fits nothing once ctx is done.
func fitter(ctx context.Context, tf trainerFlags, cfg model.Config, s model.Schema) eval.Trainer {
	return func(x [][]float64, y []model.Label) (*model.Model, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return fitSchema(tf.trainer, cfg, s, x, y)
	}
}

// besideModel is where the file of flag goes by default: beside the model
// file out (fileOf), never beside a device or a pipe, which asks for the
// flag instead.
func besideModel(out, flag string, fileOf func(string) string) (string, error) {
	if fi, err := os.Stat(out); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		return "", fmt.Errorf("%w: -o %s is not a regular file: give %s FILE (- for none)", errUsage, out, flag)
	}
	return fileOf(out), nil
}

// fitWith trains the content model: trainer with r.content() on the rows
// x and labels y the way every trainer is trained, as a golearn
// base.Classifier fitted on a grid; it is shared by winnow train and
// winnow eval -cv. The trainer fills in its defaults for the fields the
// recipe leaves at 0.
func fitWith(trainer string, r trainRecipe, x [][]float64, y []model.Label) (*model.Model, error) {
	return fitSchema(trainer, r.content(), winnow.Schema(), x, y)
}

// trainRecipe is how the trainer flags configure each model winnow train
// (and winnow eval -cv) trains. base holds the settings every model
// shares; it never sets Exclude, WeightFeature, OffsetFeature or
// BlendDepths, which each model's method sets as that model needs. blend
// and weighWords are the content model's own: the depths of the boosted
// models it is the mean of (none: one model), and whether it weighs a
// block by its words, which the smoothing model follows with its own
// schema's word count.
type trainRecipe struct {
	base       model.Config
	blend      []int
	weighWords bool
}

// The features whose value weighs a training row (model.Config.WeightFeature)
// when blocks are weighed by their words: the content model's and the
// smoothing model's count of the block's words.
const (
	contentWeightFeature = "Words"
	smoothWeightFeature  = "BlockWords"
)

// smoothOffsetFeature is the smoothing feature that holds the block
// model's probability of content, which the correction head starts from.
const smoothOffsetFeature = "P"

// weighed is the base configuration with rows weighed by feature, the
// block's word count in the model's schema, when blocks are weighed by
// their words; every row weighs 1 otherwise.
func (r trainRecipe) weighed(feature string) model.Config {
	cfg := r.base
	if r.weighWords {
		cfg.WeightFeature = feature
	}
	return cfg
}

// content is the content model's configuration: the base with its blend
// and weighting, without the features meant for the comment head alone
// (winnow.CommentFeatures).
func (r trainRecipe) content() model.Config {
	cfg := r.weighed(contentWeightFeature)
	cfg.BlendDepths = r.blend
	cfg.Exclude = winnow.CommentFeatures()
	return cfg
}

// head is role head h's configuration: the base, with every feature for
// the comment head and the content model's features for the others; a
// role head is never a blend and weighs every block 1.
func (r trainRecipe) head(h dataset.RoleHead) model.Config {
	cfg := r.base
	if h != dataset.HeadComment {
		cfg.Exclude = winnow.CommentFeatures()
	}
	return cfg
}

// smooth is the configuration of the smoothing model's neighbourhood head
// (winnow.SmootherHead): the base, its rows weighed as the content
// model's are but by the smoothing schema's word count, and without the
// block's own features (winnow.SmootherOwnFeatures); never a blend.
func (r trainRecipe) smooth() model.Config {
	cfg := r.weighed(smoothWeightFeature)
	cfg.Exclude = winnow.SmootherOwnFeatures()
	return cfg
}

// correction is the configuration of the smoothing model's correction
// head (winnow.SmootherCorrectionHead): weighed as the neighbourhood
// head, it reads every smoothing feature and starts from the block
// model's log-odds, the smoothing feature P; never a blend.
func (r trainRecipe) correction() model.Config {
	cfg := r.weighed(smoothWeightFeature)
	cfg.OffsetFeature = smoothOffsetFeature
	return cfg
}

// pageTypes is the configuration of the page-type models, whose rows are
// pages: the base, every page weighing 1, never a blend.
func (r trainRecipe) pageTypes() model.Config {
	return r.base
}

// fitSchema is fitWith for rows of the feature schema s.
func fitSchema(trainer string, cfg model.Config, s model.Schema, x [][]float64, y []model.Label) (*model.Model, error) {
	tr, err := train.NewTrainer(trainer, cfg)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	grid, err := train.NewInstances(s, x, y)
	if err != nil {
		return nil, err
	}
	if err := tr.Fit(grid); err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	return tr.Model()
}

// defaultTrainer is winnow train's -trainer default, and the trainer of
// winnow eval -cv.
const defaultTrainer = train.DefaultTrainer
