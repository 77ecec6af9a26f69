package model

import (
	"fmt"
	"testing"
)

// BenchmarkFit trains a single tree of depth 12 on synthetic rows with 80
// features, the shape of the real corpus (300-500k blocks).
func BenchmarkFit(b *testing.B) {
	for _, n := range []int{50_000, 200_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			s := synthSchema(80)
			X, y := synth(n, 80, 1, 0.1)
			b.ResetTimer()
			for b.Loop() {
				if _, err := Fit(s, X, y, Config{MaxDepth: 12, MinLeaf: 20}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
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
	var sink float64
	b.ResetTimer()
	i := 0
	for b.Loop() {
		sink += m.Predict(X[i])
		i++
		if i == len(X) {
			i = 0
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/block")
	_ = sink
}
