package winnow

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestSharedModelConcurrent shares one loaded model between extractors with
// different options and runs them from many goroutines at once (run with
// -race): every result equals the one computed alone.
func TestSharedModelConcurrent(t *testing.T) {
	m, err := LoadModel(bytes.NewReader(defaultModelFile))
	if err != nil {
		t.Fatal(err)
	}
	var xs []*Extractor
	for _, opts := range [][]Option{
		{WithModel(m)},
		{WithModel(m), WithThreshold(0.3), WithExplanations(true)},
		{WithModel(m), WithSmoothing(false), WithMaxDepth(100)},
	} {
		x, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x)
	}
	paths, _ := filepath.Glob("testdata/pages/*/page.html")
	paths = append(paths, "testdata/seed/news.html")
	var pages [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, b)
	}
	// want[i][j] is extractor i on page j, computed alone.
	want := make([][]string, len(xs))
	for i, x := range xs {
		for _, b := range pages {
			a, err := x.ExtractBytes(b)
			want[i] = append(want[i], outcome(a, err))
		}
	}
	const goroutines, rounds = 6, 1
	var wg sync.WaitGroup
	errs := make(chan string, goroutines*rounds*len(xs)*len(pages))
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				for k := range len(xs) * len(pages) {
					// Each goroutine walks the work in its own order.
					k = (k + g*7 + r) % (len(xs) * len(pages))
					i, j := k/len(pages), k%len(pages)
					a, err := xs[i].ExtractContext(context.Background(), bytes.NewReader(pages[j]))
					if got := outcome(a, err); got != want[i][j] {
						errs <- paths[j]
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for p := range errs {
		t.Errorf("%s: concurrent result differs from the one computed alone", p)
	}
}

// outcome summarises an extraction for comparison.
func outcome(a *Article, err error) string {
	s := ""
	if err != nil {
		s = "error: " + err.Error() + "\n"
	}
	if a != nil {
		s += a.Title + "\n" + a.Text
		for _, b := range a.Blocks {
			s += "\n" + b.Text
			for _, st := range b.Path {
				s += " " + st.Name
			}
		}
	}
	return s
}
