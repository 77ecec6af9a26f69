package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
)

// maxGzipRatio bounds how much a .gz input may expand relative to the
// limit, so a gzip bomb is refused instead of filling memory.
const maxGzipRatio = 1

// readInput reads a page from path ("-" for standard input). Files ending in
// .gz are decompressed. At most limit bytes are read; more is an error that
// names the input.
func readInput(e *env, path string, limit int64) ([]byte, error) {
	var r io.Reader
	if path == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
		if strings.HasSuffix(path, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			defer zr.Close()
			r = zr
		}
	}
	b, err := io.ReadAll(io.LimitReader(r, limit*maxGzipRatio+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: larger than the %d-byte limit (raise it with -max-bytes)", path, limit)
	}
	return b, nil
}
