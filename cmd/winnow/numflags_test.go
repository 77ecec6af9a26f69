package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestNumericFlagsChecked checks that a number a flag cannot mean (NaN,
// an infinity, a value out of the flag's range) is a usage error naming
// the flag, given before any data is read: -data (and tree's -model)
// names a file that does not exist, so an error about it would show that
// it was read first.
func TestNumericFlagsChecked(t *testing.T) {
	page := writeFile(t, "page.html", seedPage(t))
	noData := filepath.Join(t.TempDir(), "nodata")
	out := filepath.Join(t.TempDir(), "m.json")
	train := func(args ...string) []string {
		return append([]string{"train", "-data", noData, "-o", out}, args...)
	}
	for _, tc := range []struct {
		args []string
		want string // in the error line
	}{
		{[]string{"extract", "-threshold", "NaN", page}, "-threshold"},
		{[]string{"extract", "-threshold", "+Inf", page}, "-threshold"},
		{[]string{"extract", "-threshold", "1.5", page}, "-threshold"},
		{[]string{"extract", "-threshold", "-0.1", page}, "-threshold"},
		{[]string{"eval", "-data", noData, "-threshold", "NaN"}, "-threshold"},
		{[]string{"data", "stats", "-data", noData, "-align-threshold", "NaN"}, "-align-threshold"},
		{[]string{"data", "stats", "-data", noData, "-align-threshold", "2"}, "-align-threshold"},
		{[]string{"data", "export", "-data", noData, "-o", out, "-test-frac", "NaN"}, "-test-frac"},
		{train("-test-frac", "NaN"), "-test-frac"},
		{train("-test-frac", "-0.5"), "-test-frac"},
		{train("-test-frac", "1"), "nothing to train on"},
		{train("-learning-rate", "NaN"), "-learning-rate"},
		{train("-learning-rate", "2"), "-learning-rate"},
		{train("-learning-rate", "-0.1"), "-learning-rate"},
		{train("-tree-depth", "99"), "depth"},
		{train("-trainer", "cart", "-tree-depth", "-3"), "depth"},
		{train("-blend-depths", "6,x"), "-blend-depths"},
		{train("-blend-depths", "6,12"), "depth"},
		{train("-trainer", "cart", "-blend-depths", "6,8"), "-blend-depths"},
		{train("-trees", "-1"), "trees"},
		{train("-trees", "5000"), "trees"},
		{train("-min-leaf", "-2"), "leaf"},
		{train("-trainer", "cart", "-max-features", "-1"), "features"},
		{train("-trainer", "golearn-cart", "-trees", "3"), "single tree"},
		{train("-max-rows", "-5"), "-max-rows"},
		{[]string{"eval", "-data", noData, "-cv", "3", "-learning-rate", "NaN"}, "-learning-rate"},
		{[]string{"eval", "-data", noData, "-cv", "3", "-trees", "-4"}, "trees"},
		{[]string{"tree", "-model", noData, "-top", "-1"}, "-top"},
		{[]string{"tree", "-model", noData, "-depth", "-2"}, "-depth"},
		{[]string{"tree", "-model", noData, "-format", "png"}, "-format"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, errOut := runWinnow(t, "", tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (a usage error); stderr:\n%s", code, errOut)
			}
			if first, _, _ := strings.Cut(errOut, "\n"); !strings.Contains(first, tc.want) {
				t.Errorf("error %q does not mention %q", first, tc.want)
			}
		})
	}
}

// TestTrainMaxRows checks that -max-rows is the number of rows trained on
// (not whole pages until the cap is passed), and that -test-frac 1 is
// refused as leaving nothing to train on.
func TestTrainMaxRows(t *testing.T) {
	const data = "../../testdata/dataset"
	for _, n := range []int{20, 50} { // of the sample's 63
		out := filepath.Join(t.TempDir(), "model.json")
		code, stdout, errOut := runWinnow(t, "", "train", "-data", data, "-sets", "wcxb", "-test-frac", "0",
			"-roles", "-", "-trees", "2", "-o", out, "-max-rows", strconv.Itoa(n))
		if code != 0 {
			t.Fatalf("-max-rows %d: exit %d: %s", n, code, errOut)
		}
		if want := regexp.MustCompile(`training blocks +` + strconv.Itoa(n) + ` from`); !want.MatchString(stdout) {
			t.Errorf("-max-rows %d: the report does not say %d training blocks:\n%s", n, n, stdout)
		}
	}
}
