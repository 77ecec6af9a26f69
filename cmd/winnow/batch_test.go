package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/internal/articleout"
)

// batchDir makes a folder of pages, some good and some bad, and returns it
// with the good and bad page paths.
func batchDir(t *testing.T) (dir string, good, bad []string) {
	t.Helper()
	dir = t.TempDir()
	seed := seedPage(t)
	pages := map[string][]byte{
		"a-good.html":           seed,
		"b-empty.html":          nil,
		"c-good.htm":            bytes.Replace(seed, []byte("<title>"), []byte("<title>Copy: "), 1),
		"d-image.html":          []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		"e-deep.html":           []byte(strings.Repeat("<div>", 1000)),
		"sub/f-good.html":       seed,
		"sub/g-not-gzip.htm.gz": seed,
	}
	for name, b := range pages {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(name, "good") {
			good = append(good, p)
		} else {
			bad = append(bad, p)
		}
	}
	slices.Sort(good)
	slices.Sort(bad)
	return dir, good, bad
}

// TestBatchSomeFail extracts a folder where some pages fail: the good ones
// come out, in order, each failure is named on stderr, and the exit code is 1.
func TestBatchSomeFail(t *testing.T) {
	dir, good, bad := batchDir(t)
	for _, jobs := range []string{"1", "4"} {
		t.Run("-j"+jobs, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.jsonl")
			code, stdout, stderr := runWinnow(t, "", "extract", "-j", jobs, "-format", "jsonl", dir)
			code2, _, _ := runWinnow(t, "", "extract", "-j", jobs, "-format", "jsonl", "-o", out, dir)
			if code != 1 || code2 != 1 {
				t.Fatalf("exit %d and %d with -o, want 1\nstderr: %s", code, code2, stderr)
			}
			// Every page has its line, in input order: the good ones with
			// the story, the bad ones with status "error" and the error.
			var got, failed []string
			sc := bufio.NewScanner(strings.NewReader(stdout))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var a articleout.JSON
				if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
					t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
				}
				switch a.Status {
				case articleout.StatusOK:
					if !strings.Contains(a.Text, seedStory) {
						t.Errorf("%s: the story is missing", a.Source)
					}
					got = append(got, a.Source)
				case articleout.StatusError:
					if !strings.HasPrefix(a.Error, a.Source+": ") || a.Text != "" {
						t.Errorf("%s: failed page's line %q does not name it or has text", a.Source, sc.Text())
					}
					failed = append(failed, a.Source)
				default:
					t.Errorf("%s: status %q", a.Source, a.Status)
				}
			}
			if !slices.Equal(got, good) || !slices.Equal(failed, bad) {
				t.Errorf("pages out = %q and failed %q, want the good ones in order %q and the bad ones %q", got, failed, good, bad)
			}
			for _, p := range bad {
				if !strings.Contains(stderr, "winnow extract: "+p+": ") || strings.Contains(stderr, p+": "+p) {
					t.Errorf("stderr does not name %s once:\n%s", p, stderr)
				}
			}
			if want := "7 pages: 3 extracted, 0 without main content, 4 failed\n"; !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
			// With -o the good pages are written, the same as to stdout.
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("-o with some failures: %v", err)
			}
			if string(b) != stdout {
				t.Errorf("-o file differs from stdout")
			}
		})
	}
}

// TestBatchInterrupted runs a batch with a context already cancelled, as
// after Ctrl-C: no output file is created, none is left half-written or as
// a temporary file, and an existing file is untouched.
func TestBatchInterrupted(t *testing.T) {
	dir, _, _ := batchDir(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	runCtx := func(args ...string) (int, string) {
		var out, errOut bytes.Buffer
		e := &env{stdout: &out, stderr: &errOut, stdin: strings.NewReader(""), getenv: func(string) string { return "" }}
		return run(ctx, e, args), errOut.String()
	}
	tests := []struct {
		name, reason string
		existing     []byte // nil: no file before the run
		force        bool
	}{
		{"new file", "an interrupted run creates no output", nil, false},
		{"existing file", "an interrupted run leaves the old output as it was", []byte("old output\n"), false},
		{"existing file, -force", "even with -force the old output survives an interrupted run", []byte("old output\n"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outDir := t.TempDir()
			out := filepath.Join(outDir, "out.jsonl")
			if tt.existing != nil {
				if err := os.WriteFile(out, tt.existing, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := []string{"extract", "-format", "jsonl", "-o", out}
			if tt.force {
				args = append(args, "-force")
			}
			code, stderr := runCtx(append(args, dir)...)
			if code == 0 {
				t.Errorf("exit 0 after an interrupt: %s", tt.reason)
			}
			if tt.existing != nil && !tt.force && !strings.Contains(stderr, "exists") {
				t.Errorf("stderr does not say the file exists: %s", stderr)
			}
			b, err := os.ReadFile(out)
			switch {
			case tt.existing == nil && !os.IsNotExist(err):
				t.Errorf("out.jsonl exists (%v): %s", err, tt.reason)
			case tt.existing != nil && string(b) != string(tt.existing):
				t.Errorf("out.jsonl = %q, want %q: %s", b, tt.existing, tt.reason)
			}
			ents, err := os.ReadDir(outDir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range ents {
				if e.Name() != "out.jsonl" {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}

// TestTrainInterrupted trains on the sample sets with a context cancelled,
// as after Ctrl-C: no model file is written, nothing is left beside it,
// and an existing model is untouched, while the same run uncancelled
// writes the model.
func TestTrainInterrupted(t *testing.T) {
	data := "../../testdata/dataset"
	args := func(out string) []string {
		return []string{"train", "-data", data, "-sets", "wcxb", "-test-frac", "0", "-trees", "2", "-tree-depth", "3", "-o", out, "-force"}
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name, reason string
		ctx          context.Context
		existing     []byte
		wantModel    bool
	}{
		{"uncancelled", "the control: the model is written", context.Background(), nil, true},
		{"cancelled", "no model file appears", cancelled, nil, false},
		{"cancelled over a model", "the old model survives", cancelled, []byte("old model\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "model.json")
			if tt.existing != nil {
				if err := os.WriteFile(out, tt.existing, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			e := &env{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(""), getenv: func(string) string { return "" }}
			code := run(tt.ctx, e, args(out))
			if (code == 0) != tt.wantModel {
				t.Fatalf("exit %d: %s\n%s", code, tt.reason, stderr.String())
			}
			b, err := os.ReadFile(out)
			switch {
			case tt.wantModel && (err != nil || !bytes.HasPrefix(b, []byte("{"))):
				t.Errorf("no model written (%v): %s", err, tt.reason)
			case !tt.wantModel && tt.existing == nil && !os.IsNotExist(err):
				t.Errorf("model.json exists (%v): %s", err, tt.reason)
			case tt.existing != nil && string(b) != string(tt.existing):
				t.Errorf("model.json = %.40q, want %q: %s", b, tt.existing, tt.reason)
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				// The role, page-type and smoothing models are written beside a model that is.
				beside := e.Name() == "model.roles.json" || e.Name() == "model.pagetypes.json" || e.Name() == "model.smooth.json" || e.Name() == "model.smooth-records.json"
				if e.Name() != "model.json" && (!beside || !tt.wantModel || tt.existing != nil) {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}
