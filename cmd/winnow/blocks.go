package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/internal/articleout"
	"github.com/winnow-dev/winnow/internal/input"

	"github.com/winnow-dev/winnow/features/page"
)

func runBlocks(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "blocks", "PATH|URL|-")
	format := fs.String("format", "text", "output format: text or json")
	maxBytes := fs.Int64("max-bytes", page.DefaultMaxBytes, "largest page accepted, in bytes")
	maxBlocks := fs.Int("max-blocks", page.DefaultMaxBlocks, "most text blocks a page may have")
	maxDepth := fs.Int("max-depth", page.DefaultMaxDepth, "deepest element nesting accepted (at most 512)")
	timeout := fs.Duration("timeout", winnow.DefaultTimeout, "time allowed per page once it is read; 0 for no limit")
	var ff fetchFlags
	ff.register(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("%w: want one page, got %d arguments", errUsage, len(rest))
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: unknown -format %q (want text or json)", errUsage, *format)
	}
	if *maxBytes < 1 || *maxBlocks < 1 || *maxDepth < 1 || *maxDepth > page.DefaultMaxDepth || *timeout < 0 {
		return fmt.Errorf("%w: -max-bytes and -max-blocks must be at least 1, -max-depth between 1 and %d, -timeout not negative",
			errUsage, page.DefaultMaxDepth)
	}
	if err := ff.check(); err != nil {
		return err
	}
	path := rest[0]
	d, err := input.Read(ctx, e.stdin, path, *maxBytes, ff.Config)
	if err != nil {
		return err
	}
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	opts := page.Options{MaxBytes: *maxBytes, MaxBlocks: *maxBlocks, MaxDepth: *maxDepth, ContentType: d.ContentType}
	p, err := page.ParseBytesContext(ctx, d.Body, opts)
	if err == nil {
		w := bufio.NewWriterSize(e.stdout, 64<<10)
		if *format == "json" {
			err = printBlocksJSON(ctx, w, p)
		} else {
			err = printBlocksText(ctx, w, p)
		}
		if ferr := w.Flush(); err == nil {
			err = ferr
		}
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && *timeout > 0 {
			return fmt.Errorf("%s: %w (-timeout %v): %w", path, winnow.ErrTimeout, *timeout, err)
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// blockChunk is how many blocks' feature vectors the blocks command holds
// at once.
const blockChunk = 64

// eachBlock calls fn for every block of p, in order, with its feature
// vector, computed a chunk of blocks at a time: no more vectors are held
// at once. It stops at fn's first error, or when ctx is done.
func eachBlock(ctx context.Context, p *page.Page, fn func(b *page.Block, vec []float64) error) error {
	nf := features.NumFeatures()
	buf := make([]float64, blockChunk*nf)
	var ferr error
	err := features.EachChunkContext(ctx, p, buf, func(first int, vecs []float64) {
		for j := 0; ferr == nil && j*nf < len(vecs); j++ {
			ferr = fn(&p.Blocks[first+j], vecs[j*nf:(j+1)*nf])
		}
	})
	if ferr != nil {
		return ferr
	}
	return err
}

// printBlocksText writes a table of p's blocks to w. The table is aligned
// as a whole, so it is held until the last block.
func printBlocksText(ctx context.Context, w io.Writer, p *page.Page) error {
	names := features.Names()
	density, link := indexOf(names, "TextDensity"), indexOf(names, "LinkDensity")
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintf(tw, "#\tELEMENT\tPATH\tWORDS\tLINKD\tDENSITY\tTEXT\n")
	err := eachBlock(ctx, p, func(b *page.Block, vec []float64) error {
		// The tags are the page's, as its text is: Preview and Printable
		// keep their control characters off the terminal.
		_, err := fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%.2f\t%.1f\t%s\n", b.Index, articleout.Printable(b.Tag), articleout.Printable(shortPath(p.Path(b.Element), 4)),
			b.Words, vec[link], vec[density], articleout.Preview(b.Text, 60))
		return err
	})
	if err != nil {
		return err
	}
	return tw.Flush()
}

type blockJSON struct {
	Text     string             `json:"text"`
	Tag      string             `json:"tag"`
	Path     string             `json:"path"`
	Kind     string             `json:"kind"`
	Features map[string]float64 `json:"features"`
}

// printBlocksJSON writes p and its blocks to w as one JSON object, block
// by block: no more than one block's JSON is held at once. Should it fail
// after it started (the time limit passing), the output is cut short.
func printBlocksJSON(ctx context.Context, w io.Writer, p *page.Page) error {
	// articleout.EncodeJSON escapes the C1 controls encoding/json leaves
	// raw: the page's text stays off the terminal.
	var out bytes.Buffer
	out.WriteString("{\n")
	for _, f := range [][2]string{{"title", p.Title}, {"encoding", p.Encoding}, {"schema", features.SchemaVersion}} {
		out.WriteString(`  "` + f[0] + `": `)
		if err := articleout.EncodeJSON(&out, f[1], "", ""); err != nil {
			return err
		}
		trimNewline(&out)
		out.WriteString(",\n")
	}
	out.WriteString(`  "blocks": [`)
	if _, err := w.Write(out.Bytes()); err != nil {
		return err
	}
	names := features.Names()
	fm := make(map[string]float64, len(names))
	n := 0
	err := eachBlock(ctx, p, func(b *page.Block, vec []float64) error {
		for j, name := range names {
			fm[name] = vec[j]
		}
		out.Reset()
		if n > 0 {
			out.WriteByte(',')
		}
		out.WriteString("\n    ")
		n++
		if err := articleout.EncodeJSON(&out, blockJSON{Text: b.Text, Tag: b.Tag, Path: strings.Join(p.Path(b.Element), ">"), Kind: b.Kind.String(), Features: fm}, "    ", "  "); err != nil {
			return err
		}
		trimNewline(&out)
		_, err := w.Write(out.Bytes())
		return err
	})
	if err != nil {
		return err
	}
	end := "]\n}\n"
	if n > 0 {
		end = "\n  ]\n}\n"
	}
	_, err = io.WriteString(w, end)
	return err
}

// trimNewline drops the newline json.Encoder writes after a value.
func trimNewline(b *bytes.Buffer) {
	if l := b.Len(); l > 0 && b.Bytes()[l-1] == '\n' {
		b.Truncate(l - 1)
	}
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	panic("winnow: no feature named " + name)
}

// shortPath shows the last k elements of a tag path.
func shortPath(path []string, k int) string {
	if len(path) > k {
		return "…>" + strings.Join(path[len(path)-k:], ">")
	}
	return strings.Join(path, ">")
}
