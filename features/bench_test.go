package features

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/winnow-dev/winnow/internal/benchpass"
	"github.com/winnow-dev/winnow/internal/pageset"
)

// BenchmarkParse parses the golden pages (real pages of several kinds and
// encodings), reporting pages/s and, through SetBytes, MB/s.
//
//	go test ./features -run '^$' -bench Parse -benchmem
func BenchmarkParse(b *testing.B) {
	var pages [][]byte
	var total int64
	for _, tp := range readTestPages(b) {
		pages = append(pages, tp.raw)
		total += int64(len(tp.raw))
	}
	b.SetBytes(total / int64(len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := ParseBytes(pages[i%len(pages)], Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkVectors computes feature vectors for a parsed news page.
func BenchmarkVectors(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join(pagesDir, "news-npr", "page.html"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := ParseBytes(raw, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Vectors(p)
	}
}

// TestSegmentationStats measures blocks per page and parse time per page
// over a whole shared set. It only reports (no thresholds) and runs only when
// WINNOW_STATS names a set folder under WINNOW_DATA holding *.gz pages, e.g.
//
//	WINNOW_DATA=../shared/data WINNOW_STATS=wcxb/dev/html go test ./features -run SegmentationStats -v
func TestSegmentationStats(t *testing.T) {
	set := os.Getenv("WINNOW_STATS")
	if set == "" {
		t.Skip("WINNOW_STATS is not set; set it to a set folder under WINNOW_DATA, e.g. wcxb/dev/html")
	}
	dir := dataDir(t, set)
	files, err := filepath.Glob(filepath.Join(dir, "*.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .gz pages in %s: %v", dir, err)
	}
	var blocks []int
	var times []time.Duration
	var bytes int64
	failed := 0
	for _, f := range files {
		raw := readGzip(t, f)
		start := time.Now()
		p, err := ParseBytes(raw, Options{})
		d := time.Since(start)
		if err != nil {
			failed++
			t.Logf("%s: %v", filepath.Base(f), err)
			continue
		}
		bytes += int64(len(raw))
		times = append(times, d)
		blocks = append(blocks, len(p.Blocks))
	}
	slices.Sort(blocks)
	slices.Sort(times)
	q := func(n int, p float64) int { return min(n-1, int(p*float64(n))) }
	var sum time.Duration
	for _, d := range times {
		sum += d
	}
	n := len(times)
	t.Logf("%s: %d pages parsed, %d refused, %.1f MB", set, n, failed, float64(bytes)/1e6)
	t.Logf("blocks per page: median %d, p95 %d, max %d", blocks[q(n, 0.5)], blocks[q(n, 0.95)], blocks[n-1])
	t.Logf("parse time per page: median %v, p95 %v, max %v, total %v (%.1f MB/s)",
		times[q(n, 0.5)].Round(time.Microsecond), times[q(n, 0.95)].Round(time.Microsecond),
		times[n-1].Round(time.Microsecond), sum.Round(time.Millisecond), float64(bytes)/1e6/sum.Seconds())
}

// BenchmarkSegmentTree times segmentation alone: the golden pages are
// decoded and parsed once, and each op segments all of them.
//
//	go test ./features -run '^$' -bench SegmentTree -benchmem
func BenchmarkSegmentTree(b *testing.B) {
	var roots []*html.Node
	var total int64
	for _, tp := range readTestPages(b) {
		raw := tp.raw
		text, _, err := Decode(raw, "")
		if err != nil {
			b.Fatal(err)
		}
		root, err := html.Parse(bytes.NewReader(text))
		if err != nil {
			b.Fatal(err)
		}
		roots = append(roots, root)
		total += int64(len(raw))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, root := range roots {
			if _, err := segment(root, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(roots))/b.Elapsed().Seconds(), "pages/s")
}

// stagePage is one page of the benchmark page set with the output of every stage
// before the one a benchmark times.
type stagePage struct {
	raw  []byte
	root *html.Node // nil if the page is refused
	page *Page      // nil if the page is refused
}

// loadSharedSample reads the benchmark page set (internal/pageset) and
// decodes, parses and segments every page once. It skips the benchmark when
// WINNOW_DATA is unset.
func loadSharedSample(b *testing.B) (pages []stagePage, total int64) {
	b.Helper()
	raw, err := pageset.Load(dataDir(b, "."))
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range raw {
		p := stagePage{raw: r.HTML}
		total += int64(len(p.raw))
		if text, _, err := Decode(p.raw, ""); err == nil {
			if root, err := html.ParseWithOptions(bytes.NewReader(text), html.ParseOptionEnableScripting(false)); err == nil {
				p.root = root
				p.page, _ = ParseBytes(p.raw, Options{})
			}
		}
		pages = append(pages, p)
	}
	return pages, total
}

// BenchmarkStages times the stages of ParseBytes that this package owns,
// and EachChunk, one at a time over the benchmark page set: one op is one pass over
// the 291 pages; MB/s counts raw page bytes, cpu-pages/s pages per second
// of process CPU time. Parsing, the stage between
// decode and segment, is left out: it is golang.org/x/net/html's.
//
//	WINNOW_DATA=../../shared/data go test ./features -run '^$' -bench Stages -benchmem -cpu 1
func BenchmarkStages(b *testing.B) {
	pages, total := loadSharedSample(b)
	run := func(name string, fn func(p *stagePage)) {
		b.Run("stage="+name, func(b *testing.B) {
			benchpass.Run(b, len(pages), total, func(i int) { fn(&pages[i]) })
		})
	}
	run("decode", func(p *stagePage) { _, _, _ = Decode(p.raw, "") })
	run("segment", func(p *stagePage) {
		if p.root != nil {
			if sp, err := segment(p.root, Options{}); err == nil {
				readHead(p.root, sp)
			}
		}
	})
	buf := make([]float64, 64*NumFeatures())
	run("eachchunk", func(p *stagePage) {
		if p.page != nil {
			EachChunk(p.page, buf, func(int, []float64) {})
		}
	})
}
