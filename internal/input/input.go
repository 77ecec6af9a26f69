package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/fetch"
	"github.com/winnow-dev/winnow/internal/gzfile"
)

// Kind is the form a page input is named in.
type Kind int

const (
	File  Kind = iota // a file; .gz and gzip data are decompressed
	Stdin             // "-"
	URL               // http:// or https://, fetched by package fetch
)

// KindOf says which kind of input name is.
func KindOf(name string) Kind {
	switch {
	case name == "-":
		return Stdin
	case fetch.IsURL(name):
		return URL
	}
	return File
}

// Doc is one page read from an input: its bytes and what its source said
// of them.
type Doc struct {
	Body []byte
	// URL is the page's URL when known (the final one, after redirects).
	URL string
	// ContentType is the Content-Type it was served with, when known; its
	// charset overrides the page's own declaration.
	ContentType string
}

// Read reads the page named name within limit bytes: stdin for "-", a
// fetch with fc for a URL, else the file. Gzip data (a .gz file, or any
// input that starts with gzip's magic bytes, standard input too) is
// decompressed through the same limit. More than limit bytes is an error
// that names the input, wraps page.ErrTooLarge and names the -max-bytes
// flag. Standard input and a file that is not a regular file (a named
// pipe, a terminal) may wait for a writer forever: when ctx is done
// first, Read returns an error wrapping ctx.Err() at once and leaves the
// wait to end with the program (or when the writer writes or closes).
func Read(ctx context.Context, stdin io.Reader, name string, limit int64, fc fetch.Config) (Doc, error) {
	switch KindOf(name) {
	case Stdin:
		return cancellable(ctx, name, func() (Doc, error) { return readFrom(stdin, name, limit, Doc{}) })
	case URL:
		p, err := fetch.Get(ctx, fc, name, limit)
		if err != nil {
			return Doc{}, err
		}
		return readFrom(bytes.NewReader(p.Body), name, limit, Doc{URL: p.URL, ContentType: p.ContentType})
	}
	if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
		return cancellable(ctx, name, func() (Doc, error) { return readFile(name, limit) })
	}
	return readFile(name, limit)
}

// cancellable runs read and returns its result, or an error wrapping
// ctx.Err() and naming name as soon as ctx is done, leaving read to end on
// its own.
func cancellable[T any](ctx context.Context, name string, read func() (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, fmt.Errorf("%s: %w", name, err)
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := read()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		return zero, fmt.Errorf("%s: %w", name, ctx.Err())
	}
}

// readFile reads the file name (see readFrom).
func readFile(name string, limit int64) (Doc, error) {
	fh, err := os.Open(name)
	if err != nil {
		return Doc{}, err
	}
	defer fh.Close()
	return readFrom(fh, name, limit, Doc{})
}

// readFrom reads d's body from r, decompressing gzip data, within limit
// bytes; errors name the input.
func readFrom(r io.Reader, name string, limit int64, d Doc) (Doc, error) {
	r, gz, err := decompress(r, name)
	if err != nil {
		return Doc{}, fmt.Errorf("%s: %w", name, err)
	}
	b, over, err := gzfile.ReadAll(r, limit)
	if err != nil {
		if gz {
			err = fmt.Errorf("corrupt gzip data: %w", err)
		}
		return Doc{}, fmt.Errorf("%s: %w", name, err)
	}
	if over {
		what := "larger"
		if gz {
			what = "decompresses to more"
		}
		return Doc{}, fmt.Errorf("%s: %w: %s than the %d-byte limit (raise it with -max-bytes)", name, page.ErrTooLarge, what, limit)
	}
	d.Body = b
	return d, nil
}

// ErrNotGzip is the error for a .gz file whose bytes are not gzip data.
var ErrNotGzip = errors.New("not gzip data")

// decompress returns r decompressed when it starts with gzip's magic
// bytes, and r otherwise; a file named .gz must be gzip data.
func decompress(r io.Reader, name string) (io.Reader, bool, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		if KindOf(name) == File && strings.HasSuffix(strings.ToLower(name), ".gz") {
			return nil, false, ErrNotGzip
		}
		return br, false, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, false, fmt.Errorf("%w: %w", ErrNotGzip, err)
	}
	return zr, true, nil
}
