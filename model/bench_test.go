package model

import (
	"fmt"
	"testing"

	"github.com/winnow-dev/winnow/internal/cputime"
)

// BenchmarkFit trains a single tree of depth 12 on synthetic rows with 80
// features, the shape of the real corpus (300-500k blocks).
func BenchmarkFit(b *testing.B) {
	for _, n := range []int{50_000, 200_000, 400_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			benchFit(b, n, Fit, Config{MaxDepth: 12, MinLeaf: 20})
		})
	}
}

// BenchmarkFitForest trains 10 bagged trees (√F features per node).
func BenchmarkFitForest(b *testing.B) {
	benchFit(b, 200_000, Fit, Config{MaxDepth: 12, MinLeaf: 20, Trees: 10, Seed: 1})
}

// BenchmarkFitBoost trains DefaultBoostTrees boosted oblivious trees of
// depth 6, the default, on the synthetic rows.
func BenchmarkFitBoost(b *testing.B) {
	benchFit(b, 200_000, FitBoost, Config{})
}

// benchFit times fit with cfg on n synthetic rows of 80 features and
// reports rows/s and CPU seconds per fit.
func benchFit(b *testing.B, n int, fit fitFunc, cfg Config) {
	s := synthSchema(80)
	X, y := synth(n, 80, 1, 0.1)
	b.ResetTimer()
	cpu := cputime.Used()
	for b.Loop() {
		if _, err := fit(s, X, y, cfg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkFitGolearnCART times golearn's CART through GolearnCART, with
// the same 80 synthetic features; it grows roughly with the square of the
// rows, so the sizes stay small.
func BenchmarkFitGolearnCART(b *testing.B) {
	for _, n := range []int{4_000, 8_000, 16_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			s := synthSchema(80)
			X, y := synth(n, 80, 1, 0.1)
			g, err := NewInstances(s, X, y)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			cpu := cputime.Used()
			for b.Loop() {
				if err := NewGolearnCART(Config{MaxDepth: 12}).Fit(g); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// BenchmarkPredict times one block through a depth-12 tree.
func BenchmarkPredict(b *testing.B) {
	s := synthSchema(80)
	X, y := synth(100_000, 80, 1, 0.1)
	m, err := Fit(s, X, y, Config{MaxDepth: 12, MinLeaf: 5})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("tree: %d nodes, depth %d", m.NumNodes(), m.Depth())
	// Cycle over rows that stay in cache, as a page's fresh vectors do:
	// this times the tree walk, not memory latency.
	rows := X[:4096]
	var sink float64
	b.ResetTimer()
	i := 0
	for b.Loop() {
		sink += m.Predict(rows[i])
		i = (i + 1) & (len(rows) - 1)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/block")
	_ = sink
}

// BenchmarkPredictForest times bagged forests of depth 14 with 20 trees
// (the embedded model's shape) and with 4 (the fast configuration the
// README describes), on 80 synthetic features, one block at a time
// (Predict) and in batches of 64 (PredictBatch, as Extract classifies a
// page). The rows cycle over 4096 vectors that stay in cache, as a page's
// fresh vectors do, but too many for the branch predictor to learn.
func BenchmarkPredictForest(b *testing.B) {
	const nf = 80
	s, X, y, flat := predictRows(nf)
	for _, trees := range []int{4, 20} {
		m, err := Fit(s, X, y, Config{Trees: trees, MaxDepth: 14, MinLeaf: 2, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("trees=%d", trees), func(b *testing.B) { benchPredictions(b, m, flat, nf) })
	}
}

// BenchmarkPredictBoost times boosted models of 25 oblivious trees of
// depth 6 and 40 (the embedded model's shape), as BenchmarkPredictForest
// times forests.
func BenchmarkPredictBoost(b *testing.B) {
	const nf = 80
	s, X, y, flat := predictRows(nf)
	for _, trees := range []int{25, 40} {
		m, err := FitBoost(s, X, y, Config{Trees: trees})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("trees=%d", trees), func(b *testing.B) { benchPredictions(b, m, flat, nf) })
	}
}

// predictRows returns 40,000 synthetic training rows of nf features and
// their first 4096 vectors one after the other, the vectors the prediction
// benchmarks cycle over.
func predictRows(nf int) (Schema, [][]float64, []Label, []float64) {
	const rows = 4096
	X, y := synth(40_000, nf, 1, 0.2)
	flat := make([]float64, 0, rows*nf)
	for _, x := range X[:rows] {
		flat = append(flat, x...)
	}
	return synthSchema(nf), X, y, flat
}

// benchPredictions times m on the vectors of flat (nf values each, a power
// of two of them) one at a time (Predict) and in batches of 64
// (PredictBatch, as Extract classifies a page), in ns per block.
func benchPredictions(b *testing.B, m *Model, flat []float64, nf int) {
	const batch = 64
	rows := len(flat) / nf
	b.Run("Predict", func(b *testing.B) {
		b.Logf("%s: %d trees, %d nodes, depth %d", m.Trainer, m.NumTrees(), m.NumNodes(), m.Depth())
		var sink float64
		i := 0
		for b.Loop() {
			sink += m.Predict(flat[i*nf : (i+1)*nf])
			i = (i + 1) & (rows - 1)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/block")
		_ = sink
	})
	b.Run("PredictBatch", func(b *testing.B) {
		out := make([]float64, batch)
		i := 0
		for b.Loop() {
			m.PredictBatch(flat[i*nf:(i+batch)*nf], out)
			i = (i + batch) & (rows - 1)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*batch), "ns/block")
	})
}

// BenchmarkGridRoundTrip times NewInstances and FromInstances, the golearn
// detour TreeLearner.Fit takes around Fit.
func BenchmarkGridRoundTrip(b *testing.B) {
	const n = 200_000
	s := synthSchema(80)
	X, y := synth(n, 80, 1, 0.1)
	b.ResetTimer()
	for b.Loop() {
		g, err := NewInstances(s, X, y)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, _, err := FromInstances(g); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
