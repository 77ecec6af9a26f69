package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/gzfile"
)

// readInput reads a page from path ("-" for standard input). Files ending in
// .gz are decompressed. At most limit bytes are read; more is an error that
// names the input and wraps page.ErrTooLarge. A .gz file is
// decompressed through the same limit, so a gzip bomb costs at most limit
// bytes of memory.
func readInput(e *env, path string, limit int64) ([]byte, error) {
	var r io.Reader = e.stdin
	if path != "-" {
		f, err := gzfile.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, over, err := gzfile.ReadAll(r, limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if over {
		what := "larger"
		if strings.HasSuffix(path, ".gz") && path != "-" {
			what = "decompresses to more"
		}
		return nil, fmt.Errorf("%s: %w: %s than the %d-byte limit (raise it with -max-bytes)", path, page.ErrTooLarge, what, limit)
	}
	return b, nil
}
