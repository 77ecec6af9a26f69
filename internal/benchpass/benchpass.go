// Package benchpass times a function over a page set, one pass over the
// set per benchmark op, and reports the per-page rates that the root,
// features and bench/peers benchmarks all report.
package benchpass

import (
	"runtime"
	"testing"

	"github.com/winnow-dev/winnow/internal/cputime"
)

// Run calls fn(i) for every page i in [0, n), in order, once per op of b.
// total is the pages' raw size in bytes, for MB/s. Besides -benchmem's
// per-pass numbers it reports pages/s of wall-clock time, cpu-pages/s
// (pages per second of process CPU time, the collector included: steadier
// than wall time on a busy or drifting machine; left out where the CPU
// time cannot be read), and allocs/page and B/page from runtime.MemStats
// around the loop.
func Run(b *testing.B, n int, total int64, fn func(i int)) {
	b.Helper()
	b.SetBytes(total)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	cpu0 := cputime.Used()
	for b.Loop() {
		for i := range n {
			fn(i)
		}
	}
	cpu1 := cputime.Used()
	runtime.ReadMemStats(&after)
	pages := float64(b.N) * float64(n)
	b.ReportMetric(pages/b.Elapsed().Seconds(), "pages/s")
	if cpu0 > 0 && cpu1 > cpu0 {
		b.ReportMetric(pages/(cpu1-cpu0).Seconds(), "cpu-pages/s")
	}
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/pages, "allocs/page")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/pages, "B/page")
}
