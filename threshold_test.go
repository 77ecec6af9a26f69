package winnow

import (
	"math"
	"slices"
	"testing"
)

// TestThresholdChecked checks that New refuses a threshold that is not a
// probability, NaN included (every comparison with NaN is false, so a NaN
// threshold would keep no block and report no error).
func TestThresholdChecked(t *testing.T) {
	for _, th := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -0.1, 1.1} {
		if _, err := New(WithThreshold(th)); err == nil {
			t.Errorf("WithThreshold(%v): no error", th)
		}
	}
	for _, th := range []float64{0, DefaultThreshold, 1} {
		if _, err := New(WithThreshold(th)); err != nil {
			t.Errorf("WithThreshold(%v): %v", th, err)
		}
	}
}

// TestTypeThreshold checks the threshold by page type: scaled on the
// listed types unless WithTypeThresholds(false), as given elsewhere, and
// never above the configured threshold.
func TestTypeThreshold(t *testing.T) {
	on, err := New(WithThreshold(0.5))
	if err != nil {
		t.Fatal(err)
	}
	off, err := New(WithThreshold(0.5), WithTypeThresholds(false))
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range append(PageTypes(), "") {
		got, fixed := on.threshold(typ), off.threshold(typ)
		if fixed != 0.5 {
			t.Errorf("WithTypeThresholds(false): threshold(%q) = %v, want 0.5", typ, fixed)
		}
		want := 0.5
		if f, ok := typeThresholdScale[typ]; ok {
			want = 0.5 * f
		}
		if got != want || got > 0.5 {
			t.Errorf("threshold(%q) = %v, want %v", typ, got, want)
		}
	}
	if on.threshold("listing") >= 0.5 {
		t.Errorf("listing pages keep the threshold as given")
	}
	// At the default threshold no page type goes below partFloor, under
	// which a kept block would be read as body without the byline and
	// caption heads being asked.
	for typ, f := range typeThresholdScale {
		if !slices.Contains(PageTypes(), typ) {
			t.Errorf("typeThresholdScale names %q, not a page type", typ)
		}
		if DefaultThreshold*f < partFloor {
			t.Errorf("%s: default threshold scaled to %v, below partFloor %v", typ, DefaultThreshold*f, partFloor)
		}
	}
}
