package main

import (
	"context"
	"fmt"

	"runtime"
	"text/tabwriter"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/dataset/eval"
	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

func runTrain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train", "")
	var d dataFlags
	d.register(e, fs)
	out := fs.String("o", "model.json", "model file to write")
	force := fs.Bool("force", false, "overwrite the model file if it exists")
	var tf trainerFlags
	tf.register(fs)
	seed := fs.Uint64("seed", 1, "seed of the split and of the trainer")
	testFrac := fs.Float64("test-frac", 0.2, "share of sites held back for the reported scores, the test split (0: train on all)")
	maxRows := fs.Int("max-rows", 0, "train on at most this many blocks, sampled by page with the seed (0: all)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, rest)
	}
	// An unknown trainer or criterion, or a model file that could not be
	// written, is refused before the data is read.
	cfg, err := tf.config(*seed)
	if err != nil {
		return err
	}
	if err := checkOutput("-o", *out, *force); err != nil {
		return err
	}

	st := newStages(e, "train")
	bar := st.bar("load", "reading the labelled sets in "+d.dir, 0)
	d.progress = bar.set
	corpus, err := d.loadTrainable()
	bar.done()
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
	x, y := eval.Rows(train)
	if len(x) == 0 {
		return fmt.Errorf("no labelled blocks to train on")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	st.begin("fit", fmt.Sprintf("%s on %d blocks from %d pages", tf.trainer, len(x), len(train)))

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	m, err := fitWith(tf.trainer, cfg, x, y)
	st.end()
	if err != nil {
		return err
	}
	runtime.ReadMemStats(&ms)
	m.Summary = model.TrainingSummary{Sets: dataset.SetsOf(train), Pages: len(train), Blocks: len(x), Seed: *seed, TestFraction: *testFrac}
	if err := ctx.Err(); err != nil {
		return err
	}

	st.begin("write", *out)
	if err := model.WriteFile(*out, m, *force); err != nil {
		return forceHint(err)
	}
	var scores []eval.SetScore
	if len(test) > 0 {
		st.begin("score", fmt.Sprintf("the held-back sites (%d pages)", len(test)))
		scores = eval.BlockScores(m, test, winnow.DefaultThreshold)
	}
	took := st.summary()
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "model\t%s\n", *out)
	fmt.Fprintf(tw, "trainer\t%s\n", tf.describe(m.Params))
	fmt.Fprintf(tw, "training blocks\t%d from %d pages (%d pages loaded, %d skipped)\n", len(x), len(train), len(corpus.Pages), len(corpus.Skipped))
	fmt.Fprintf(tw, "time\t%s\n", took)
	fmt.Fprintf(tw, "allocated during fit\t%.0f MiB\n", float64(ms.TotalAlloc-before)/(1<<20))
	fmt.Fprintf(tw, "tree\t%d nodes, depth %d\n", m.NumNodes(), m.Depth())
	tw.Flush()
	if len(test) > 0 {
		fmt.Fprintf(e.stdout, "\nheld-back sites (%d pages), block level:\n", len(test))
		return eval.WriteBlockScores(e.stdout, scores)
	}
	return nil
}

// fitWith trains trainer with cfg on the rows x and labels y the way every
// trainer is trained, as a golearn base.Classifier fitted on a grid; it is
// shared by winnow train and winnow eval -cv. The trainer fills in its
// defaults for the fields cfg leaves at 0.
func fitWith(trainer string, cfg model.Config, x [][]float64, y []model.Label) (*model.Model, error) {
	tr, err := train.NewTrainer(trainer, cfg)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	grid, err := train.NewInstances(winnow.Schema(), x, y)
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
