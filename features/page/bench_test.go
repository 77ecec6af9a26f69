package page

import (
	"bytes"
	"context"
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
//	go test ./features/page -run '^$' -bench Parse -benchmem
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

// BenchmarkParseSet parses every page of one shared set, one op being a
// pass over the set, and reports what segmentation makes of it: blocks per
// page (median, 95th percentile, most), the pages refused, and the parse
// time per page (median and 95th percentile, of the last pass). The set is
// the folder of *.gz pages WINNOW_STATS names under WINNOW_DATA, by default
// wcxb/dev/html:
//
//	WINNOW_DATA=../../shared/data go test ./features/page -run '^$' -bench ParseSet -benchtime 1x
func BenchmarkParseSet(b *testing.B) {
	set := os.Getenv("WINNOW_STATS")
	if set == "" {
		set = "wcxb/dev/html"
	}
	dir := dataDir(b, set)
	files, err := filepath.Glob(filepath.Join(dir, "*.gz"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no .gz pages in %s: %v", dir, err)
	}
	raws := make([][]byte, len(files))
	var total int64
	for i, f := range files {
		raws[i] = readGzip(b, f)
		total += int64(len(raws[i]))
	}
	var blocks []int
	times := make([]time.Duration, 0, len(raws))
	refused := 0
	b.SetBytes(total)
	for b.Loop() {
		blocks, times, refused = blocks[:0], times[:0], 0
		for _, raw := range raws {
			start := time.Now()
			p, err := ParseBytes(raw, Options{})
			d := time.Since(start)
			if err != nil {
				refused++
				continue
			}
			times = append(times, d)
			blocks = append(blocks, len(p.Blocks))
		}
	}
	if len(blocks) == 0 {
		b.Fatalf("every page of %s refused", set)
	}
	slices.Sort(blocks)
	slices.Sort(times)
	n := len(blocks)
	q := func(p float64) int { return min(n-1, int(p*float64(n))) }
	b.ReportMetric(float64(blocks[q(0.5)]), "blocks-p50")
	b.ReportMetric(float64(blocks[q(0.95)]), "blocks-p95")
	b.ReportMetric(float64(blocks[n-1]), "blocks-max")
	b.ReportMetric(float64(refused), "refused")
	b.ReportMetric(float64(times[q(0.5)].Nanoseconds()), "ns/page-p50")
	b.ReportMetric(float64(times[q(0.95)].Nanoseconds()), "ns/page-p95")
}

// BenchmarkSegmentTree times segmentation alone: the golden pages are
// decoded and parsed once, and each op segments all of them.
//
//	go test ./features/page -run '^$' -bench SegmentTree -benchmem
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
			if _, err := segment(root, Options{}, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(roots))/b.Elapsed().Seconds(), "pages/s")
}

// stagePage is one page of the benchmark page set and its parsed tree.
type stagePage struct {
	raw     []byte
	decoded []byte     // nil if the page does not decode
	root    *html.Node // nil if the page is refused
}

// loadSharedSample reads the benchmark page set (internal/pageset) and
// decodes, parses and reveals (see reveal) every page once, as parseTree
// does. It skips the benchmark when WINNOW_DATA is unset.
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
			p.decoded = text
			if root, err := html.ParseWithOptions(bytes.NewReader(text), html.ParseOptionEnableScripting(false)); err == nil {
				p.root, _ = reveal(context.Background(), root, text, DefaultMaxDepth)
			}
		}
		pages = append(pages, p)
	}
	return pages, total
}

// BenchmarkStages times the stages of ParseBytes that this package owns,
// one at a time over the benchmark page set: one op is one pass over
// the 291 pages; MB/s counts raw page bytes, cpu-pages/s pages per second
// of process CPU time. Parsing, the stage between
// decode and segment, is left out: it is golang.org/x/net/html's. The
// reveal stage runs over trees revealed once already (loadSharedSample),
// so it times the checks that find nothing left to reveal.
//
//	WINNOW_DATA=../../shared/data go test ./features/page -run '^$' -bench Stages -benchmem -cpu 1
func BenchmarkStages(b *testing.B) {
	pages, total := loadSharedSample(b)
	run := func(name string, fn func(p *stagePage)) {
		b.Run("stage="+name, func(b *testing.B) {
			benchpass.Run(b, len(pages), total, func(i int) { fn(&pages[i]) })
		})
	}
	run("decode", func(p *stagePage) { _, _, _ = Decode(p.raw, "") })
	run("treebound", func(p *stagePage) { _, _ = treeBound(p.decoded, DefaultMaxNodes, nil) })
	run("parse", func(p *stagePage) {
		_, _ = html.ParseWithOptions(bytes.NewReader(p.decoded), html.ParseOptionEnableScripting(false))
	})
	run("reveal", func(p *stagePage) {
		if p.root != nil {
			_, _ = reveal(context.Background(), p.root, p.decoded, DefaultMaxDepth)
		}
	})
	run("segment", func(p *stagePage) {
		if p.root != nil {
			if sp, err := segment(p.root, Options{}, nil); err == nil {
				readHead(p.root, sp)
			}
		}
	})
}
