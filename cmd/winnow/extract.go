package main

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/articleout"
	"github.com/winnow-dev/winnow/internal/batch"
	"github.com/winnow-dev/winnow/internal/input"
	"github.com/winnow-dev/winnow/internal/output"
)

type extractFlags struct {
	modelPath string
	format    string
	out       string
	list      string
	force     bool
	jobs      int
	threshold float64
	// fixedThreshold: no scaling of the threshold by page type.
	fixedThreshold bool
	explain        bool
	highlight      string
	maxBytes       int64
	maxBlocks      int
	maxDepth       int
	timeout        time.Duration
	post           ruleFlags
	parts          partFlags
	fetch          fetchFlags
}

const extractArgs = "PATH|DIR|GLOB|URL|- ..."

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", extractArgs)
	var f extractFlags
	fs.StringVar(&f.modelPath, "model", "default", "model file, with the smoothing, records smoothing, role and page-type models winnow train wrote beside it (NAME.smooth.json, NAME.smooth-records.json, NAME.roles.json, NAME.pagetypes.json) where they exist, or \"default\" for the embedded models")
	fs.StringVar(&f.format, "format", "text", "output format: text, markdown, json (one object; an array for several pages), jsonl (one line per page) or html (web archives, .warc/.arc[.gz]: jsonl, a line per HTML response)")
	fs.StringVar(&f.out, "o", "", "write output to this file instead of standard output")
	fs.StringVar(&f.list, "i", "", "read inputs from this file (- for standard input), one path, folder, glob or URL per line")
	fs.BoolVar(&f.force, "force", false, "overwrite the -o or -highlight file if it exists")
	fs.IntVar(&f.jobs, "j", runtime.NumCPU(), "pages extracted in parallel")
	fs.Float64Var(&f.threshold, "threshold", winnow.DefaultThreshold, "keep blocks with P(content) ≥ this; lower for recall, higher for precision")
	fs.BoolVar(&f.fixedThreshold, "fixed-threshold", false, "decide every page by -threshold alone (by default it is scaled by 0.6 on pages of the listing, documentation and service types, by 0.8 on forums)")
	fs.BoolVar(&f.explain, "explain", false, "print every block with its label, probability, what decided it (the threshold, or the post-processing rule that overrode it), its role in the article (body, title, byline, caption, comment, boilerplate) and its tree path; as JSON with -format json or jsonl")
	fs.StringVar(&f.highlight, "highlight", "", "write an HTML view of the page with content and boilerplate blocks coloured to this file (- for standard output, instead of the extraction unless -o is given)")
	fs.Int64Var(&f.maxBytes, "max-bytes", page.DefaultMaxBytes, "largest page accepted, in bytes (also caps a decompressed .gz and a fetched body)")
	fs.IntVar(&f.maxBlocks, "max-blocks", page.DefaultMaxBlocks, "most text blocks a page may have")
	fs.IntVar(&f.maxDepth, "max-depth", page.DefaultMaxDepth, "deepest element nesting accepted (at most 512)")
	fs.DurationVar(&f.timeout, "timeout", winnow.DefaultTimeout, "time allowed per page; 0 for no limit")
	f.post.register(fs)
	f.parts.register(fs)
	f.fetch.register(fs)
	names, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := f.parts.threshold(fs, &f.threshold); err != nil {
		return err
	}
	if err := f.check(len(names)); err != nil {
		return err
	}
	if f.list != "" {
		listed, err := input.ReadList(ctx, e.stdin, f.list)
		if err != nil {
			return err
		}
		if f.list == "-" && slices.Contains(names, "-") {
			return fmt.Errorf("%w: -i - reads the list from standard input, which cannot also be a page", errUsage)
		}
		names = append(names, listed...)
	}
	inputs, err := expandInputs(e, names)
	if err != nil {
		return err
	}
	if (f.highlight != "" || f.explain) && len(inputs) != 1 {
		return fmt.Errorf("%w: -highlight and -explain take exactly one page, got %d", errUsage, len(inputs))
	}
	// The output files are checked before any page is read.
	if err := output.Check("-o", f.out, f.force); err != nil {
		return err
	}
	if err := output.Check("-highlight", f.highlight, f.force); err != nil {
		return err
	}
	if err := output.Distinct("-o", f.out, "-highlight", f.highlight); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	opts := []winnow.Option{winnow.WithThreshold(f.threshold), winnow.WithTypeThresholds(!f.fixedThreshold), winnow.WithMaxBytes(f.maxBytes),
		winnow.WithMaxBlocks(f.maxBlocks), winnow.WithMaxDepth(f.maxDepth), winnow.WithTimeout(f.timeout),
		f.post.option(), winnow.WithExplanations(f.explain)}
	if f.modelPath != "default" {
		mo, err := modelOptions(f.modelPath)
		if err != nil {
			return err
		}
		opts = append(opts, mo...)
	}
	opts = append(opts, f.parts.options()...)
	if isWARCInput(inputs) {
		return runExtractWARC(ctx, e, inputs, f, opts)
	}
	x, err := winnow.New(opts...)
	if err != nil {
		return err
	}
	out, err := output.Open(e.stdout, f.out, f.force)
	if err != nil {
		return err
	}
	if f.highlight == "-" && f.out == "" {
		out.Writer = discard{} // the view is the output
	}
	w := articleout.New(out, articleout.Options{Format: f.format, Explain: f.explain, Batch: len(inputs) > 1, WithMetadata: f.parts.withMeta})
	return extractPages(ctx, e, x, inputs, f, out, w)
}

// extractPages runs the batch and writes its pages through w to out. A
// write error stops the batch and abandons the output: nothing is
// committed, a file that was there stays as it was. An interrupted run
// (ctx done) commits the pages finished before the interruption, in
// order, if there are any, and says on stderr where it stopped.
func extractPages(ctx context.Context, e *env, x *winnow.Extractor, inputs []string, f extractFlags, out *output.File, w *articleout.Writer) error {
	bctx, stopBatch := context.WithCancel(ctx)
	defer stopBatch()
	var sum batch.Summary
	var werr error
	written := 0
	batch.Run(bctx, x, inputs, f.batchConfig(e), func(r batch.Result) {
		if werr != nil {
			return
		}
		if r.Err != nil {
			fmt.Fprintf(e.stderr, "winnow extract: %s\n", articleout.PageError(r.Name, r.Err))
		}
		sum.Add(r)
		if werr = w.Write(articleout.Page(r)); werr != nil {
			stopBatch()
			return
		}
		written++
	})
	if werr == nil {
		werr = w.Close()
	}
	interrupted := ctx.Err() != nil && written < len(inputs)
	if err := out.Finish(werr == nil && (!interrupted || written > 0)); err != nil {
		return err
	}
	toFile := f.out != "" && f.out != "-"
	switch {
	case werr != nil && toFile:
		return fmt.Errorf("%w (output abandoned: %s is as it was)", werr, f.out)
	case werr != nil:
		return fmt.Errorf("write: %w", werr)
	case interrupted:
		if len(inputs) > 1 {
			sum.Print(e.stderr, len(inputs))
		}
		if toFile && written > 0 {
			fmt.Fprintf(e.stderr, "winnow extract: interrupted: %s holds the first %d of %d pages; it stopped before %s\n", f.out, written, len(inputs), inputs[written])
		}
		return ctx.Err()
	}
	if len(inputs) > 1 {
		sum.Print(e.stderr, len(inputs))
	}
	if sum.Failed > 0 {
		return errReported
	}
	return nil
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func (f *extractFlags) check(nargs int) error {
	if err := f.post.check(); err != nil {
		return err
	}
	if err := f.fetch.check(); err != nil {
		return err
	}
	if nargs == 0 && f.list == "" {
		return fmt.Errorf("%w: no input (give a file, a folder, a glob, a URL, - or -i FILE)", errUsage)
	}
	switch f.format {
	case "text", "markdown", "json", "jsonl", "html":
	default:
		return fmt.Errorf("%w: unknown -format %q (want text, markdown, json, jsonl or html)", errUsage, f.format)
	}
	if f.jobs < 1 {
		return fmt.Errorf("%w: -j must be at least 1", errUsage)
	}
	if err := checkRange("threshold", f.threshold, 0, 1, false); err != nil {
		return err
	}
	if f.maxBytes < 1 || f.maxBlocks < 1 || f.maxDepth < 1 || f.maxDepth > page.DefaultMaxDepth || f.timeout < 0 {
		return fmt.Errorf("%w: -max-bytes and -max-blocks must be at least 1, -max-depth between 1 and %d, -timeout not negative",
			errUsage, page.DefaultMaxDepth)
	}
	if f.highlight == "-" && f.out == "-" {
		return fmt.Errorf("%w: -highlight - and -o - both write to standard output", errUsage)
	}
	return nil
}

// batchConfig is the configuration of package internal/batch from f.
func (f *extractFlags) batchConfig(e *env) batch.Config {
	c := batch.Config{Jobs: f.jobs, Timeout: f.timeout, Fetch: f.fetch.Config, Stdin: e.stdin, Progress: e.stderr, TTY: e.tty,
		Page: page.Options{MaxBytes: f.maxBytes, MaxBlocks: f.maxBlocks, MaxDepth: f.maxDepth}}
	if f.highlight != "" {
		c.Highlight = func(name string, body []byte, opts page.Options, a *winnow.Article) error {
			return writeHighlight(e, f.highlight, f.force, name, body, opts, a)
		}
	}
	return c
}
