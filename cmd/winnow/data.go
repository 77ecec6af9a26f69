package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow/dataset"
)

func runData(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, "usage: winnow data stats|export [flags]")
		return fmt.Errorf("%w: want a subcommand: stats or export", errUsage)
	}
	switch args[0] {
	case "stats":
		return runDataStats(ctx, e, args[1:])
	case "export":
		return runDataExport(ctx, e, args[1:])
	}
	return fmt.Errorf("%w: unknown data subcommand %q (want stats or export)", errUsage, args[0])
}

// dataFlags are the flags shared by the data subcommands.
type dataFlags struct {
	dir, sets string
	threshold float64
	workers   int
}

func (d *dataFlags) register(e *env, fs interface {
	StringVar(*string, string, string, string)
	Float64Var(*float64, string, float64, string)
	IntVar(*int, string, int, string)
}) {
	fs.StringVar(&d.dir, "data", e.getenv("WINNOW_DATA"), "data directory, one folder per set (default $WINNOW_DATA)")
	fs.StringVar(&d.sets, "sets", "", "comma-separated sets to read (default all: "+strings.Join(dataset.SetNames(), ",")+")")
	fs.Float64Var(&d.threshold, "threshold", 0, "alignment threshold for gold-text sets (0 = the measured default)")
	fs.IntVar(&d.workers, "workers", 0, "pages processed at once (0 = GOMAXPROCS)")
}

func (d *dataFlags) load() (*dataset.Corpus, error) {
	if d.dir == "" {
		return nil, fmt.Errorf("%w: no data directory: set -data or $WINNOW_DATA", errUsage)
	}
	var sets []string
	for _, s := range strings.Split(d.sets, ",") {
		if s = strings.TrimSpace(s); s != "" {
			if !slices.Contains(dataset.SetNames(), s) {
				return nil, fmt.Errorf("%w: unknown set %q (want some of %s)", errUsage, s, strings.Join(dataset.SetNames(), ","))
			}
			sets = append(sets, s)
		}
	}
	return dataset.Load(d.dir, dataset.Options{Sets: sets, Workers: d.workers, Threshold: d.threshold})
}

func runDataStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "data stats", "")
	var d dataFlags
	d.register(e, fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	}
	c, err := d.load()
	if err != nil {
		return err
	}
	type row struct {
		pages, blocks, content, labelled int
		sites                            map[string]bool
		agree                            dataset.Agreement
		skips                            map[string]int
	}
	rows := map[string]*row{}
	get := func(set string) *row {
		if rows[set] == nil {
			rows[set] = &row{sites: map[string]bool{}, skips: map[string]int{}}
		}
		return rows[set]
	}
	for _, p := range c.Pages {
		r := get(p.Set)
		r.pages++
		r.sites[p.Site] = true
		r.blocks += len(p.Labels)
		for _, l := range p.Labels {
			if l != dataset.Unknown {
				r.labelled++
			}
			if l == dataset.Content {
				r.content++
			}
		}
		if dataset.BlockLabelled(p.Set) && p.Gold != "" {
			r.agree.Add(p.Labels, dataset.Align(p.Page.Blocks, p.Gold, d.threshold))
		}
	}
	for _, s := range c.Skipped {
		get(s.Set).skips[s.Reason]++
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SET\tPAGES\tSITES\tBLOCKS\tCONTENT\tALIGN P/R/F1\tSKIPPED\tWHY")
	for _, set := range dataset.SetNames() {
		r := rows[set]
		if r == nil {
			continue
		}
		agree := "-"
		if r.agree != (dataset.Agreement{}) {
			agree = fmt.Sprintf("%.3f/%.3f/%.3f", r.agree.Precision(), r.agree.Recall(), r.agree.F1())
		}
		var why []string
		nskip := 0
		for reason, n := range r.skips {
			why = append(why, fmt.Sprintf("%d %s", n, reason))
			nskip += n
		}
		slices.Sort(why)
		name := set
		if !dataset.Trainable(set) {
			name += " (regression only)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f%%\t%s\t%d\t%s\n", name, r.pages, len(r.sites), r.blocks,
			100*frac(r.content, r.labelled), agree, nskip, strings.Join(why, "; "))
	}
	return tw.Flush()
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func runDataExport(ctx context.Context, e *env, args []string) error {
	return fmt.Errorf("not implemented yet")
}
