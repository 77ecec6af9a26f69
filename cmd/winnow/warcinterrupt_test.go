package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// cancelOn is a stderr that cancels a run when a message holding its
// string is written: an interrupt at a known point.
type cancelOn struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	s      string
	cancel context.CancelFunc
}

func (w *cancelOn) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if bytes.Contains(p, []byte(w.s)) {
		w.cancel()
	}
	return w.buf.Write(p)
}

// TestExtractWARCInterrupted interrupts extract -o over web archives after
// the first archive is written (when the second, not an archive, is
// reported): the first archive's lines are kept, whole, and stderr says
// where the output stops.
func TestExtractWARCInterrupted(t *testing.T) {
	dir := warcTestDir(t)
	first := filepath.Join(dir, "warcfile.warc.gz")
	_, alone, _ := runWinnow(t, "", "extract", "-format", "jsonl", "-j", "1", first)
	fake := writeFile(t, "notes.warc", []byte("not a web archive\n"))
	out := filepath.Join(t.TempDir(), "out.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &cancelOn{s: "not a WARC file", cancel: cancel}
	e := &env{stdout: &bytes.Buffer{}, stderr: stderr, stdin: strings.NewReader(""), getenv: func(string) string { return "" }}
	code := run(ctx, e, []string{"extract", "-format", "jsonl", "-j", "1", "-o", out, first, fake, filepath.Join(dir, "example.warc.gz")})
	if code == 0 {
		t.Errorf("exit 0 after an interrupt")
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the lines written before the interrupt were not kept: %v\n%s", err, stderr.buf.String())
	}
	if !strings.HasPrefix(string(b), alone) || len(decodeLines(t, string(b))) < 16 {
		t.Errorf("out.jsonl does not hold the first archive's 16 lines:\n%.300s", b)
	}
	if want := out + " holds "; !strings.Contains(stderr.buf.String(), want) {
		t.Errorf("stderr does not say where the output stops:\n%s", stderr.buf.String())
	}
}
