package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/warc"
)

// isWARCName says whether p names a web archive: .warc, .arc (or Common
// Crawl's .wat and .wet, which are WARC files), optionally .gz.
func isWARCName(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	for _, ext := range []string{".warc", ".arc", ".wat", ".wet"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}

// isWARCInput says whether the inputs are web archives (the first decides;
// runExtractWARC refuses a mix).
func isWARCInput(inputs []string) bool { return len(inputs) > 0 && isWARC(inputs[0]) }

// isWARC says whether p is a web archive: by its name, or, for a file whose
// name is neither a page's nor an archive's (a renamed or unsuffixed file),
// by its first bytes.
func isWARC(p string) bool {
	if isWARCName(p) {
		return true
	}
	if p == "-" || isPageName(p) {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	var r io.Reader = f
	br := bufio.NewReader(f)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		z, err := gzip.NewReader(br)
		if err != nil {
			return false
		}
		r = z
	} else {
		r = br
	}
	head := make([]byte, 11)
	n, _ := io.ReadFull(r, head)
	return strings.HasPrefix(string(head[:n]), "WARC/") || string(head[:n]) == "filedesc://"
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
	out, err := openOutput(e, f.out, f.force)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	bar := newRecordCount(e)
	var total warc.Summary
	failed, lines := 0, 0
	var writeErr error
	for _, path := range inputs {
		r, err := warc.Open(path, warc.Options{MaxBytes: f.maxBytes})
		if err != nil {
			fmt.Fprintf(e.stderr, "winnow extract: %v\n", err)
			failed++
			continue
		}
		s, err := warc.Process(ctx, r, x, f.jobs, func(l warc.Line) error {
			lines++
			bar.show(total.Records+r.Records(), lines)
			if writeErr = enc.Encode(l); writeErr != nil {
				return writeErr
			}
			return nil
		}, func(d *warc.DamagedError) {
			bar.clear()
			fmt.Fprintf(e.stderr, "winnow extract: %v\n", d)
		})
		r.Close()
		total.Records += s.Records
		total.HTML += s.HTML
		total.Revisits += s.Revisits
		total.Damaged += s.Damaged
		total.Extracted += s.Extracted
		total.Empty += s.Empty
		if err != nil {
			if ctx.Err() != nil || writeErr != nil {
				break
			}
			fmt.Fprintf(e.stderr, "winnow extract: %s: %v\n", path, err)
			failed++
		}
	}
	if err := bw.Flush(); err != nil && writeErr == nil {
		writeErr = err
	}
	bar.clear()
	ok := ctx.Err() == nil && writeErr == nil
	if err := out.finish(ok); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "winnow extract: files %d, records %d, HTML responses %d, extracted %d, no content %d, damaged %d\n",
		len(inputs), total.Records, total.HTML, total.Extracted, total.Empty, total.Damaged)
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case writeErr != nil:
		return fmt.Errorf("write: %w", writeErr)
	case failed > 0:
		return fmt.Errorf("%d of %d web archives could not be read", failed, len(inputs))
	}
	return nil
}

// recordCount shows the records read so far on stderr when it is a
// terminal (a web archive's record count is not known before the end).
type recordCount struct {
	w    io.Writer
	last time.Time
}

func newRecordCount(e *env) *recordCount {
	f, ok := e.stderr.(*os.File)
	if !ok {
		return &recordCount{}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return &recordCount{}
	}
	return &recordCount{w: f}
}

func (c *recordCount) show(records, pages int) {
	if c.w == nil || time.Since(c.last) < 100*time.Millisecond {
		return
	}
	c.last = time.Now()
	fmt.Fprintf(c.w, "\rextract: %d records, %d HTML responses ", records, pages)
}

func (c *recordCount) clear() {
	if c.w != nil && !c.last.IsZero() {
		fmt.Fprint(c.w, "\r\033[K")
		c.last = time.Time{}
	}
}
