package features

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/benchpass"
	"github.com/winnow-dev/winnow/internal/cputime"
	"github.com/winnow-dev/winnow/internal/pageset"
)

// BenchmarkVectors computes feature vectors for a parsed news page.
//
//	go test ./features -run '^$' -bench Vectors -benchmem
func BenchmarkVectors(b *testing.B) {
	benchNewsPage(b, func(p *page.Page) { Vectors(p) })
}

// BenchmarkEachChunk computes the vectors of the same page the way
// extraction does: into a reused buffer of 64 vectors (the root package's
// classifyChunk).
//
//	go test ./features -run '^$' -bench EachChunk -benchmem
func BenchmarkEachChunk(b *testing.B) {
	buf := make([]float64, 64*NumFeatures())
	benchNewsPage(b, func(p *page.Page) { EachChunk(p, buf, func(int, []float64) {}) })
}

// BenchmarkSmoothVectors computes the smoothing vectors of the same page
// from probabilities spread over [0, 1].
//
//	go test ./features -run '^$' -bench SmoothVectors -benchmem
func BenchmarkSmoothVectors(b *testing.B) {
	var probs []float64
	var vecs [][]float64
	benchNewsPage(b, func(p *page.Page) {
		if probs == nil {
			probs = make([]float64, len(p.Blocks))
			for i := range probs {
				probs[i] = float64(i%11) / 10
			}
			vecs = Vectors(p)
		}
		SmoothVectors(p, probs, vecs)
	})
}

// benchNewsPage times fn on the parsed news-npr test page. Besides ns/op it
// reports cpu-ns/op, the process CPU time per op, which a busy machine
// disturbs less than wall time (left out where it cannot be read).
func benchNewsPage(b *testing.B, fn func(p *page.Page)) {
	raw, err := os.ReadFile(filepath.Join(pagesDir, "news-npr", "page.html"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := page.ParseBytes(raw, page.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := cputime.Used()
	for b.Loop() {
		fn(p)
	}
	if cpu1 := cputime.Used(); cpu0 > 0 && cpu1 > cpu0 {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkStages times EachChunk, PageVector, and both at once
// (EachChunkPageContext, as extraction computes them) over the benchmark
// page set (internal/pageset), parsed once beforehand: one op is one pass
// over the pages; MB/s counts raw page bytes, cpu-pages/s pages per second
// of process CPU time. The stages before them are features/page's
// BenchmarkStages.
//
//	WINNOW_DATA=../../shared/data go test ./features -run '^$' -bench Stages -benchmem -cpu 1
func BenchmarkStages(b *testing.B) {
	raw, err := pageset.Load(dataDir(b, "."))
	if err != nil {
		b.Fatal(err)
	}
	var pages []*page.Page // nil for a refused page
	var total int64
	for _, r := range raw {
		p, _ := page.ParseBytes(r.HTML, page.Options{})
		pages = append(pages, p)
		total += int64(len(r.HTML))
	}
	buf := make([]float64, 64*NumFeatures())
	b.Run("stage=eachchunk", func(b *testing.B) {
		benchpass.Run(b, len(pages), total, func(i int) {
			if pages[i] != nil {
				EachChunk(pages[i], buf, func(int, []float64) {})
			}
		})
	})
	b.Run("stage=pagevector", func(b *testing.B) {
		benchpass.Run(b, len(pages), total, func(i int) {
			if pages[i] != nil {
				_ = PageVector(pages[i])
			}
		})
	})
	pageVec := make([]float64, NumPageFeatures())
	b.Run("stage=eachchunk+pagevector", func(b *testing.B) {
		benchpass.Run(b, len(pages), total, func(i int) {
			if pages[i] != nil {
				_ = EachChunkPageContext(context.Background(), pages[i], buf, pageVec, func(int, []float64) {})
			}
		})
	})
}
