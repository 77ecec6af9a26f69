package winnow

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/model"
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
// of attributes; each page decided as the page-type models take it (an
// article) and as a listing, whose records smoothing vectors are the
// larger.
//
//	go test . -run ExtractMemoryPerByte -v
func TestExtractMemoryPerByte(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's instrumentation allocates more than the bound is for; .ci/run checks it without")
	}
	x, err := New(WithTimeout(0), WithThreshold(0))
	if err != nil {
		t.Fatal(err)
	}
	types, err := DefaultPageTypes()
	if err != nil {
		t.Fatal(err)
	}
	listing := &model.Heads{Names: []string{"listing"}, Models: []*model.Model{types.Head("listing")}}
	xl, err := New(WithTimeout(0), WithThreshold(0), WithPageTypes(listing))
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
		for _, e := range []struct {
			as string
			x  *Extractor
		}{{"", x}, {"as a listing", xl}} {
			in := []byte(c.page)
			extract := func() {
				a, err := e.x.ExtractBytes(in)
				if err != nil {
					t.Fatalf("%s %s: %v", c.name, e.as, err)
				}
				if e.as != "" && a.PageType != "listing" {
					t.Fatalf("%s %s: page type %q", c.name, e.as, a.PageType)
				}
			}
			extract()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			extract()
			runtime.ReadMemStats(&after)
			total := float64(after.TotalAlloc - before.TotalAlloc)
			name := strings.TrimSpace(c.name + " " + e.as)
			t.Logf("%-33s %8d bytes: %6.1f MB allocated, %5.0f per input byte", name, len(in), total/(1<<20), total/float64(len(in)))
			if total > extractAllocBase+extractAllocPerByte*float64(len(in)) {
				t.Errorf("%s: %.0f bytes allocated for %d bytes, more than %d + %d per byte", name, total, len(in), extractAllocBase, extractAllocPerByte)
			}
		}
	}
}
