package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/input"
	"github.com/winnow-dev/winnow/internal/output"
	"github.com/winnow-dev/winnow/internal/progress"
)

type extractFlags struct {
	modelPath string
	format    string
	out       string
	list      string
	force     bool
	jobs      int
	threshold float64
	explain   bool
	highlight string
	maxBytes  int64
	maxBlocks int
	maxDepth  int
	timeout   time.Duration
	post      ruleFlags
	parts     partFlags
	fetch     fetchFlags
}

const extractArgs = "PATH|DIR|GLOB|URL|- ..."

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", extractArgs)
	var f extractFlags
	fs.StringVar(&f.modelPath, "model", "default", "model file, or \"default\" for the embedded model")
	fs.StringVar(&f.format, "format", "text", "output format: text, markdown, json (one object; an array for several pages), jsonl (one line per page) or html (web archives, .warc/.arc[.gz]: jsonl, a line per HTML response)")
	fs.StringVar(&f.out, "o", "", "write output to this file instead of standard output")
	fs.StringVar(&f.list, "i", "", "read inputs from this file (- for standard input), one path, folder, glob or URL per line")
	fs.BoolVar(&f.force, "force", false, "overwrite the -o or -highlight file if it exists")
	fs.IntVar(&f.jobs, "j", runtime.NumCPU(), "pages extracted in parallel")
	fs.Float64Var(&f.threshold, "threshold", winnow.DefaultThreshold, "keep blocks with P(content) ≥ this; lower for recall, higher for precision")
	fs.BoolVar(&f.explain, "explain", false, "print every block with its label, probability, what decided it (the threshold, or the post-processing rule that overrode it) and its tree path; as JSON with -format json or jsonl")
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
		listed, err := input.ReadList(e.stdin, f.list)
		if err != nil {
			return err
		}
		if f.list == "-" && slices.Contains(names, "-") {
			return fmt.Errorf("%w: -i - reads the list from standard input, which cannot also be a page", errUsage)
		}
		names = append(names, listed...)
	}
	inputs, err := expandInputs(names)
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
	opts := []winnow.Option{winnow.WithThreshold(f.threshold), winnow.WithMaxBytes(f.maxBytes),
		winnow.WithMaxBlocks(f.maxBlocks), winnow.WithMaxDepth(f.maxDepth), winnow.WithTimeout(f.timeout),
		f.post.option(), winnow.WithExplanations(f.explain)}
	if f.modelPath != "default" {
		m, err := loadModelFile(f.modelPath)
		if err != nil {
			return err
		}
		opts = append(opts, winnow.WithModel(m))
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
	w := newArticleWriter(out, f.format, f.explain, len(inputs) > 1)
	w.withMeta = f.parts.withMeta
	var sum summary
	extractAll(ctx, e, x, inputs, &f, func(r result) error {
		sum.add(r)
		return w.write(r)
	}, &sum)
	werr := w.close()
	if err := out.Finish(ctx.Err() == nil && werr == nil); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if werr != nil {
		return werr
	}
	if len(inputs) > 1 {
		sum.print(e, len(inputs))
	}
	if sum.failed+sum.writeFailed > 0 {
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
	if f.maxBytes < 1 || f.maxBlocks < 1 || f.maxDepth < 1 || f.maxDepth > page.DefaultMaxDepth || f.timeout < 0 {
		return fmt.Errorf("%w: -max-bytes and -max-blocks must be at least 1, -max-depth between 1 and %d, -timeout not negative",
			errUsage, page.DefaultMaxDepth)
	}
	if f.highlight == "-" && f.out == "-" {
		return fmt.Errorf("%w: -highlight - and -o - both write to standard output", errUsage)
	}
	return nil
}

// result is one page's outcome in a batch: the article, or the error
// that stopped it, or both when the page has no main content
// (winnow.ErrNoContent).
type result struct {
	name    string
	url     string
	article *winnow.Article
	err     error
}

// extractAll runs the pages through x with f.jobs workers and hands the
// results to emit in input order, failures included. Failures and pages
// without main content are reported on stderr.
func extractAll(ctx context.Context, e *env, x *winnow.Extractor, inputs []string, f *extractFlags, emit func(result) error, sum *summary) {
	results := make([]chan result, len(inputs))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(f.jobs, len(inputs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] <- extractOne(ctx, e, x, inputs[i], f)
			}
		}()
	}
	go func() {
		defer close(work)
		for i := range inputs {
			select {
			case work <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	bar := progress.NewBar(e.stderr, e.tty, "extract", len(inputs))
	defer bar.Done()
	defer wg.Wait()
	for i := range inputs {
		var r result
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return
		}
		bar.Add(1)
		if r.err != nil {
			fmt.Fprintf(e.stderr, "winnow extract: %s\n", pageError(r.name, r.err))
		}
		if err := emit(r); err != nil {
			fmt.Fprintf(e.stderr, "winnow extract: write: %v\n", err)
			sum.writeFailed++
		}
	}
}

func extractOne(ctx context.Context, e *env, x *winnow.Extractor, name string, f *extractFlags) result {
	d, err := input.Read(ctx, e.stdin, name, f.maxBytes, f.fetch.Config)
	if err != nil {
		return result{name: name, err: err}
	}
	popts := page.Options{MaxBytes: f.maxBytes, MaxBlocks: f.maxBlocks, MaxDepth: f.maxDepth, ContentType: d.ContentType}
	a, err := extractDoc(ctx, x, d, popts, f.timeout)
	if err != nil && !errors.Is(err, winnow.ErrNoContent) {
		return result{name: name, url: d.URL, err: err}
	}
	if f.highlight != "" && a != nil {
		if herr := writeHighlight(e, f.highlight, f.force, name, d.Body, popts, a); herr != nil {
			return result{name: name, url: d.URL, err: herr}
		}
	}
	return result{name: name, url: d.URL, article: a, err: err}
}

// extractDoc extracts d with x. A page served with a Content-Type is
// parsed with it here, so that its charset is the one decoded (x parses
// without one), within the same time limit.
func extractDoc(ctx context.Context, x *winnow.Extractor, d input.Doc, opts page.Options, timeout time.Duration) (*winnow.Article, error) {
	if d.ContentType == "" {
		return x.ExtractBytesContext(ctx, d.Body)
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	p, err := page.ParseBytesContext(ctx, d.Body, opts)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w (%v): %w", winnow.ErrTimeout, timeout, err)
		}
		return nil, err
	}
	return x.FromPage(p)
}

// pageError is the message of a page's failure, which names the page once
// (readInput's errors name it already).
func pageError(name string, err error) string {
	msg := err.Error()
	if strings.HasPrefix(msg, name+": ") {
		return msg
	}
	return name + ": " + msg
}

// summary counts a batch's pages by outcome.
type summary struct {
	ok, noContent, failed, writeFailed int
}

func (s *summary) add(r result) {
	switch {
	case r.article == nil:
		s.failed++
	case r.err != nil:
		s.noContent++
	default:
		s.ok++
	}
}

// print writes the counts on stderr: n pages, how many had main content,
// how many had none (not a failure), how many failed.
func (s *summary) print(e *env, n int) {
	fmt.Fprintf(e.stderr, "winnow extract: %d pages: %d extracted, %d without main content, %d failed", n, s.ok, s.noContent, s.failed+s.writeFailed)
	if skipped := n - s.ok - s.noContent - s.failed; skipped > 0 {
		fmt.Fprintf(e.stderr, ", %d not reached", skipped)
	}
	fmt.Fprintln(e.stderr)
}
