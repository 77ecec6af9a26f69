package winnow

import (
	"bytes"
	"os"
	"testing"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/internal/cputime"
	"github.com/winnow-dev/winnow/internal/pageset"
	"golang.org/x/net/html"
)

// The stage benchmarks run the pipeline one stage at a time over a fixed set
// of real pages from the shared labelled sets, the set bench/peers uses:
// every k-th .gz page, in byte-sorted name order, of five sets (291 pages,
// 30 MB). One op is one pass over the whole set; each benchmark reports
// pages/s, cpu-pages/s (pages per second of process CPU time, which a busy
// machine disturbs less) and, through SetBytes, MB/s of raw (undecoded)
// HTML, so the stages add up. BenchmarkParseHTML, bare html.Parse over the decoded pages, is the
// floor the whole extraction is measured against.
//
//	WINNOW_DATA=../shared/data go test -run '^$' -bench . -benchmem -cpu 1 -count 6 | tee /tmp/new.txt
//	benchstat /tmp/old.txt /tmp/new.txt
//
// The benchmarks skip when WINNOW_DATA is unset.

// benchPage is one page of the set with the output of every stage, computed
// once before timing so that each benchmark times one stage alone.
type benchPage struct {
	name    string
	raw     []byte
	decoded []byte
	page    *features.Page // nil if Parse refuses the page
	vecs    [][]float64
	probs   []float64
	keep    []bool
}

// loadBenchPages reads the page set and runs the pipeline over it once.
func loadBenchPages(tb testing.TB) []benchPage {
	tb.Helper()
	root := os.Getenv("WINNOW_DATA")
	if root == "" {
		tb.Skip("WINNOW_DATA is not set; set it to the shared data folder (e.g. ../shared/data) to run the stage benchmarks")
	}
	x, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	raw, err := pageset.Load(root)
	if err != nil {
		tb.Fatalf("WINNOW_DATA=%s: %v", root, err)
	}
	var pages []benchPage
	for _, r := range raw {
		p := benchPage{name: r.Name, raw: r.HTML}
		if p.decoded, _, err = features.Decode(p.raw, ""); err != nil {
			tb.Fatalf("%s: %v", p.name, err)
		}
		if p.page, err = features.ParseBytes(p.raw, features.Options{}); err == nil {
			p.vecs = features.Vectors(p.page)
			p.probs = x.predict(p.vecs)
			p.keep = make([]bool, len(p.probs))
			for i, pr := range p.probs {
				p.keep[i] = pr >= DefaultThreshold
			}
			p.keep = Smooth(p.page.Blocks, p.probs, p.keep)
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		tb.Fatalf("no pages under %s", root)
	}
	return pages
}

// benchPass times fn over every page per op and reports pages/s and MB/s
// of raw HTML.
func benchPass(b *testing.B, fn func(p *benchPage)) {
	pages := loadBenchPages(b)
	var total int64
	for i := range pages {
		total += int64(len(pages[i].raw))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Used()
	for b.Loop() {
		for i := range pages {
			fn(&pages[i])
		}
	}
	cpu = cputime.Used() - cpu
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
	if cpu > 0 {
		// Process CPU time, the garbage collector included: steadier than
		// wall time on a machine shared with other work.
		b.ReportMetric(float64(b.N*len(pages))/cpu.Seconds(), "cpu-pages/s")
	}
}

// BenchmarkDecode: charset detection and conversion to UTF-8.
func BenchmarkDecode(b *testing.B) {
	benchPass(b, func(p *benchPage) {
		if _, _, err := features.Decode(p.raw, ""); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkParseHTML: bare html.Parse over the decoded pages, the floor.
func BenchmarkParseHTML(b *testing.B) {
	benchPass(b, func(p *benchPage) {
		if _, err := html.Parse(bytes.NewReader(p.decoded)); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkSegment: features.ParseBytes, that is decode, parse, segment
// and read the head.
func BenchmarkSegment(b *testing.B) {
	benchPass(b, func(p *benchPage) {
		_, _ = features.ParseBytes(p.raw, features.Options{})
	})
}

// BenchmarkVectors: feature vectors of the segmented pages.
func BenchmarkVectors(b *testing.B) {
	benchPass(b, func(p *benchPage) {
		if p.page != nil {
			features.Vectors(p.page)
		}
	})
}

// BenchmarkPredict: every block's vector through the embedded model, the
// way Classify does it for Extract: gathered in chunks and classified with
// PredictBatch. Only the vectors are precomputed. It also reports
// ns/block.
func BenchmarkPredict(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	blocks := 0
	benchPass(b, func(p *benchPage) {
		if p.page != nil {
			x.predict(p.vecs)
			blocks += len(p.vecs)
		}
	})
	if blocks > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(blocks), "ns/block")
	}
}

// BenchmarkSmooth: the post-processing over the block sequence.
func BenchmarkSmooth(b *testing.B) {
	var keep []bool
	benchPass(b, func(p *benchPage) {
		if p.page != nil {
			keep = append(keep[:0], p.keep...)
			Smooth(p.page.Blocks, p.probs, keep)
		}
	})
}

// BenchmarkRender: the Article from the decisions (title and text).
func BenchmarkRender(b *testing.B) {
	benchPass(b, func(p *benchPage) {
		if p.page != nil {
			Assemble(p.page, p.probs, p.keep, nil)
		}
	})
}

// BenchmarkExtract: the whole ExtractBytes.
func BenchmarkExtract(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	benchPass(b, func(p *benchPage) {
		_, _ = x.ExtractBytes(p.raw)
	})
}
