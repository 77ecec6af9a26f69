package model

import (
	"fmt"
	"testing"
)

// BenchmarkFit trains a single tree of depth 12 on synthetic rows with 80
// features, the shape of the real corpus (300-500k blocks).
func BenchmarkFit(b *testing.B) {
	for _, n := range []int{50_000, 200_000, 400_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			s := synthSchema(80)
			X, y := synth(n, 80, 1, 0.1)
			b.ResetTimer()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := Fit(s, X, y, Config{MaxDepth: 12, MinLeaf: 20}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// BenchmarkFitForest trains 10 bagged trees (√F features per node).
func BenchmarkFitForest(b *testing.B) {
	const n = 200_000
	s := synthSchema(80)
	X, y := synth(n, 80, 1, 0.1)
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := Fit(s, X, y, Config{MaxDepth: 12, MinLeaf: 20, Trees: 10, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
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
			cpu := cpuTime()
			for b.Loop() {
				if err := NewGolearnCART(Config{MaxDepth: 12}).Fit(g); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
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
