package winnow

import (
	"bytes"
	"testing"

	"github.com/winnow-dev/winnow/features"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/benchpass"
	"github.com/winnow-dev/winnow/internal/pageset"
	"github.com/winnow-dev/winnow/internal/shareddata"
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
	page    *page.Page // nil if Parse refuses the page
	vecs    []float64  // the page's vectors, one after the other
	probs   []float64
	keep    []bool // the threshold's verdicts, as Extract decides
}

// loadBenchPages reads the page set and runs the pipeline over it once.
func loadBenchPages(tb testing.TB) []benchPage {
	tb.Helper()
	root := shareddata.Dir(tb)
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
		if p.decoded, _, err = page.Decode(p.raw, ""); err != nil {
			tb.Fatalf("%s: %v", p.name, err)
		}
		if p.page, err = page.ParseBytes(p.raw, page.Options{}); err == nil {
			p.vecs = make([]float64, max(len(p.page.Blocks), 1)*features.NumFeatures())
			features.EachChunk(p.page, p.vecs, func(int, []float64) {})
			p.vecs = p.vecs[:len(p.page.Blocks)*features.NumFeatures()]
			vecs := features.Vectors(p.page)
			p.probs = make([]float64, len(vecs))
			for i, v := range vecs {
				p.probs[i] = x.cfg.model.Predict(v)
			}
			p.keep = make([]bool, len(p.probs))
			for i, pr := range p.probs {
				p.keep[i] = pr >= DefaultThreshold
			}
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		tb.Fatalf("no pages under %s", root)
	}
	return pages
}

// benchPass times fn over every page per op (see benchpass.Run).
func benchPass(b *testing.B, pages []benchPage, fn func(p *benchPage)) {
	var total int64
	for i := range pages {
		total += int64(len(pages[i].raw))
	}
	benchpass.Run(b, len(pages), total, func(i int) { fn(&pages[i]) })
}

// BenchmarkDecode: charset detection and conversion to UTF-8.
func BenchmarkDecode(b *testing.B) {
	benchPass(b, loadBenchPages(b), func(p *benchPage) {
		if _, _, err := page.Decode(p.raw, ""); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkParseHTML: bare html.Parse over the decoded pages, the floor.
func BenchmarkParseHTML(b *testing.B) {
	benchPass(b, loadBenchPages(b), func(p *benchPage) {
		if _, err := html.Parse(bytes.NewReader(p.decoded)); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkSegment: page.ParseBytes, that is decode, parse, segment
// and read the head.
func BenchmarkSegment(b *testing.B) {
	benchPass(b, loadBenchPages(b), func(p *benchPage) {
		_, _ = page.ParseBytes(p.raw, page.Options{})
	})
}

// BenchmarkVectors: feature vectors of the segmented pages, computed into
// a reused chunk buffer as Extract does.
func BenchmarkVectors(b *testing.B) {
	buf := make([]float64, classifyChunk*features.NumFeatures())
	benchPass(b, loadBenchPages(b), func(p *benchPage) {
		if p.page != nil {
			features.EachChunk(p.page, buf, func(int, []float64) {})
		}
	})
}

// BenchmarkPredict: the embedded model's PredictBatch, which Extract
// calls on each chunk of vectors as features.EachChunk computes them, and
// reports ns/block.
//
// The stage sub-benchmark is one pass over the page set, as the other stage
// benchmarks are: each chunk of up to 64 precomputed vectors is copied into
// a reused buffer and classified. The vectors of the whole set (47 MB) are
// read from memory, not from the cache, so it times that copy too. The hot
// sub-benchmark times PredictBatch alone, over 512 vectors drawn evenly
// from every page's blocks that stay in the cache, as the chunk EachChunk
// has just written does in Extract: it is the prediction cost per block.
func BenchmarkPredict(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	pages := loadBenchPages(b)
	nf := features.NumFeatures()
	out := make([]float64, classifyChunk)
	buf := make([]float64, classifyChunk*nf)
	b.Run("stage", func(b *testing.B) {
		blocks := 0
		benchPass(b, pages, func(p *benchPage) {
			n := len(p.vecs) / nf
			for i := 0; i < n; i += classifyChunk {
				m := min(n-i, classifyChunk)
				copy(buf, p.vecs[i*nf:(i+m)*nf])
				x.cfg.model.PredictBatch(buf[:m*nf], out[:m])
			}
			blocks += n
		})
		if blocks > 0 {
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(blocks), "ns/block")
		}
	})
	b.Run("hot", func(b *testing.B) {
		const sample = 512
		var rows [][]float64 // every block's vector, in page order
		for _, p := range pages {
			for i := 0; i < len(p.vecs); i += nf {
				rows = append(rows, p.vecs[i:i+nf])
			}
		}
		if len(rows) < sample {
			b.Fatalf("%d blocks in the page set, want at least %d", len(rows), sample)
		}
		hot := make([]float64, 0, sample*nf)
		for j := range sample {
			hot = append(hot, rows[j*len(rows)/sample]...)
		}
		b.ResetTimer()
		for b.Loop() {
			for i := 0; i < sample; i += classifyChunk {
				x.cfg.model.PredictBatch(hot[i*nf:(i+classifyChunk)*nf], out)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*sample), "ns/block")
	})
}

// BenchmarkRender: the Article from the decisions (title and text).
func BenchmarkRender(b *testing.B) {
	benchPass(b, loadBenchPages(b), func(p *benchPage) {
		if p.page != nil {
			assemble(p.page, "", p.probs, p.keep, make([]Role, len(p.keep)), nil, nil, &config{})
		}
	})
}

// BenchmarkFromPage: FromPage over the segmented pages: the vectors, the
// predictions of the content model and its heads, the decisions and the
// Article.
func BenchmarkFromPage(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	benchPass(b, loadBenchPages(b), func(p *benchPage) {
		if p.page != nil {
			_, _ = x.FromPage(p.page)
		}
	})
}

// BenchmarkExtract: the whole ExtractBytes.
func BenchmarkExtract(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	benchPass(b, loadBenchPages(b), func(p *benchPage) {
		_, _ = x.ExtractBytes(p.raw)
	})
}
