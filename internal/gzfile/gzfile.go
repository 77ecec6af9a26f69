// Package gzfile opens files that may be gzip-compressed and reads them
// within a size limit: the one way the command, the dataset loader, the
// benchmark page set and the tests read pages stored as NAME.html.gz.
package gzfile

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
)

// Open opens path for reading, decompressed if its name ends in ".gz";
// closing the result closes the file. An error opening the file is the
// *os.PathError of os.Open; a bad gzip header is an error naming path.
func Open(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return gzipFile{zr, f}, nil
}

type gzipFile struct {
	*gzip.Reader
	f *os.File
}

func (g gzipFile) Close() error {
	zerr := g.Reader.Close()
	if err := g.f.Close(); err != nil {
		return err
	}
	return zerr
}

// ReadAll reads r to the end, or up to limit+1 bytes when limit >= 0; over
// reports that r held more than limit bytes (b then holds limit+1 of
// them), so a gzip bomb costs at most limit+1 bytes of memory.
func ReadAll(r io.Reader, limit int64) (b []byte, over bool, err error) {
	if limit < 0 {
		b, err = io.ReadAll(r)
		return b, false, err
	}
	b, err = io.ReadAll(io.LimitReader(r, limit+1))
	return b, int64(len(b)) > limit, err
}

// ReadFile opens path with Open and reads it with ReadAll; read errors
// name path.
func ReadFile(path string, limit int64) (b []byte, over bool, err error) {
	r, err := Open(path)
	if err != nil {
		return nil, false, err
	}
	defer r.Close()
	b, over, err = ReadAll(r, limit)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", path, err)
	}
	return b, over, nil
}
