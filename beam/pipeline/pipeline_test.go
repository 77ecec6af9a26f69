package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/winnow-dev/winnow/warc"
)

// The tests run on prism, which refuses unregistered DoFns.
func TestMain(m *testing.M) { ptest.Main(m) }

// expected is what `winnow extract -format jsonl` writes for path: the
// lines of warc.Process.
func expected(t *testing.T, path string) []byte {
	t.Helper()
	r, err := warc.Open(path, warc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	x, err := warc.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if _, err := warc.Process(context.Background(), r, x, 2, func(l warc.Line) error { return enc.Encode(l) }, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// run runs the pipeline over the glob into out and gives its counters.
func run(t *testing.T, glob, out string) map[string]int64 {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	Build(s, glob, out, 2)
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatal(err)
	}
	counters := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		counters[c.Key.Name] += c.Result()
	}
	return counters
}

// checkOutputs checks that out holds one <name>.jsonl.gz per input with the
// lines winnow extract writes, and nothing else.
func checkOutputs(t *testing.T, inputs []string, out string) {
	t.Helper()
	var want []string
	for _, in := range inputs {
		name := OutputName(out, in)
		want = append(want, filepath.Base(name))
		if got, exp := gunzip(t, name), expected(t, in); !bytes.Equal(got, exp) {
			t.Errorf("%s: %d bytes of lines, want %d (the lines of winnow extract)", name, len(got), len(exp))
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	sort.Strings(want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("output folder holds %q, want %q (no temporary files)", got, want)
	}
}

// Three WARC files written here and one file that is not a WARC: one output
// per WARC, the counters summed over the files, the bad file counted.
func TestPipeline(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	var inputs []string
	for f := range 3 {
		var b bytes.Buffer
		w := warc.NewWriter(&b, f != 1)
		for i := range 4 + f {
			body := fmt.Sprintf("<html><head><title>Page %d.%d</title></head><body><nav><a href=/>Home</a></nav>"+
				"<article><h1>Story %d</h1><p>%s</p></article></body></html>", f, i, i,
				bytes.Repeat([]byte("A sentence of the story, long enough to be content. "), 5+i))
			if i == 2 {
				body = "<html><body></body></html>"
			}
			if err := w.WriteResponse(fmt.Sprintf("http://example.org/%d/%d", f, i), at, "", []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
		name := filepath.Join(in, fmt.Sprintf("crawl-%d.warc", f))
		if f != 1 {
			name += ".gz"
		}
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, name)
	}
	if err := os.WriteFile(filepath.Join(in, "notes.warc"), []byte("not a web archive\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	counters := run(t, filepath.Join(in, "*"), out)
	checkOutputs(t, inputs, out)
	want := map[string]int64{"records": 15, "pages": 15, "pages_empty": 3, "damaged_records": 0, "failed_files": 1}
	for k, v := range want {
		if counters[k] != v {
			t.Errorf("counter %s = %d, want %d (all: %v)", k, counters[k], v, counters)
		}
	}
}

// The real files of ../shared/warc (WINNOW_WARC, or WINNOW_DATA's sibling):
// the same lines as winnow extract, damaged records counted.
func TestPipelineRealFiles(t *testing.T) {
	dir := os.Getenv("WINNOW_WARC")
	if dir == "" {
		data := os.Getenv("WINNOW_DATA")
		if data == "" {
			t.Skip("neither WINNOW_WARC nor WINNOW_DATA is set: skipping the pipeline over the real WARC files (set WINNOW_WARC to ../shared/warc)")
		}
		dir = filepath.Join(filepath.Dir(filepath.Clean(data)), "warc")
	}
	inputs, err := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if err != nil || len(inputs) < 10 {
		t.Fatalf("WARC test files in %q: %d, %v", dir, len(inputs), err)
	}
	out := t.TempDir()
	counters := run(t, filepath.Join(dir, "*.warc.gz"), out)
	checkOutputs(t, inputs, out)
	if counters["damaged_records"] != 1 || counters["failed_files"] != 0 || counters["pages"] < 16 {
		t.Errorf("counters %v, want 1 damaged record (clipped.warc.gz), no failed file", counters)
	}
}
