package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/gzfile"
)

// A page input is named on the command line (or in an -i list) in one of
// these forms; inputKind tells which. Each kind has its reader in
// readInput.
type kind int

const (
	kindFile  kind = iota // a file; .gz and gzip data are decompressed
	kindStdin             // "-"
	kindURL               // http:// or https://, fetched by fetch (fetch.go)
)

func inputKind(name string) kind {
	switch {
	case name == "-":
		return kindStdin
	case isURL(name):
		return kindURL
	}
	return kindFile
}

// doc is one page read from an input: its bytes and what its source said
// of them.
type doc struct {
	body []byte
	// url is the page's URL when known (the final one, after redirects).
	url string
	// contentType is the Content-Type it was served with, when known; its
	// charset overrides the page's own declaration.
	contentType string
}

// readInput reads the page named name within limit bytes. Gzip data
// (a .gz file, or any input that starts with gzip's magic bytes, standard
// input too) is decompressed through the same limit, so a gzip bomb costs
// at most limit bytes of memory. More than limit bytes is an error that
// names the input and wraps page.ErrTooLarge.
func readInput(ctx context.Context, e *env, name string, limit int64, ff *fetchFlags) (doc, error) {
	var d doc
	var r io.Reader
	switch inputKind(name) {
	case kindStdin:
		r = e.stdin
	case kindURL:
		var err error
		if d, err = fetch(ctx, ff.client(), name, limit, ff.userAgent); err != nil {
			return doc{}, err
		}
		r = bytes.NewReader(d.body)
	default:
		fh, err := os.Open(name)
		if err != nil {
			return doc{}, err
		}
		defer fh.Close()
		r = fh
	}
	r, gz, err := decompress(r, name)
	if err != nil {
		return doc{}, fmt.Errorf("%s: %w", name, err)
	}
	b, over, err := gzfile.ReadAll(r, limit)
	if err != nil {
		if gz {
			err = fmt.Errorf("corrupt gzip data: %w", err)
		}
		return doc{}, fmt.Errorf("%s: %w", name, err)
	}
	if over {
		what := "larger"
		if gz {
			what = "decompresses to more"
		}
		return doc{}, fmt.Errorf("%s: %w: %s than the %d-byte limit (raise it with -max-bytes)", name, page.ErrTooLarge, what, limit)
	}
	d.body = b
	return d, nil
}

// errNotGzip is the error for a .gz file whose bytes are not gzip data.
var errNotGzip = errors.New("not gzip data")

// decompress returns r decompressed when it starts with gzip's magic
// bytes, and r otherwise; a file named .gz must be gzip data.
func decompress(r io.Reader, name string) (io.Reader, bool, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		if inputKind(name) == kindFile && strings.HasSuffix(strings.ToLower(name), ".gz") {
			return nil, false, errNotGzip
		}
		return br, false, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, false, fmt.Errorf("%w: %w", errNotGzip, err)
	}
	return zr, true, nil
}

// expandInputs turns the arguments into page names: "-" and URLs stay,
// a path that exists is that file or folder (even with *, ? or [ in its
// name), folders are walked for .html/.htm/.xhtml files (optionally .gz),
// and other arguments with *, ? or [ are globs.
func expandInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if inputKind(a) != kindFile {
			out = append(out, a)
			continue
		}
		matches := []string{a}
		if _, err := os.Stat(a); err != nil && strings.ContainsAny(a, "*?[") {
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
				if !d.IsDir() && (isPageName(path) || isWARCName(path)) {
					out = append(out, path)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			if len(out) == n {
				return nil, fmt.Errorf("%s: no .html, .htm or web archive files in directory", p)
			}
		}
	}
	return out, nil
}

func isPageName(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") || strings.HasSuffix(p, ".xhtml")
}

// readList reads an -i file ("-" for standard input): one path, folder,
// glob or URL per line; blank lines and lines starting with # are skipped.
func readList(e *env, name string) ([]string, error) {
	r := e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("-i %s: %w", name, err)
	}
	return out, nil
}
