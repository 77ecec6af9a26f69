package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/internal/articleout"
	"github.com/winnow-dev/winnow/internal/input"

	"github.com/winnow-dev/winnow/features/page"
)

func runBlocks(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "blocks", "PATH|URL|-")
	format := fs.String("format", "text", "output format: text or json")
	maxBytes := fs.Int64("max-bytes", page.DefaultMaxBytes, "largest page accepted, in bytes")
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
	if err := ff.check(); err != nil {
		return err
	}
	path := rest[0]
	d, err := input.Read(ctx, e.stdin, path, *maxBytes, ff.Config)
	if err != nil {
		return err
	}
	page, err := page.ParseBytes(d.Body, page.Options{MaxBytes: *maxBytes, ContentType: d.ContentType})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if *format == "json" {
		return printBlocksJSON(e, page)
	}
	return printBlocksText(e, page)
}

func printBlocksText(e *env, page *page.Page) error {
	vecs := features.Vectors(page)
	names := features.Names()
	density, link := indexOf(names, "TextDensity"), indexOf(names, "LinkDensity")
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 1, ' ', 0)
	fmt.Fprintf(tw, "#\tELEMENT\tPATH\tWORDS\tLINKD\tDENSITY\tTEXT\n")
	for i, b := range page.Blocks {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%.2f\t%.1f\t%s\n", b.Index, b.Tag, shortPath(page.Path(b.Element), 4),
			b.Words, vecs[i][link], vecs[i][density], articleout.Preview(b.Text, 60))
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

func printBlocksJSON(e *env, page *page.Page) error {
	vecs := features.Vectors(page)
	names := features.Names()
	out := struct {
		Title    string      `json:"title"`
		Encoding string      `json:"encoding"`
		Schema   string      `json:"schema"`
		Blocks   []blockJSON `json:"blocks"`
	}{Title: page.Title, Encoding: page.Encoding, Schema: features.SchemaVersion, Blocks: []blockJSON{}}
	for i, b := range page.Blocks {
		fm := make(map[string]float64, len(names))
		for j, n := range names {
			fm[n] = vecs[i][j]
		}
		out.Blocks = append(out.Blocks, blockJSON{Text: b.Text, Tag: b.Tag, Path: strings.Join(page.Path(b.Element), ">"), Kind: b.Kind.String(), Features: fm})
	}
	return articleout.EncodeJSON(e.stdout, out, "", "  ")
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
