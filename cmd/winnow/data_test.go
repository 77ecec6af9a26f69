package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleData is the dataset package's sample of the shared sets (WCXB and
// Readability pages), read as a data directory; the other sets are absent,
// so commands name the sets.
const sampleData = "../../testdata/dataset"

func TestDataStats(t *testing.T) {
	code, out, errOut := runWinnow(t, "", "data", "stats", "-data", sampleData, "-sets", "wcxb,readability")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"SET", "wcxb ", "readability (regression only)", "CONTENT: share of labelled blocks", "Gold text covered by the labelled blocks", "BY CHARACTERS: gold pages"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lack %q:\n%s", want, out)
		}
	}
}

func TestDataExport(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "t.csv")
	code, _, errOut := runWinnow(t, "", "data", "export", "-data", sampleData, "-sets", "wcxb", "-o", csvPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	for _, r := range recs[1:] {
		if r[0] != "wcxb" {
			t.Fatalf("row of set %q, want only wcxb", r[0])
		}
	}
	if !strings.Contains(errOut, fmt.Sprintf("wrote %d blocks of 3 pages", len(recs)-1)) {
		t.Errorf("stderr %q does not give the rows written", errOut)
	}
	if fi, err := os.Stat(csvPath); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v (%v), want 0644", fi.Mode(), err)
	}
	if code, _, errOut := runWinnow(t, "", "data", "export", "-data", sampleData, "-sets", "wcxb", "-o", csvPath); code != 1 || !strings.Contains(errOut, "exists") {
		t.Errorf("existing file without -force: exit %d, %q", code, errOut)
	}
	arff := filepath.Join(dir, "t.arff")
	if code, _, errOut := runWinnow(t, "", "data", "export", "-data", sampleData, "-sets", "readability", "-format", "arff", "-o", arff); code != 0 {
		t.Fatalf("named regression set as ARFF: exit %d: %s", code, errOut)
	}
	if b, err := os.ReadFile(arff); err != nil || !strings.Contains(string(b), "@attribute set {readability}") {
		t.Errorf("ARFF of the named regression set: %v\n%.300s", err, b)
	}
}

func TestDataUsage(t *testing.T) {
	for _, args := range [][]string{
		{"data"},
		{"data", "nosuch"},
		{"data", "stats", "-data", sampleData, "-sets", "nosuch"},
		{"data", "stats", "-data", sampleData, "extra"},
		{"data", "export", "-data", sampleData},
		{"data", "export", "-data", sampleData, "-o", "x", "-format", "xml"},
		{"data", "export", "-data", sampleData, "-o", "x", "-split", "dev"},
		{"data", "stats"},
	} {
		if code, _, _ := runWinnow(t, "", args...); code != 2 {
			t.Errorf("winnow %s: exit %d, want 2 (usage)", strings.Join(args, " "), code)
		}
	}
}
