package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/dataset/eval"
	"github.com/winnow-dev/winnow/internal/output"
)

func runData(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: want a subcommand: stats or export", errUsage)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		dataUsage(e.stdout)
		return flag.ErrHelp
	case "stats":
		return runDataStats(ctx, e, args[1:])
	case "export":
		return runDataExport(ctx, e, args[1:])
	}
	return fmt.Errorf("%w: unknown data subcommand %q (want stats or export)", errUsage, args[0])
}

func dataUsage(w io.Writer) {
	fmt.Fprintln(w, `usage: winnow data <subcommand> [flags]

  stats   per set: pages, sites, blocks, content share, alignment agreement, skipped pages,
          gold-text coverage (article and reader comments apart, pages scored by characters)
  export  the feature table with labels, set, site and page id, as CSV or ARFF (-o FILE)

Run 'winnow data <subcommand> -h' for its flags.`)
}

// dataFlags are the flags shared by the data subcommands.
type dataFlags struct {
	dir, sets string
	threshold float64
	workers   int
	// progress, if set, follows the loading (dataset.Options.Progress).
	progress func(done, total int)
}

func (d *dataFlags) register(e *env, fs *flag.FlagSet) {
	fs.StringVar(&d.dir, "data", e.getenv("WINNOW_DATA"), "folder of the labelled sets, one folder per set (default $WINNOW_DATA)")
	fs.StringVar(&d.sets, "sets", "", "comma-separated sets to read (default all: "+strings.Join(dataset.SetNames(), ",")+")")
	fs.Float64Var(&d.threshold, "align-threshold", 0, "alignment threshold for gold-text sets (0 = the measured default)")
	fs.IntVar(&d.workers, "j", 0, "pages read in parallel (0: GOMAXPROCS)")
}

// check refuses values the flags cannot mean, before any data is read.
func (d *dataFlags) check() error {
	if err := checkRange("align-threshold", d.threshold, 0, 1, false); err != nil {
		return err
	}
	if d.workers < 0 {
		return fmt.Errorf("%w: -j %d is negative", errUsage, d.workers)
	}
	return nil
}

func (d *dataFlags) load() (*dataset.Corpus, error) {
	if d.dir == "" {
		return nil, fmt.Errorf("%w: no data directory: set -data or $WINNOW_DATA", errUsage)
	}
	sets, err := dataset.ParseSets(d.sets)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	return dataset.Load(d.dir, dataset.Options{Sets: sets, Workers: d.workers, Threshold: d.threshold, Progress: d.progress})
}

func runDataStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "data stats", "")
	var d dataFlags
	d.register(e, fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, rest)
	}
	if err := d.check(); err != nil {
		return err
	}
	c, err := d.load()
	if err != nil {
		return err
	}
	return eval.WriteStats(e.stdout, eval.Stats(c, d.threshold))
}

func runDataExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "data export", "-o FILE")
	var d dataFlags
	d.register(e, fs)
	fs.Lookup("sets").Usage += "; regression-only sets (readability) are written only when named"
	format := fs.String("format", "csv", "output format: csv or arff")
	split := fs.String("split", "all", "pages to write (split by site): train, test or all")
	testFrac := fs.Float64("test-frac", 0.2, "share of sites held back as the test split")
	seed := fs.Uint64("seed", 1, "split seed")
	out := fs.String("o", "", "output file (required)")
	force := fs.Bool("force", false, "overwrite an existing output file")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) != 0:
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, rest)
	case *out == "":
		return fmt.Errorf("%w: -o FILE is required", errUsage)
	case *format != "csv" && *format != "arff":
		return fmt.Errorf("%w: unknown -format %q (want csv or arff)", errUsage, *format)
	case *split != "train" && *split != "test" && *split != "all":
		return fmt.Errorf("%w: unknown -split %q (want train, test or all)", errUsage, *split)
	}
	if err := checkRange("test-frac", *testFrac, 0, 1, false); err != nil {
		return err
	}
	if err := d.check(); err != nil {
		return err
	}
	if err := output.Check("-o", *out, *force); err != nil {
		return err
	}
	explicit := d.sets != ""
	c, err := d.load()
	if err != nil {
		return err
	}
	c.WriteSkips(e.stderr)
	pages := c.Pages
	if !explicit {
		// Regression-only sets are written only when asked for by name.
		pages = slices.DeleteFunc(slices.Clone(pages), func(p *dataset.LabelledPage) bool { return !dataset.Trainable(p.Set) })
	}
	if *split != "all" {
		train, test := dataset.Split(pages, *testFrac, *seed)
		pages = train
		if *split == "test" {
			pages = test
		}
	}
	write := dataset.WriteCSV
	if *format == "arff" {
		write = dataset.WriteARFF
	}
	var rows int
	if err := output.Write(*out, *force, func(w io.Writer) (err error) {
		rows, err = write(ctx, w, pages)
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %d blocks of %d pages to %s (%d pages skipped while loading)\n", rows, len(pages), *out, len(c.Skipped))
	return nil
}

// loadTrainable reads the chosen sets for training: the regression sets
// (readability) are left out of the default and refused when named.
func (d *dataFlags) loadTrainable() (*dataset.Corpus, error) {
	if d.sets == "" {
		d.sets = strings.Join(dataset.TrainableSets(), ",")
	}
	for _, s := range strings.Split(d.sets, ",") {
		if s = strings.TrimSpace(s); s != "" && slices.Contains(dataset.SetNames(), s) && !dataset.Trainable(s) {
			return nil, fmt.Errorf("%w: set %q is a regression set and is never trained on", errUsage, s)
		}
	}
	return d.load()
}
