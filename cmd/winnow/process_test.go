//go:build linux

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain runs the command itself, as the winnow binary, when a test
// starts this test binary with WINNOW_TEST_MAIN=1: the tests below send it
// signals and run it with a file size limit.
func TestMain(m *testing.M) {
	if os.Getenv("WINNOW_TEST_MAIN") == "1" {
		if n, err := strconv.ParseUint(os.Getenv("WINNOW_TEST_FSIZE"), 10, 64); err == nil {
			// Writes past n bytes fail (EFBIG), as on a full disk.
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
				panic(err)
			}
		}
		main()
		return
	}
	os.Exit(m.Run())
}

// winnowProcess is the command line with args in a process of its own.
func winnowProcess(args []string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "WINNOW_TEST_MAIN=1"), env...)
	return cmd
}

// wait waits for cmd to end and returns its exit code (-1 if a signal
// killed it), killing it and failing the test after the guard.
func wait(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := errors.AsType[*exec.ExitError](err); ok {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(guard):
		cmd.Process.Kill()
		<-done
		t.Fatalf("winnow still runs %v after the signal", guard)
		return 0
	}
}

// temporaryFiles lists the temporary files in dir.
func temporaryFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*tmp*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSignals stops extract -o, waiting for standard input with its
// temporary file open, with each stopping signal: it exits with 128 plus
// the signal's number and leaves no temporary file and no output.
func TestSignals(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGHUP, 129}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			if signal.Ignored(tc.sig) {
				// As under nohup: the child inherits the disposition, and
				// winnow leaves a signal it was started ignoring ignored.
				t.Skipf("%v is ignored by this test process (nohup?), and so by winnow", tc.sig)
			}
			dir := t.TempDir()
			out := filepath.Join(dir, "out.txt")
			cmd := winnowProcess([]string{"extract", "-o", out, "-"})
			stdin, err := cmd.StdinPipe() // held open, never written
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The temporary file is made after the signals are caught.
			for deadline := time.Now().Add(guard); len(temporaryFiles(t, dir)) == 0; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("no temporary file after %v: %s", guard, stderr.String())
				}
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			if code := wait(t, cmd); code != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			if left := temporaryFiles(t, dir); len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("an output with no page in it was committed")
			}
		})
	}
}

// TestDiskFull runs extract -force -o over an existing file with writes
// failing past 4 KiB, as on a full disk: the run fails, and the old file
// is as it was, not replaced by a truncated one.
func TestDiskFull(t *testing.T) {
	pages := t.TempDir()
	seed := seedPage(t)
	for i := range 10 {
		if err := os.WriteFile(filepath.Join(pages, strconv.Itoa(i)+".html"), seed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := winnowProcess([]string{"extract", "-j", "2", "-format", "jsonl", "-force", "-o", out, pages}, "WINNOW_TEST_FSIZE=4096")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if code := wait(t, cmd); code != 1 {
		t.Errorf("exit %d, want 1; stderr: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "file too large") {
		t.Errorf("stderr does not give the write error: %s", stderr.String())
	}
	if b, _ := os.ReadFile(out); string(b) != "old\n" {
		t.Errorf("out.jsonl holds %.80q, want the old file", b)
	}
	if left := temporaryFiles(t, dir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestPipeInFolder extracts a folder holding a named pipe under a page's
// name: the run does not wait on it, names it on stderr and extracts the
// rest.
func TestPipeInFolder(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "a.html")
	if err := os.WriteFile(page, seedPage(t), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "b.html")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	defer func() {
		// Let an opener of the pipe, if any, go.
		if fd, err := syscall.Open(pipe, syscall.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			syscall.Close(fd)
		}
	}()
	code, stdout, stderr := runWinnowWithin(t, "extract", "-format", "jsonl", dir)
	if code != 0 || !strings.Contains(stdout, seedStory) {
		t.Errorf("exit %d, stdout %.100q; want 0 and the page", code, stdout)
	}
	if !strings.Contains(stderr, pipe+": not a regular file (a named pipe), skipped") {
		t.Errorf("stderr does not name the pipe: %s", stderr)
	}
}

// TestOutputToPipe writes -force -o to a named pipe: the reader gets the
// output and the pipe stays a pipe.
func TestOutputToPipe(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	fd, err := syscall.Open(pipe, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := os.NewFile(uintptr(fd), pipe)
	defer r.Close()
	if code, _, stderr := runWinnow(t, "", "extract", "-force", "-o", pipe, seedPath); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(pipe); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe became %v (%v)", fi.Mode(), err)
	}
	if b, err := io.ReadAll(r); err != nil || !strings.Contains(string(b), seedStory) {
		t.Errorf("reader got %.80q (%v)", b, err)
	}
}

// TestExtractFromPipe extracts a page given as a named pipe whose name is
// not a page's (as /dev/fd/N of a shell's process substitution is): the
// page's first bytes are read by the extraction, not taken by the test
// for a web archive, so the output is the page's story.
func TestExtractFromPipe(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "page")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	page := seedPage(t)
	wrote := make(chan error, 1)
	go func() {
		w, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			wrote <- err
			return
		}
		_, err = w.Write(page)
		w.Close()
		wrote <- err
	}()
	defer func() {
		// Let the writer go if winnow never opened the pipe.
		if fd, err := syscall.Open(pipe, syscall.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			syscall.Close(fd)
		}
	}()
	code, stdout, stderr := runWinnowWithin(t, "extract", "-format", "json", pipe)
	if err := <-wrote; err != nil {
		t.Errorf("writing the page into the pipe: %v", err)
	}
	if code != 0 || !strings.Contains(stdout, seedStory) || !strings.Contains(stdout, `"author": "Reuters"`) {
		t.Errorf("exit %d, stdout %.300q, stderr %s; want 0 and the seed page's article", code, stdout, stderr)
	}
}

// runWinnowWithin is runWinnow with no standard input, failing the test
// when the run still goes on after guard (it waits on a pipe).
func runWinnowWithin(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		code, stdout, stderr = runWinnow(t, "", args...)
	}()
	select {
	case <-done:
	case <-time.After(guard):
		t.Fatalf("winnow %s still runs after %v", strings.Join(args, " "), guard)
	}
	return code, stdout, stderr
}
