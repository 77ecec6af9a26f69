package batch

import (
	"context"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
)

// TestRun checks that the results come in input order whatever the
// workers, a missing file as a failed result, and the summary's counts.
func TestRun(t *testing.T) {
	x, err := winnow.New()
	if err != nil {
		t.Fatal(err)
	}
	seed := "../../testdata/seed/news.html"
	inputs := []string{seed, "missing.html", seed, seed}
	for _, jobs := range []int{1, 3} {
		var got []Result
		var sum Summary
		var progress strings.Builder
		c := Config{Jobs: jobs, Progress: &progress, Page: page.Options{MaxBytes: page.DefaultMaxBytes, MaxBlocks: page.DefaultMaxBlocks, MaxDepth: page.DefaultMaxDepth}}
		Run(context.Background(), x, inputs, c, func(r Result) {
			sum.Add(r)
			got = append(got, r)
		})
		if len(got) != len(inputs) {
			t.Fatalf("jobs %d: %d results, want %d", jobs, len(got), len(inputs))
		}
		for i, r := range got {
			if r.Name != inputs[i] {
				t.Errorf("jobs %d: result %d is %q, want %q", jobs, i, r.Name, inputs[i])
			}
			if failed := i == 1; failed != (r.Err != nil && r.Article == nil) {
				t.Errorf("jobs %d: %s: article %v, error %v", jobs, r.Name, r.Article != nil, r.Err)
			}
		}
		if sum != (Summary{OK: 3, Failed: 1}) {
			t.Errorf("jobs %d: summary %+v", jobs, sum)
		}
		var sb strings.Builder
		sum.Print(&sb, 5)
		if want := "winnow extract: 5 pages: 3 extracted, 0 without main content, 1 failed, 1 not reached\n"; sb.String() != want {
			t.Errorf("Print = %q, want %q", sb.String(), want)
		}
	}
}

// TestRunCancelled checks that a cancelled run hands on nothing.
func TestRunCancelled(t *testing.T) {
	x, err := winnow.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := 0
	Run(ctx, x, []string{"a.html", "b.html"}, Config{Jobs: 2, Progress: &strings.Builder{}}, func(Result) { n++ })
	if n != 0 {
		t.Errorf("%d results after cancel, want 0", n)
	}
}
