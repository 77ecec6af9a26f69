//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestNamedPipe writes to a named pipe with force: the data goes to the
// reader and the pipe stays a pipe instead of being replaced by a regular
// file.
func TestNamedPipe(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// A reader opened without waiting for a writer, so that opening the
	// pipe to write does not wait either.
	fd, err := syscall.Open(pipe, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := os.NewFile(uintptr(fd), pipe)
	defer r.Close()
	if err := WriteFile(pipe, []byte("through the pipe"), true); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(pipe); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe became %v (%v)", fi.Mode(), err)
	}
	got, err := io.ReadAll(r)
	if err != nil || string(got) != "through the pipe" {
		t.Errorf("reader got %q (%v)", got, err)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only the pipe", names)
	}
}
