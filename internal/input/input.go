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
// flag.
func Read(ctx context.Context, stdin io.Reader, name string, limit int64, fc fetch.Config) (Doc, error) {
	var d Doc
	var r io.Reader
	switch KindOf(name) {
	case Stdin:
		r = stdin
	case URL:
		p, err := fetch.Get(ctx, fc, name, limit)
		if err != nil {
			return Doc{}, err
		}
		d = Doc{URL: p.URL, ContentType: p.ContentType}
		r = bytes.NewReader(p.Body)
	default:
		fh, err := os.Open(name)
		if err != nil {
			return Doc{}, err
		}
		defer fh.Close()
		r = fh
	}
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
