package warc

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/winnow-dev/winnow/internal/cputime"
	"github.com/winnow-dev/winnow/internal/pageset"
	"github.com/winnow-dev/winnow/internal/shareddata"
	"golang.org/x/net/html"
)

// The benchmarks time WARC → JSON lines against bare html.Parse of the same
// payloads, over a WARC (gzipped per record, as crawlers write them) of the
// benchmark page set (internal/pageset: 291 pages, 30 MB, the set of the
// root package's stage benchmarks). One op is one pass over the whole set;
// each reports pages/s, cpu-pages/s (pages per second of process CPU time)
// and, through SetBytes, MB/s of the pages' HTML, so the two compare
// directly. Run them together, on one core:
//
//	WINNOW_DATA=../../shared/data go test -run '^$' -bench 'WARC' -cpu 1 -count 3 ./warc
//
// They skip when WINNOW_DATA is unset.

func benchPages(b *testing.B) []pageset.Page {
	root, err := shareddata.Resolve(os.Getenv(shareddata.Env))
	if err != nil {
		b.Skip("WINNOW_DATA is not set; set it to the shared data folder to run the WARC benchmarks")
	}
	pages, err := pageset.Load(root)
	if err != nil {
		b.Fatalf("WINNOW_DATA=%s: %v", root, err)
	}
	return pages
}

// writePages writes pages as response records to w, gzipped per record.
func writePages(w io.Writer, pages []pageset.Page, round int) error {
	ww := NewWriter(w, true)
	at := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range pages {
		if err := ww.WriteResponse(fmt.Sprintf("http://bench.example/%d/%s", round, p.Name), at, "", p.HTML); err != nil {
			return err
		}
	}
	return nil
}

// pass runs fn once per op and reports the rates for n pages of total
// bytes per op.
func pass(b *testing.B, n int, total int64, fn func()) {
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Used()
	for b.Loop() {
		fn()
	}
	cpu1 := cputime.Used()
	pages := float64(b.N) * float64(n)
	b.ReportMetric(pages/b.Elapsed().Seconds(), "pages/s")
	if cpu0 > 0 && cpu1 > cpu0 {
		b.ReportMetric(pages/(cpu1-cpu0).Seconds(), "cpu-pages/s")
	}
}

// BenchmarkWARCToJSONL: read the WARC, extract every page (one worker),
// encode its line.
func BenchmarkWARCToJSONL(b *testing.B) {
	pages := benchPages(b)
	var w bytes.Buffer
	if err := writePages(&w, pages, 0); err != nil {
		b.Fatal(err)
	}
	x, err := NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	pass(b, len(pages), pageset.Bytes(pages), func() {
		r, err := NewReader(bytes.NewReader(w.Bytes()), "bench.warc.gz", Options{})
		if err != nil {
			b.Fatal(err)
		}
		enc := json.NewEncoder(io.Discard)
		s, err := Process(context.Background(), r, x, 1, func(l Line) error { return enc.Encode(l) }, nil)
		if err != nil || s.HTML != len(pages) {
			b.Fatalf("%d of %d pages: %v", s.HTML, len(pages), err)
		}
	})
}

// BenchmarkWARCRead: read the WARC only (decompress, parse the records,
// decode the payloads).
func BenchmarkWARCRead(b *testing.B) {
	pages := benchPages(b)
	var w bytes.Buffer
	if err := writePages(&w, pages, 0); err != nil {
		b.Fatal(err)
	}
	pass(b, len(pages), pageset.Bytes(pages), func() {
		r, err := NewReader(bytes.NewReader(w.Bytes()), "bench.warc.gz", Options{})
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, err := r.Next(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWARCBareParse: html.Parse of the same payloads, already in
// memory: the floor.
func BenchmarkWARCBareParse(b *testing.B) {
	pages := benchPages(b)
	pass(b, len(pages), pageset.Bytes(pages), func() {
		for _, p := range pages {
			if _, err := html.Parse(bytes.NewReader(p.HTML)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestWriteBigWARC writes the large WARC files that the memory and Beam
// measurements read: WINNOW_BIG_WARC names the folder, WINNOW_BIG_WARC_MB
// the HTML per file (default 1024), WINNOW_BIG_WARC_FILES the number of
// files (default 1). It needs WINNOW_DATA, and is skipped otherwise.
//
//	WINNOW_DATA=../../shared/data WINNOW_BIG_WARC=/tmp/big go test -run WriteBigWARC ./warc
func TestWriteBigWARC(t *testing.T) {
	dir := os.Getenv("WINNOW_BIG_WARC")
	root, err := shareddata.Resolve(os.Getenv(shareddata.Env))
	if dir == "" || err != nil {
		t.Skip("WINNOW_BIG_WARC and WINNOW_DATA are not both set: no large WARC to write")
	}
	mb, files := envInt(t, "WINNOW_BIG_WARC_MB", 1024), envInt(t, "WINNOW_BIG_WARC_FILES", 1)
	pages, err := pageset.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	per := pageset.Bytes(pages)
	for f := range files {
		path := filepath.Join(dir, fmt.Sprintf("big-%d.warc.gz", f))
		out, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for written := int64(0); written < int64(mb)<<20; written += per {
			if err := writePages(out, pages, n); err != nil {
				t.Fatal(err)
			}
			n++
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d pages, %d MB of HTML", path, n*len(pages), int64(n)*per>>20)
	}
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}
