package main

import (
	"fmt"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/highlight"
	"github.com/winnow-dev/winnow/internal/output"
)

// writeHighlight writes the highlight view (internal/highlight) of the
// page named name (bytes b) to dst ("-" for standard output); opts are
// the options a was extracted with, so the blocks are numbered as in a.
func writeHighlight(e *env, dst string, force bool, name string, b []byte, opts page.Options, a *winnow.Article) error {
	out, err := highlight.View(b, opts, a, name)
	if err != nil {
		return fmt.Errorf("highlight %s: %w", name, err)
	}
	if dst == "-" {
		_, err := e.stdout.Write(out)
		return err
	}
	return output.WriteFile(dst, out, force)
}
