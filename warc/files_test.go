package warc

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIsNameAndSniff(t *testing.T) {
	for p, want := range map[string]bool{"a.warc": true, "A.WARC.GZ": true, "b.arc.gz": true, "c.wet": true, "d.wat.gz": true, "e.html": false, "f.gz": false} {
		if IsName(p) != want {
			t.Errorf("IsName(%q) = %v", p, !want)
		}
	}
	dir := t.TempDir()
	files := map[string][]byte{"renamed": synthetic(t, 1), "arc": []byte("filedesc://x.arc 0.0.0.0 2024 text/plain 10\n"), "page": []byte("<html></html>")}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for n, want := range map[string]bool{"renamed": true, "arc": true, "page": false, "missing": false} {
		if Sniff(filepath.Join(dir, n)) != want {
			t.Errorf("Sniff(%s) = %v", n, !want)
		}
	}
}

// Batch sums the files' counts, hands the lines over in order with the
// records read so far, reports a file it cannot open and goes on, and
// stops at Emit's error.
func TestBatch(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.warc.gz"), filepath.Join(dir, "b.warc.gz")
	os.WriteFile(a, synthetic(t, 3), 0o644)
	os.WriteFile(b, synthetic(t, 4), 0o644)
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var failed []error
	var seen []string
	lastRecords := 0
	batch := Batch{Jobs: 2,
		Emit: func(l Line, records int) error {
			seen = append(seen, l.Source+" "+l.URL)
			if records < lastRecords {
				t.Errorf("records went back from %d to %d", lastRecords, records)
			}
			lastRecords = records
			return nil
		},
		Failed: func(err error) { failed = append(failed, err) },
	}
	s, err := batch.Run(context.Background(), x, []string{a, filepath.Join(dir, "missing.warc"), b})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 7 || seen[0] != a+" http://example.org/0" || seen[3] != b+" http://example.org/0" {
		t.Errorf("lines %q", seen)
	}
	if s.HTML != 7 || s.Extracted+s.Empty != 7 || s.Empty != 2 {
		t.Errorf("summary %+v", s)
	}
	if len(failed) != 1 || !strings.Contains(failed[0].Error(), "missing.warc") {
		t.Errorf("failed %v", failed)
	}
	stop := errors.New("stop")
	n := 0
	batch.Emit = func(Line, int) error { n++; return stop }
	if _, err := batch.Run(context.Background(), x, []string{a, b}); !errors.Is(err, stop) || n != 1 {
		t.Errorf("Emit's error: %v after %d lines", err, n)
	}
}
