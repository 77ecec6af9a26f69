package winnow

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// Extract allocates at most extractAllocBase + extractAllocPerByte × n
// bytes for a page of n bytes over the worst cases below, as
// docs/limits.md states it.
const (
	extractAllocBase    = 16 << 20
	extractAllocPerByte = 600
)

// TestExtractMemoryPerByte: the whole pipeline costs memory in proportion
// to the page, within the default limits, on pages built to cost the
// most per byte: short blocks (a block costs the same at any depth), table
// cells, many formatting elements reopened by the parser, and long runs
// of attributes.
//
//	go test . -run ExtractMemoryPerByte -v
func TestExtractMemoryPerByte(t *testing.T) {
	x, err := New(WithTimeout(0), WithThreshold(0))
	if err != nil {
		t.Fatal(err)
	}
	var reopened, attrs strings.Builder
	reopened.WriteString("<html><body><div><b id=1><b id=2></div>")
	reopened.WriteString(strings.Repeat("<div>x</div>", 25_000))
	attrs.WriteString("<p")
	for i := range 20_000 {
		fmt.Fprintf(&attrs, " a%d", i)
	}
	attrs.WriteString(">x</p>")
	cases := []struct{ name, page string }{
		{"dense blocks", strings.Repeat("<p>x", 50_000)},
		{"table cells", "<table>" + strings.Repeat("<td>x", 50_000)},
		{"deep then wide", "<html><body>" + strings.Repeat("<div>", 505) + strings.Repeat("<p>x</p>", 50_000)},
		{"reopened formatting", reopened.String()},
		{"attributes", strings.Repeat(attrs.String(), 10)},
	}
	for _, c := range cases {
		in := []byte(c.page)
		extract := func() {
			if _, err := x.ExtractBytes(in); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
		}
		extract()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		extract()
		runtime.ReadMemStats(&after)
		total := float64(after.TotalAlloc - before.TotalAlloc)
		t.Logf("%-20s %8d bytes: %6.1f MB allocated, %5.0f per input byte", c.name, len(in), total/(1<<20), total/float64(len(in)))
		if total > extractAllocBase+extractAllocPerByte*float64(len(in)) {
			t.Errorf("%s: %.0f bytes allocated for %d bytes, more than %d + %d per byte", c.name, total, len(in), extractAllocBase, extractAllocPerByte)
		}
	}
}
