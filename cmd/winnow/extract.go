package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
)

type extractFlags struct {
	modelPath string
	format    string
	out       string
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
}

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "PATH|-|DIR ...")
	var f extractFlags
	fs.StringVar(&f.modelPath, "model", "default", "model file, or \"default\" for the embedded model")
	fs.StringVar(&f.format, "format", "text", "output format: text, markdown, json, jsonl or html")
	fs.StringVar(&f.out, "o", "", "write output to this file instead of standard output")
	fs.BoolVar(&f.force, "force", false, "overwrite the -o or -highlight file if it exists")
	fs.IntVar(&f.jobs, "j", runtime.NumCPU(), "pages extracted in parallel")
	fs.Float64Var(&f.threshold, "threshold", winnow.DefaultThreshold, "keep blocks with P(content) ≥ this; lower for recall, higher for precision")
	fs.BoolVar(&f.explain, "explain", false, "print every block with its label, probability, what decided it (the threshold, or the post-processing rule that overrode it) and its tree path")
	fs.StringVar(&f.highlight, "highlight", "", "write an HTML view of the page with content and boilerplate blocks coloured to this file")
	fs.Int64Var(&f.maxBytes, "max-bytes", page.DefaultMaxBytes, "largest page accepted, in bytes")
	fs.IntVar(&f.maxBlocks, "max-blocks", page.DefaultMaxBlocks, "most text blocks a page may have")
	fs.IntVar(&f.maxDepth, "max-depth", page.DefaultMaxDepth, "deepest element nesting accepted (at most 512)")
	fs.DurationVar(&f.timeout, "timeout", winnow.DefaultTimeout, "time allowed per page; 0 for no limit")
	f.post.register(fs)
	f.parts.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := f.post.check(); err != nil {
		return err
	}
	if err := f.parts.threshold(fs, &f.threshold); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no input (give a file, a directory, a glob or -)", errUsage)
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
	inputs, err := expandInputs(fs.Args())
	if err != nil {
		return err
	}
	if (f.highlight != "" || f.explain) && len(inputs) != 1 {
		return fmt.Errorf("%w: -highlight and -explain take exactly one page, got %d", errUsage, len(inputs))
	}
	opts := []winnow.Option{winnow.WithThreshold(f.threshold), winnow.WithMaxBytes(f.maxBytes),
		winnow.WithMaxBlocks(f.maxBlocks), winnow.WithMaxDepth(f.maxDepth), winnow.WithTimeout(f.timeout),
		f.post.option(), winnow.WithExplanations(f.explain)}
	opts = append(opts, f.parts.options()...)
	if f.modelPath != "default" {
		m, err := loadModelFile(f.modelPath)
		if err != nil {
			return err
		}
		opts = append(opts, winnow.WithModel(m))
	}
	x, err := winnow.New(opts...)
	if err != nil {
		return err
	}
	out, err := openOutput(e, f.out, f.force)
	if err != nil {
		return err
	}
	batch := len(inputs) > 1
	format := f.format
	if batch && format == "json" {
		format = "jsonl"
	}
	failed := extractAll(ctx, e, x, inputs, f, func(r result) error {
		if f.explain {
			return printExplain(out, r.article)
		}
		return writeArticle(out, r.path, r.article, format, batch, f.parts.withMeta)
	})
	if err := out.finish(ctx.Err() == nil); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d pages failed", failed, len(inputs))
	}
	return nil
}

// result is one page's outcome in a batch.
type result struct {
	path    string
	article *winnow.Article
	err     error
}

// extractAll runs the pages through x with f.jobs workers and hands the
// results to emit in input order. Failures are reported on stderr; the count
// is returned.
func extractAll(ctx context.Context, e *env, x *winnow.Extractor, inputs []string, f extractFlags, emit func(result) error) int {
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
	bar := newProgress(e, "extract", len(inputs))
	failed := 0
	for i := range inputs {
		var r result
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			wg.Wait()
			bar.done()
			return failed + len(inputs) - i
		}
		bar.add(1)
		if r.err != nil && r.article == nil {
			failed++
			fmt.Fprintf(e.stderr, "winnow extract: %s\n", pageError(r.path, r.err))
			continue
		}
		if r.err != nil {
			fmt.Fprintf(e.stderr, "winnow extract: %s\n", pageError(r.path, r.err))
		}
		if err := emit(r); err != nil {
			fmt.Fprintf(e.stderr, "winnow extract: write: %v\n", err)
			failed++
		}
	}
	wg.Wait()
	bar.done()
	return failed
}

func extractOne(ctx context.Context, e *env, x *winnow.Extractor, path string, f extractFlags) result {
	b, err := readInput(e, path, f.maxBytes)
	if err != nil {
		return result{path: path, err: err}
	}
	a, err := x.ExtractBytesContext(ctx, b)
	if err != nil && !errors.Is(err, winnow.ErrNoContent) {
		return result{path: path, err: err}
	}
	if f.highlight != "" && a != nil {
		if herr := writeHighlight(f.highlight, f.force, path, b, page.Options{MaxBytes: f.maxBytes, MaxBlocks: f.maxBlocks, MaxDepth: f.maxDepth}, a); herr != nil {
			return result{path: path, err: herr}
		}
	}
	return result{path: path, article: a, err: err}
}

// pageError is the message of a page's failure, which names the page once
// (readInput's errors name it already).
func pageError(path string, err error) string {
	msg := err.Error()
	if strings.HasPrefix(msg, path+": ") {
		return msg
	}
	return path + ": " + msg
}

// expandInputs turns the arguments into page paths: "-" stays, directories
// are walked for .html/.htm files (optionally .gz), globs are expanded.
func expandInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		matches := []string{a}
		if strings.ContainsAny(a, "*?[") {
			m, err := filepath.Glob(a)
			if err != nil {
				return nil, fmt.Errorf("%w: bad pattern %q: %v", errUsage, a, err)
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("%s: no file matches", a)
			}
			matches = m
		}
		for _, p := range matches {
			st, err := os.Stat(p)
			if err != nil {
				return nil, err
			}
			if !st.IsDir() {
				out = append(out, p)
				continue
			}
			n := len(out)
			err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if !d.IsDir() && isPageName(path) {
					out = append(out, path)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			if len(out) == n {
				return nil, fmt.Errorf("%s: no .html or .htm files in directory", p)
			}
		}
	}
	return out, nil
}

func isPageName(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") || strings.HasSuffix(p, ".xhtml")
}

func writeBatch(w io.Writer, path, body string, batch bool) error {
	if batch {
		if _, err := fmt.Fprintf(w, "==> %s <==\n", path); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, body)
	if batch && err == nil {
		_, err = fmt.Fprintln(w)
	}
	return err
}

func printExplain(w io.Writer, a *winnow.Article) error {
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintf(tw, "#\tLABEL\tP\tBY\tTEXT\tPATH\n")
	for i, b := range a.Blocks {
		label := "boilerplate"
		if b.Content {
			label = "CONTENT"
		}
		steps := make([]string, len(b.Path))
		for j, s := range b.Path {
			op := "≥"
			if s.Left {
				op = "<"
			}
			steps[j] = fmt.Sprintf("%s=%.3g %s %.3g", s.Name, s.Value, op, s.Threshold)
		}
		fmt.Fprintf(tw, "%d\t%s\t%.2f\t%s\t%s\t%s\n", i, label, b.Probability, b.Rule, preview(b.Text, 50), strings.Join(steps, " → "))
	}
	return tw.Flush()
}
