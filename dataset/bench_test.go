package dataset

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkAlignmentGrid measures how alignment agrees with the
// block-labelled sets' true labels over thresholds, minimum common runs and
// passes: the measurement DefaultThreshold and minRun were chosen by. Each
// setting is a sub-benchmark that reports the block F1 (content positive,
// Unknown on either side left out) per set and pooled. Run it with
//
//	WINNOW_DATA=/path/to/data go test -run '^$' -bench AlignmentGrid -benchtime 1x ./dataset
//
// and filter settings with the sub-benchmark names, e.g.
// -bench 'AlignmentGrid/run=2/passes=2'.
func BenchmarkAlignmentGrid(b *testing.B) {
	dir := dataDir(b)
	sets := []string{SetL3S, SetCleanEval, SetVictor}
	c, err := Load(dir, Options{Sets: sets})
	if err != nil {
		b.Fatal(err)
	}
	for _, run := range []int{1, 2, 3} {
		for _, passes := range []int{1, 2} {
			for _, th := range []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9} {
				b.Run(fmt.Sprintf("run=%d/passes=%d/th=%.1f", run, passes, th), func(b *testing.B) {
					// tp, fp, fn per set; the pool is their sum.
					var counts map[string]*[3]int
					for b.Loop() {
						counts = map[string]*[3]int{}
						for _, s := range sets {
							counts[s] = &[3]int{}
						}
						for _, p := range c.Pages {
							if p.Gold == "" {
								continue
							}
							got := alignWith(p.Page.Blocks, p.Gold, th, alignParams{minRun: run, passes: passes})
							n := counts[p.Set]
							for i, truth := range p.Labels {
								switch {
								case truth == Unknown || got[i] == Unknown:
								case truth == Content && got[i] == Content:
									n[0]++
								case got[i] == Content:
									n[1]++
								case truth == Content:
									n[2]++
								}
							}
						}
					}
					// F1 = 2tp / (2tp + fp + fn): precision and recall are not
					// needed to rank the settings.
					f1 := func(n [3]int) float64 { return 2 * float64(n[0]) / float64(2*n[0]+n[1]+n[2]) }
					var pool [3]int
					for _, s := range sets {
						n := *counts[s]
						b.ReportMetric(f1(n), s+"-F1")
						for k := range pool {
							pool[k] += n[k]
						}
					}
					b.ReportMetric(f1(pool), "pooled-F1")
				})
			}
		}
	}
}

func BenchmarkAlign(b *testing.B) {
	blocks, gold := syntheticPage(600)
	b.ReportAllocs()
	for b.Loop() {
		Align(blocks, gold, 0)
	}
}

// BenchmarkAlignReal aligns CleanEval's gold text to its pages.
func BenchmarkAlignReal(b *testing.B) {
	dir := dataDir(b)
	c, err := Load(dir, Options{Sets: []string{SetCleanEval}})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range c.Pages {
			Align(p.Page.Blocks, p.Gold, 0)
		}
	}
	b.ReportMetric(float64(len(c.Pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}

func BenchmarkLoadSample(b *testing.B) {
	n := 0
	for b.Loop() {
		c, err := Load(sampleDir, Options{Sets: []string{SetWCXB, SetReadability}})
		if err != nil {
			b.Fatal(err)
		}
		n += len(c.Pages)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkLoadAll loads, segments and aligns every set.
func BenchmarkLoadAll(b *testing.B) {
	dir := dataDir(b)
	n := 0
	start := time.Now()
	for b.Loop() {
		c, err := Load(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n += len(c.Pages) + len(c.Skipped)
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "pages/s")
}
