package model_test

import (
	"fmt"
	"testing"

	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

// The prediction benchmarks time models the trainers grow, so they live
// in the external test package, which may import model/train.

// BenchmarkPredict times one block through a depth-12 tree.
func BenchmarkPredict(b *testing.B) {
	s := model.SynthSchema(80)
	X, y := model.Synth(100_000, 80, 1, 0.1)
	m, err := train.Fit(s, X, y, model.Config{MaxDepth: 12, MinLeaf: 5, Trees: 1})
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
		m, err := train.Fit(s, X, y, model.Config{Trees: trees, MaxDepth: 14, MinLeaf: 2, MaxFeatures: 9, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("trees=%d", trees), func(b *testing.B) { benchPredictions(b, m, flat, nf) })
	}
}

// BenchmarkPredictBoost times boosted models of 25 and 40 oblivious trees
// of depth 6, of 40 of depth 8, and blends of 40 trees per depth (6 and 8,
// winnow train's content model; 6, 7 and 8), as BenchmarkPredictForest
// times forests.
func BenchmarkPredictBoost(b *testing.B) {
	const nf = 80
	s, X, y, flat := predictRows(nf)
	for _, c := range []struct {
		trees, depth int
		blend        []int
	}{{25, 6, nil}, {40, 6, nil}, {40, 8, nil}, {40, 0, []int{6, 8}}, {40, 0, []int{6, 7, 8}}} {
		m, err := train.FitBoost(s, X, y, model.Config{Trees: c.trees, MaxDepth: c.depth, MinLeaf: 1, BlendDepths: c.blend})
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("trees=%d/depth=%d", c.trees, c.depth)
		if c.blend != nil {
			name = fmt.Sprintf("trees=%d/blend=%v", c.trees, c.blend)
		}
		b.Run(name, func(b *testing.B) { benchPredictions(b, m, flat, nf) })
	}
}

// predictRows returns 40,000 synthetic training rows of nf features and
// their first 4096 vectors one after the other, the vectors the prediction
// benchmarks cycle over.
func predictRows(nf int) (model.Schema, [][]float64, []model.Label, []float64) {
	const rows = 4096
	X, y := model.Synth(40_000, nf, 1, 0.2)
	flat := make([]float64, 0, rows*nf)
	for _, x := range X[:rows] {
		flat = append(flat, x...)
	}
	return model.SynthSchema(nf), X, y, flat
}

// benchPredictions times m on the vectors of flat (nf values each, a power
// of two of them) one at a time (Predict) and in batches of 64
// (PredictBatch, as Extract classifies a page), in ns per block.
func benchPredictions(b *testing.B, m *model.Model, flat []float64, nf int) {
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
