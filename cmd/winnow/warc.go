package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/internal/articleout"
	"github.com/winnow-dev/winnow/internal/input"
	"github.com/winnow-dev/winnow/internal/output"
	"github.com/winnow-dev/winnow/internal/progress"
	"github.com/winnow-dev/winnow/warc"
)

// isWARCInput says whether the inputs are web archives (the first decides;
// runExtractWARC refuses a mix).
func isWARCInput(inputs []string) bool { return len(inputs) > 0 && isWARC(inputs[0]) }

// isWARC says whether p is a web archive: by its name, or, for a file whose
// name is neither a page's nor an archive's (a renamed or unsuffixed file),
// by its first bytes.
func isWARC(p string) bool {
	return warc.IsName(p) || (p != "-" && !input.IsPageName(p) && warc.Sniff(p))
}

// runExtractWARC is winnow extract over WARC and ARC files: one JSON line
// per HTML response, in record order, the pages of a file extracted on
// f.jobs goroutines; damaged records and unreadable files on stderr; a
// summary on stderr at the end.
func runExtractWARC(ctx context.Context, e *env, inputs []string, f extractFlags, opts []winnow.Option) error {
	for _, in := range inputs {
		if !isWARC(in) {
			return fmt.Errorf("%w: %s is not a .warc, .arc, .wat or .wet file (optionally .gz): give pages or web archives, not both", errUsage, in)
		}
	}
	if f.format != "jsonl" && f.format != "json" {
		return fmt.Errorf("%w: web archives are written as JSON lines: give -format jsonl", errUsage)
	}
	if f.explain || f.highlight != "" {
		return fmt.Errorf("%w: -explain and -highlight take one page, not a web archive", errUsage)
	}
	x, err := warc.NewExtractor(opts...)
	if err != nil {
		return err
	}
	out, err := output.Open(e.stdout, f.out, f.force)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	bar := progress.NewCounter(e.stderr, "extract")
	failed, lines := 0, 0
	var last warc.Line // the last line written
	var writeErr error
	total, _ := warc.Batch{Jobs: f.jobs, Options: warc.Options{MaxBytes: f.maxBytes},
		Emit: func(l warc.Line, records int) error {
			lines++
			bar.Show(records, lines)
			writeErr = articleout.EncodeJSON(bw, l, "", "") // C1 controls escaped too
			last = l
			return writeErr
		},
		Damaged: func(d *warc.DamagedError) {
			bar.Clear()
			fmt.Fprintf(e.stderr, "winnow extract: %s\n", articleout.Printable(d.Error())) // the record's URI is the archive's
		},
		Failed: func(err error) {
			fmt.Fprintf(e.stderr, "winnow extract: %s\n", articleout.Printable(err.Error()))
			failed++
		},
	}.Run(ctx, x, inputs)
	if err := bw.Flush(); err != nil && writeErr == nil {
		writeErr = err
	}
	bar.Clear()
	// An interrupted run keeps the lines written, each whole; a write
	// error abandons the output (atomicfile fails the commit too).
	if err := out.Finish(writeErr == nil && (ctx.Err() == nil || lines > 0)); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "winnow extract: files %d, records %d, HTML responses %d, extracted %d, no content %d, damaged %d\n",
		len(inputs), total.Records, total.HTML, total.Extracted, total.Empty, total.Damaged)
	toFile := f.out != "" && f.out != "-"
	switch {
	case writeErr != nil && toFile:
		return fmt.Errorf("%w (output abandoned: %s is as it was)", writeErr, f.out)
	case writeErr != nil:
		return fmt.Errorf("write: %w", writeErr)
	case ctx.Err() != nil:
		if toFile && lines > 0 {
			fmt.Fprintf(e.stderr, "winnow extract: interrupted: %s holds %d lines, the last from %s at offset %d\n", f.out, lines, last.Source, last.Offset)
		}
		return ctx.Err()
	case failed > 0:
		return fmt.Errorf("%d of %d web archives could not be read", failed, len(inputs))
	}
	return nil
}
