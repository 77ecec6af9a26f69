package page

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// allocPerByte is the number of bytes parse allocates per byte of in,
// measured once the pools are warm. Tests using it must not run in
// parallel: the count is the process's.
func allocPerByte(t *testing.T, in []byte, parse func([]byte)) float64 {
	t.Helper()
	parse(in)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	parse(in)
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc-before.TotalAlloc) / float64(len(in))
}

// deepThenWide is a page whose text sits in n short blocks, each its own
// element, below depth nested divs.
func deepThenWide(depth, n int) []byte {
	return []byte("<html><body>" + strings.Repeat("<div>", depth) + strings.Repeat("<p>x</p>", n))
}

// TestMemoryPerBlockIndependentOfDepth: a block costs the same memory at
// any depth, so that a page within the limits cannot make Parse allocate
// depth × blocks (505 nested divs, then short blocks, cost 2.9 GB for
// 1.7 MB when every block carried its own tag path and ancestor list).
func TestMemoryPerBlockIndependentOfDepth(t *testing.T) {
	parse := func(in []byte) {
		if _, err := ParseBytes(in, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	shallow := allocPerByte(t, deepThenWide(5, 20_000), parse)
	deep := allocPerByte(t, deepThenWide(505, 20_000), parse)
	t.Logf("bytes allocated per input byte: %.0f at depth 5, %.0f at depth 505", shallow, deep)
	// The deep page has 2 KB more markup than the shallow one (under 2%
	// of it) and must cost about as much per byte.
	if deep > 1.1*shallow {
		t.Errorf("deep page: %.0f bytes allocated per input byte, shallow page %.0f", deep, shallow)
	}
}

// TestMemoryPerBlockIndependentOfClasses: neither does a block cost
// memory in proportion to the class tokens of its ancestors.
func TestMemoryPerBlockIndependentOfClasses(t *testing.T) {
	parse := func(in []byte) {
		if _, err := ParseBytes(in, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	page := func(tokens int) []byte {
		var b strings.Builder
		b.WriteString(`<html><body><div class="`)
		for i := range tokens {
			fmt.Fprintf(&b, "c%d ", i)
		}
		b.WriteString(`">`)
		// Siblings alternate classes, so no two neighbours share a class list.
		for range 10_000 {
			b.WriteString(`<p class=a>x</p><p class=b>x</p>`)
		}
		return []byte(b.String())
	}
	few := allocPerByte(t, page(1), parse)
	many := allocPerByte(t, page(1000), parse)
	t.Logf("bytes allocated per input byte: %.0f with 1 class token above, %.0f with 1000", few, many)
	if many > 1.1*few {
		t.Errorf("1000 class tokens above: %.0f bytes allocated per input byte, 1 token: %.0f", many, few)
	}
}
