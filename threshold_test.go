package winnow

import (
	"math"
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
