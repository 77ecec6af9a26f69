package warc

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
)

// IsName says whether p names a web archive: .warc, .arc (or Common
// Crawl's .wat and .wet, which are WARC files), optionally .gz, in any
// case.
func IsName(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	for _, ext := range []string{".warc", ".arc", ".wat", ".wet"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}

// Sniff says whether the file at path starts as a WARC file ("WARC/") or
// an ARC file ("filedesc://") does, gzipped or not, whatever its name. A
// file that cannot be read is not an archive, and neither is one that is
// not a regular file (a named pipe, /dev/fd/N of a shell's process
// substitution): its first bytes, once read, are gone for the reader after.
func Sniff(path string) bool {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return false // not opened: opening a pipe is taking part in it
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var r io.Reader
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

// add adds o's counts to s.
func (s *Summary) add(o Summary) {
	s.Records += o.Records
	s.HTML += o.HTML
	s.Revisits += o.Revisits
	s.Damaged += o.Damaged
	s.Extracted += o.Extracted
	s.Empty += o.Empty
}

// Batch runs Process over several files in turn.
type Batch struct {
	Jobs    int     // pages extracted at once (see Process)
	Options Options // for each file's Reader
	// Emit is called with each page's Line in file and record order, and
	// the records read so far over all files. An error it returns stops
	// the batch.
	Emit func(l Line, records int) error
	// Damaged, if set, is called with each damaged record.
	Damaged func(*DamagedError)
	// Failed is called with the error of each file that could not be
	// opened or read to its end (the error names the file); the batch
	// goes on with the next file.
	Failed func(error)
}

// Run extracts the pages of the files at paths with x, in order, and
// returns their summed Summary. It stops when ctx ends or Emit fails, and
// returns that error; a file that fails otherwise goes to Failed.
func (b Batch) Run(ctx context.Context, x *Extractor, paths []string) (Summary, error) {
	var total Summary
	for _, path := range paths {
		r, err := Open(path, b.Options)
		if err != nil {
			b.Failed(err)
			continue
		}
		var emitErr error
		s, err := Process(ctx, r, x, b.Jobs, func(l Line) error {
			emitErr = b.Emit(l, total.Records+r.Records())
			return emitErr
		}, b.Damaged)
		r.Close()
		total.add(s)
		if err != nil {
			if ctx.Err() != nil || emitErr != nil {
				return total, err
			}
			b.Failed(fmt.Errorf("%s: %w", path, err))
		}
	}
	return total, nil
}
