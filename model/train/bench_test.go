package train

import (
	"fmt"
	"testing"

	"github.com/winnow-dev/winnow/internal/cputime"
	"github.com/winnow-dev/winnow/model"
)

// BenchmarkFit trains a single tree of depth 12 on synthetic rows with 80
// features, the shape of the real corpus (300-500k blocks).
func BenchmarkFit(b *testing.B) {
	for _, n := range []int{50_000, 200_000, 400_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			benchFit(b, n, Fit, model.Config{MaxDepth: 12, MinLeaf: 20, Trees: 1})
		})
	}
}

// BenchmarkFitForest trains 10 bagged trees (9 ≈ √80 features per node).
func BenchmarkFitForest(b *testing.B) {
	benchFit(b, 200_000, Fit, model.Config{MaxDepth: 12, MinLeaf: 20, Trees: 10, MaxFeatures: 9, Seed: 1})
}

// BenchmarkFitBoost trains DefaultBoostTrees boosted oblivious trees of
// depth 6, the default, on the synthetic rows.
func BenchmarkFitBoost(b *testing.B) {
	benchFit(b, 200_000, FitBoost, model.Config{})
}

// benchFit times fit with cfg on n synthetic rows of 80 features and
// reports rows/s and CPU seconds per fit.
func benchFit(b *testing.B, n int, fit fitFunc, cfg model.Config) {
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
				if err := NewGolearnCART(model.Config{MaxDepth: 12, Trees: 1}).Fit(g); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
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
