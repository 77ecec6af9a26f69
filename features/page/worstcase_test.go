package page

import (
	"fmt"
	"strings"
	"testing"
)

// Parse allocates at most maxAllocBase + maxAllocPerByte × n bytes for a
// page of n bytes over the worst cases of worstCases, as docs/limits.md
// states it. maxAllocBase covers the tree that MinNodeBudget allows a
// small page.
const (
	maxAllocBase    = 16 << 20
	maxAllocPerByte = 400
)

// worstCases are pages built to cost Parse the most memory per input
// byte, each within the default limits.
func worstCases() []struct{ name, page string } {
	reopened := func(open, repeats int) string {
		var b strings.Builder
		b.WriteString("<html><body><div>")
		for i := range open {
			fmt.Fprintf(&b, "<b id=%d>", i)
		}
		b.WriteString("</div>" + strings.Repeat("<div>x</div>", repeats))
		return b.String()
	}
	var attrs strings.Builder
	attrs.WriteString("<p")
	for i := range 20_000 {
		fmt.Fprintf(&attrs, " a%d", i)
	}
	attrs.WriteString(">x</p>")
	return []struct{ name, page string }{
		{"dense blocks", strings.Repeat("<p>x", 50_000)},
		{"closed blocks", strings.Repeat("<p>x</p>", 50_000)},
		{"empty elements", strings.Repeat("<i></i>", 70_000)},
		{"table cells", "<table>" + strings.Repeat("<td>x", 50_000)},
		{"deep then wide", string(deepThenWide(505, 50_000))},
		{"reopened formatting", reopened(2, 25_000)},
		{"reopened, small page", reopened(100, 120)},
		{"attributes", strings.Repeat(attrs.String(), 10)},
		{"entities", "<p>" + strings.Repeat("&lt;&gt;&amp;", 25_000)},
		{"text", "<p>" + strings.Repeat("word ", 100_000)},
	}
}

// TestMemoryPerByteWorstCases: Parse allocates at most maxAllocBase +
// maxAllocPerByte × n bytes for each worst case of n bytes, within the
// default limits.
//
//	go test ./features/page -run MemoryPerByteWorstCases -v
func TestMemoryPerByteWorstCases(t *testing.T) {
	for _, c := range worstCases() {
		in := []byte(c.page)
		var err error
		perByte := allocPerByte(t, in, func(b []byte) { _, err = ParseBytes(b, Options{}) })
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		total := perByte * float64(len(in))
		t.Logf("%-21s %8d bytes: %6.1f MB allocated, %5.0f per input byte", c.name, len(in), total/(1<<20), perByte)
		if total > maxAllocBase+maxAllocPerByte*float64(len(in)) {
			t.Errorf("%s: %.0f bytes allocated for %d bytes, more than %d + %d per byte", c.name, total, len(in), maxAllocBase, maxAllocPerByte)
		}
	}
}
