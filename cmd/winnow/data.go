package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features"
)

func runData(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		dataUsage(e)
		return fmt.Errorf("%w: want a subcommand: stats or export", errUsage)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		dataUsage(e)
		return flag.ErrHelp
	case "stats":
		return runDataStats(ctx, e, args[1:])
	case "export":
		return runDataExport(ctx, e, args[1:])
	}
	return fmt.Errorf("%w: unknown data subcommand %q (want stats or export)", errUsage, args[0])
}

func dataUsage(e *env) {
	fmt.Fprintln(e.stderr, `usage: winnow data <subcommand> [flags]

  stats   per set: pages, sites, blocks, content share, alignment agreement, skipped pages
  export  the feature table with labels, set, site and page id, as CSV or ARFF (-o FILE)

Run 'winnow data <subcommand> -h' for its flags.`)
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
		goldPages                        int
		goldP, goldR                     float64
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
		if p.Gold != "" {
			// How much of the gold the content blocks hold, and how much of
			// them is gold: a check on labels where no truth exists.
			var text strings.Builder
			for i, b := range p.Page.Blocks {
				if p.Labels[i] == dataset.Content {
					text.WriteString(b.Text)
					text.WriteByte('\n')
				}
			}
			bp, br, _ := dataset.BagOfWords(text.String(), p.Gold)
			r.goldP += bp
			r.goldR += br
			r.goldPages++
		}
	}
	for _, s := range c.Skipped {
		get(s.Set).skips[s.Reason]++
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SET\tPAGES\tSITES\tBLOCKS\tCONTENT\tALIGN P/R/F1\tGOLD P/R\tSKIPPED\tWHY")
	for _, set := range dataset.SetNames() {
		r := rows[set]
		if r == nil {
			continue
		}
		agree := "-"
		if r.agree != (dataset.Agreement{}) {
			agree = fmt.Sprintf("%.3f/%.3f/%.3f", r.agree.Precision(), r.agree.Recall(), r.agree.F1())
		}
		gold := "-"
		if r.goldPages > 0 {
			gold = fmt.Sprintf("%.3f/%.3f", r.goldP/float64(r.goldPages), r.goldR/float64(r.goldPages))
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
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f%%\t%s\t%s\t%d\t%s\n", name, r.pages, len(r.sites), r.blocks,
			100*frac(r.content, r.labelled), agree, gold, nskip, strings.Join(why, "; "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "\nCONTENT: share of labelled blocks that are content. ALIGN: block labels from aligning the gold text")
	fmt.Fprintln(e.stdout, "against the annotators' labels (block-labelled sets only). GOLD: bag-of-words precision/recall of the")
	fmt.Fprintln(e.stdout, "content blocks' text against the gold text, averaged over pages.")
	return nil
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// exportMeta are the columns written before the features; the label is
// the last column, where golearn's CSV and ARFF readers expect the class.
var exportMeta = []string{"set", "site", "page", "block", "fine"}

func runDataExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "data export", "-o FILE")
	var d dataFlags
	d.register(e, fs)
	fs.Lookup("sets").Usage += "; regression-only sets (readability) are written only when named"
	format := fs.String("format", "csv", "output format: csv or arff")
	split := fs.String("split", "all", "pages to write: train, test or all (split by site)")
	testFrac := fs.Float64("test-frac", 0.2, "share of each set's pages in the test split")
	seed := fs.Uint64("seed", 1, "split seed")
	out := fs.String("o", "", "output file (required)")
	force := fs.Bool("force", false, "overwrite an existing output file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case fs.NArg() != 0:
		fs.Usage()
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	case *out == "":
		fs.Usage()
		return fmt.Errorf("%w: -o FILE is required", errUsage)
	case *format != "csv" && *format != "arff":
		return fmt.Errorf("%w: unknown -format %q (want csv or arff)", errUsage, *format)
	case *split != "train" && *split != "test" && *split != "all":
		return fmt.Errorf("%w: unknown -split %q (want train, test or all)", errUsage, *split)
	}
	if !*force {
		if _, err := os.Stat(*out); err == nil {
			return fmt.Errorf("%s exists (use -force to overwrite)", *out)
		}
	}
	explicit := d.sets != ""
	c, err := d.load()
	if err != nil {
		return err
	}
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
	rows, err := writeAtomic(*out, func(w io.Writer) (int, error) {
		if *format == "arff" {
			return writeARFF(ctx, w, pages)
		}
		return writeCSV(ctx, w, pages)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %d blocks of %d pages to %s (%d pages skipped while loading)\n", rows, len(pages), *out, len(c.Skipped))
	return nil
}

// writeAtomic writes a file through a temporary file in the same directory
// and renames it into place, so a failed export leaves no partial file.
func writeAtomic(path string, write func(io.Writer) (int, error)) (int, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return 0, err
	}
	bw := bufio.NewWriterSize(tmp, 1<<20)
	n, err := write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, err
	}
	return n, nil
}

// exportRows calls row for every block with a known label, with the
// block's meta values, features and label.
func exportRows(ctx context.Context, pages []*dataset.LabelledPage, row func(meta []string, vec []float64, label dataset.Label) error) (int, error) {
	n := 0
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		vecs := features.Vectors(p.Page)
		for i, l := range p.Labels {
			if l == dataset.Unknown {
				continue
			}
			fine := dataset.None
			if p.Fine != nil {
				fine = p.Fine[i]
			}
			// The page column is set/id: unique across sets, and never
			// numeric, which golearn's CSV type sniffing would misread.
			if err := row([]string{p.Set, p.Site, p.Set + "/" + p.ID, strconv.Itoa(i), fine.String()}, vecs[i], l); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

func writeCSV(ctx context.Context, w io.Writer, pages []*dataset.LabelledPage) (int, error) {
	cw := csv.NewWriter(w)
	header := append(slices.Clone(exportMeta), features.Names()...)
	if err := cw.Write(append(header, "label")); err != nil {
		return 0, err
	}
	rec := make([]string, 0, len(header)+1)
	n, err := exportRows(ctx, pages, func(meta []string, vec []float64, l dataset.Label) error {
		rec = append(rec[:0], meta...)
		for _, v := range vec {
			rec = append(rec, strconv.FormatFloat(v, 'g', -1, 64))
		}
		return cw.Write(append(rec, l.String()))
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// writeARFF writes the dense ARFF that golearn's parser reads: numeric
// columns are "real", the meta columns and the label nominal. golearn splits
// the @attribute line on spaces and does not unquote, so nominal values are
// written with spaces and commas replaced by underscores (arffValue).
func writeARFF(ctx context.Context, w io.Writer, pages []*dataset.LabelledPage) (int, error) {
	values := make([]map[string]bool, len(exportMeta))
	for i := range values {
		values[i] = map[string]bool{}
	}
	for _, p := range pages {
		values[0][arffValue(p.Set)] = true
		values[1][arffValue(p.Site)] = true
		values[2][arffValue(p.Set+"/"+p.ID)] = true
		for i := range p.Labels {
			values[3][strconv.Itoa(i)] = true
		}
	}
	values[3] = nil // the block index is numeric
	fineNames := []string{}
	for f := dataset.None; f <= dataset.Comments; f++ {
		fineNames = append(fineNames, f.String())
	}
	if _, err := fmt.Fprintf(w, "%% winnow feature table, schema %s\n@relation winnow\n\n", features.SchemaVersion); err != nil {
		return 0, err
	}
	for i, name := range exportMeta {
		switch {
		case name == "block":
			fmt.Fprintf(w, "@attribute %s real\n", name)
		case name == "fine":
			fmt.Fprintf(w, "@attribute %s {%s}\n", name, strings.Join(fineNames, ","))
		default:
			vs := make([]string, 0, len(values[i]))
			for v := range values[i] {
				vs = append(vs, v)
			}
			slices.Sort(vs)
			fmt.Fprintf(w, "@attribute %s {%s}\n", name, strings.Join(vs, ","))
		}
	}
	for _, name := range features.Names() {
		fmt.Fprintf(w, "@attribute %s real\n", name)
	}
	if _, err := fmt.Fprintf(w, "@attribute label {%s,%s}\n\n@data\n", dataset.Boilerplate, dataset.Content); err != nil {
		return 0, err
	}
	var line []byte
	return exportRows(ctx, pages, func(meta []string, vec []float64, l dataset.Label) error {
		line = line[:0]
		for i, m := range meta {
			if exportMeta[i] != "block" {
				m = arffValue(m)
			}
			line = append(line, m...)
			line = append(line, ',')
		}
		for _, v := range vec {
			line = strconv.AppendFloat(line, v, 'g', -1, 64)
			line = append(line, ',')
		}
		line = append(line, l.String()...)
		line = append(line, '\n')
		_, err := w.Write(line)
		return err
	})
}

// arffValue makes a nominal value golearn's ARFF reader keeps intact.
func arffValue(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', ',', '{', '}', '\'', '"', '%', '\t':
			return '_'
		}
		return r
	}, s)
}
