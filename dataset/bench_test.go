package dataset

import (
	"flag"
	"fmt"
	"testing"
	"time"
)

var grid = flag.Bool("grid", false, "with WINNOW_DATA: print the alignment agreement for a grid of thresholds and rules")

// TestAlignmentGrid prints how alignment agrees with the block-labelled
// sets' true labels over thresholds, minimum common runs and passes: the
// measurement DefaultThreshold and minRun were chosen by. Run it with
//
//	WINNOW_DATA=../../shared/data go test -run AlignmentGrid -grid -v ./dataset
func TestAlignmentGrid(t *testing.T) {
	if !*grid {
		t.Skip("run with -grid to measure alignment over a grid of settings")
	}
	dir := dataDir(t)
	c, err := Load(dir, Options{Sets: []string{SetL3S, SetCleanEval, SetVictor}})
	if err != nil {
		t.Fatal(err)
	}
	sets := []string{SetL3S, SetCleanEval, SetVictor}
	t.Logf("%-4s %-6s %-4s  %-20s  %-20s  %-20s  %s", "run", "passes", "th", sets[0]+" P/R/F1", sets[1]+" P/R/F1", sets[2]+" P/R/F1", "pooled F1")
	for _, run := range []int{1, 2, 3} {
		for _, passes := range []int{1, 2} {
			for _, th := range []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9} {
				by := map[string]*Agreement{}
				var pool Agreement
				for _, s := range sets {
					by[s] = &Agreement{}
				}
				for _, p := range c.Pages {
					if p.Gold == "" {
						continue
					}
					got := alignWith(p.Page.Blocks, p.Gold, th, alignParams{minRun: run, passes: passes})
					by[p.Set].Add(p.Labels, got)
					pool.Add(p.Labels, got)
				}
				line := fmt.Sprintf("%-4d %-6d %-4.1f", run, passes, th)
				for _, s := range sets {
					a := by[s]
					line += fmt.Sprintf("  %.3f/%.3f/%.3f   ", a.Precision(), a.Recall(), a.F1())
				}
				t.Logf("%s  %.4f", line, pool.F1())
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
