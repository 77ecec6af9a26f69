package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAgainst reads a -pages file and lists the pages that moved, losses
// first, with the counts per contender.
func TestAgainst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.tsv")
	old := pagesHeader + "\n" +
		"readability\t\tlifehacker\ts\twinnow\t0.9961\t1\t0\t0\tfalse\n" +
		"dragnet\tarticle\tR532\ts\twinnow\t0.7962\t1\t0\t0\tfalse\n" +
		"dragnet\tarticle\t60\ts\twinnow\t0.9000\t1\t0\t0\tfalse\n" +
		"dragnet\tarticle\t61\ts\twinnow\tNaN\t0\t0\t0\ttrue\n" +
		"dragnet\tarticle\t60\ts\treadability\t0.5000\t1\t0\t0\tfalse\n"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := readPageF1s(path)
	if err != nil {
		t.Fatal(err)
	}
	after := pageF1s{
		{"winnow", "readability/lifehacker"}: 0.0954,
		{"winnow", "dragnet/R532"}:           0.9130,
		{"winnow", "dragnet/60"}:             0.9200, // within 0.05
		{"winnow", "dragnet/61"}:             0.5,    // undefined before
		{"winnow", "dragnet/62"}:             0.5,    // not in the earlier run
		{"readability", "dragnet/60"}:        math.NaN(),
	}
	var out bytes.Buffer
	writeMoved(&out, path, before, after, 0.05)
	got := out.String()
	loss := strings.Index(got, "| winnow | readability/lifehacker | 0.996 | 0.095 | -0.901 |")
	gain := strings.Index(got, "| winnow | dragnet/R532 | 0.796 | 0.913 | +0.117 |")
	if loss < 0 || gain < 0 || loss > gain {
		t.Errorf("want the loss listed, then the gain:\n%s", got)
	}
	for _, s := range []string{"dragnet/60 ", "dragnet/61", "dragnet/62"} {
		if strings.Contains(got, s) {
			t.Errorf("%s listed:\n%s", s, got)
		}
	}
	if !strings.Contains(got, "winnow: 1 pages up, 1 down, 1 within 0.05\n") || !strings.Contains(got, "readability: 0 pages up, 0 down, 0 within 0.05\n") {
		t.Errorf("counts wrong:\n%s", got)
	}

	if err := os.WriteFile(path, []byte("not a pages file\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readPageF1s(path); err == nil || !strings.Contains(err.Error(), "not a -pages file") {
		t.Errorf("a file that is not a -pages file: %v", err)
	}
}
