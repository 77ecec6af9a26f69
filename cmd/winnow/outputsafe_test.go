package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// guard is how long a test waits for what must happen before it calls it
// a hang: a failure guard, not a measurement.
const guard = time.Minute

// blockingStdin signals its first Read on started and then never returns
// data: a terminal nobody types into.
type blockingStdin struct{ started chan struct{} }

func (r blockingStdin) Read([]byte) (int, error) {
	close(r.started)
	select {}
}

// runUntil runs the command line with ctx and stdin and returns its exit
// code and stderr, failing the test if it has not returned within the
// guard.
func runUntil(t *testing.T, ctx context.Context, stdin blockingStdin, args ...string) (int, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdout: &out, stderr: &errOut, stdin: stdin, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, args) }()
	select {
	case code := <-done:
		return code, errOut.String()
	case <-time.After(guard):
		t.Fatalf("winnow %s still runs %v after it was interrupted", strings.Join(args, " "), guard)
		return 0, ""
	}
}

// TestInterruptStdin checks that Ctrl-C stops extract - and extract -i -
// while they wait for standard input.
func TestInterruptStdin(t *testing.T) {
	for _, args := range [][]string{{"extract", "-"}, {"extract", "-i", "-"}} {
		stdin := blockingStdin{make(chan struct{})}
		ctx, cancel := context.WithCancel(context.Background())
		go func() { <-stdin.started; cancel() }()
		if code, stderr := runUntil(t, ctx, stdin, args...); code == 0 {
			t.Errorf("%v: exit 0 after an interrupt: %s", args, stderr)
		}
	}
}

// TestInterruptKeepsFinished interrupts a batch with -o while its third
// page (standard input) is read: the two finished pages are committed, and
// stderr says where the run stopped.
func TestInterruptKeepsFinished(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	other := writeFile(t, "other.html", seedPage(t))
	stdin := blockingStdin{make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-stdin.started; cancel() }()
	code, stderr := runUntil(t, ctx, stdin, "extract", "-j", "1", "-format", "jsonl", "-o", out, seedPath, other, "-")
	if code == 0 {
		t.Errorf("exit 0 after an interrupt")
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the finished pages were not kept: %v\n%s", err, stderr)
	}
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 2 || !strings.Contains(lines[1], `"source":"`+other+`"`) {
		t.Errorf("out.jsonl holds %d lines, want the 2 finished pages:\n%.300s", len(lines), b)
	}
	for _, want := range []string{"3 pages: 2 extracted, 0 without main content, 0 failed, 1 not reached", out + " holds the first 2 of 3 pages; it stopped before -"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestSameOutputTwice checks that -o and -highlight naming one file, in
// any spelling, are refused before any work, so neither output is lost.
func TestSameOutputTwice(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.html")
	pairs := [][2]string{{out, out}, {out, dir + "/./out.html"}}
	if os.Symlink(dir, filepath.Join(dir, "link")) == nil {
		pairs = append(pairs, [2]string{out, filepath.Join(dir, "link", "out.html")})
	}
	for _, p := range pairs {
		code, _, stderr := runWinnow(t, "", "extract", "-o", p[0], "-highlight", p[1], seedPath)
		if code != 2 || !strings.Contains(stderr, "name the same file") {
			t.Errorf("-o %s -highlight %s: exit %d, stderr %q; want 2 and the reason", p[0], p[1], code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("-o %s -highlight %s: a file was written", p[0], p[1])
		}
	}
	model := filepath.Join(dir, "model.json")
	if code, _, stderr := runWinnow(t, "", "train", "-data", filepath.Join(dir, "no-data"), "-o", model, "-roles", dir+"/./model.json"); code != 2 || !strings.Contains(stderr, "name the same file") {
		t.Errorf("train -o X -roles X: exit %d, stderr %q", code, stderr)
	}
}

// TestLongOutputName writes -o to a file whose name is 249 bytes.
func TestLongOutputName(t *testing.T) {
	out := filepath.Join(t.TempDir(), strings.Repeat("n", 245)+".txt")
	if code, _, stderr := runWinnow(t, "", "extract", "-o", out, seedPath); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), seedStory) {
		t.Errorf("output %.80q (%v)", b, err)
	}
}

// TestOutputToDevice writes -force -o through a link to /dev/null: the
// device is written, and neither the link nor the device is replaced by a
// regular file.
func TestOutputToDevice(t *testing.T) {
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skipf("no character device at %s", os.DevNull)
	}
	link := filepath.Join(t.TempDir(), "null")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	for _, args := range [][]string{{"-force", "-o", link}, {"-o", link}, {"-highlight", link}} {
		if code, _, stderr := runWinnow(t, "", append(append([]string{"extract"}, args...), seedPath)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%v: the link became %v (%v)", args, fi.Mode(), err)
		}
	}
}

// TestTrainToDevice checks that train -o to a device (here through a
// link to /dev/null) does not put the role, smoothing or page-type models
// beside the device: it asks for -roles, -smooth, -smooth-records and
// -page-types instead of creating DEVICE.roles.json, DEVICE.smooth.json,
// DEVICE.smooth-records.json or DEVICE.pagetypes.json.
func TestTrainToDevice(t *testing.T) {
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skipf("no character device at %s", os.DevNull)
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "null")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	code, _, stderr := runWinnow(t, "", "train", "-data", filepath.Join(dir, "no-data"), "-o", link)
	if code != 2 || !strings.Contains(stderr, "give -roles FILE") {
		t.Errorf("train -o %s: exit %d, stderr %q; want 2 asking for -roles", link, code, stderr)
	}
	code, _, stderr = runWinnow(t, "", "train", "-data", filepath.Join(dir, "no-data"), "-o", link, "-roles", "-", "-page-types", "-")
	if code != 2 || !strings.Contains(stderr, "give -smooth FILE") {
		t.Errorf("train -o %s -roles - -page-types -: exit %d, stderr %q; want 2 asking for -smooth", link, code, stderr)
	}
	code, _, stderr = runWinnow(t, "", "train", "-data", filepath.Join(dir, "no-data"), "-o", link, "-roles", "-", "-page-types", "-", "-smooth", filepath.Join(dir, "s.json"))
	if code != 2 || !strings.Contains(stderr, "give -smooth-records FILE") {
		t.Errorf("train -o %s -roles - -page-types - -smooth FILE: exit %d, stderr %q; want 2 asking for -smooth-records", link, code, stderr)
	}
	code, _, stderr = runWinnow(t, "", "train", "-data", filepath.Join(dir, "no-data"), "-o", link, "-roles", "-", "-smooth", "-")
	if code != 2 || !strings.Contains(stderr, "give -page-types FILE") {
		t.Errorf("train -o %s -roles - -smooth -: exit %d, stderr %q; want 2 asking for -page-types", link, code, stderr)
	}
}
