//go:build unix

package input

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/winnow-dev/winnow/internal/fetch"
)

// guard is how long a test waits for what must happen before it calls it
// a hang: a failure guard, not a measurement.
const guard = time.Minute

// TestExpandSymlinkedFolder checks that a folder given as a symbolic link
// is walked, without a trailing slash too, and its pages named under the
// link.
func TestExpandSymlinkedFolder(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(filepath.Join(real, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a.html", "sub/b.htm"} {
		if err := os.WriteFile(filepath.Join(real, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	want := []string{filepath.Join(link, "a.html"), filepath.Join(link, "sub", "b.htm")}
	for _, arg := range []string{link, link + "/"} {
		got, _, err := Expand([]string{arg}, func(string) bool { return false })
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("Expand(%s) = %q, %v; want %q", arg, got, err, want)
		}
	}
}

// TestExpandSkipsPipes checks that a named pipe in a folder or matched by
// a glob is left out and reported, while one named itself is kept.
func TestExpandSkipsPipes(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "a.html")
	pipe := filepath.Join(dir, "b.html")
	if err := os.WriteFile(page, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// A link to the pipe, under a page's name, is the pipe.
	if err := os.Symlink(pipe, filepath.Join(dir, "c.html")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	noArchive := func(string) bool { return false }
	for _, arg := range []string{dir, filepath.Join(dir, "*.html")} {
		got, skipped, err := Expand([]string{arg}, noArchive)
		if err != nil || !slices.Equal(got, []string{page}) {
			t.Errorf("Expand(%s) = %q, %v; want only %s", arg, got, err, page)
		}
		if len(skipped) != 2 || !errors.Is(skipped[0], ErrNotRegular) || !strings.Contains(skipped[0].Error(), pipe+": not a regular file (a named pipe), skipped") {
			t.Errorf("Expand(%s) skipped %v, want the pipe and the link to it named", arg, skipped)
		}
	}
	got, skipped, err := Expand([]string{pipe}, noArchive)
	if err != nil || !slices.Equal(got, []string{pipe}) || skipped != nil {
		t.Errorf("a pipe named itself: %q %v %v, want it kept", got, skipped, err)
	}
}

// blockingReader signals its first Read on started and then never returns
// data: a terminal nobody types into.
type blockingReader struct{ started chan struct{} }

func (r blockingReader) Read([]byte) (int, error) {
	close(r.started)
	select {}
}

// TestReadCancelled checks that Read gives up on standard input and on a
// named pipe that nobody writes to as soon as its context is cancelled.
func TestReadCancelled(t *testing.T) {
	t.Run("stdin", func(t *testing.T) {
		stdin := blockingReader{make(chan struct{})}
		ctx, cancel := context.WithCancel(context.Background())
		go func() { <-stdin.started; cancel() }()
		readReturns(t, func() error {
			_, err := Read(ctx, stdin, "-", 100, fetch.Config{})
			return err
		})
	})
	t.Run("-i -", func(t *testing.T) {
		stdin := blockingReader{make(chan struct{})}
		ctx, cancel := context.WithCancel(context.Background())
		go func() { <-stdin.started; cancel() }()
		readReturns(t, func() error {
			_, err := ReadList(ctx, stdin, "-")
			return err
		})
	})
	t.Run("named pipe", func(t *testing.T) {
		pipe := filepath.Join(t.TempDir(), "pipe.html")
		if err := syscall.Mkfifo(pipe, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		readReturns(t, func() error {
			_, err := Read(ctx, nil, pipe, 100, fetch.Config{})
			return err
		})
		// Let an opener waiting in the background, if any, go.
		if fd, err := syscall.Open(pipe, syscall.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			syscall.Close(fd)
		}
	})
}

// readReturns runs read and checks it returns a cancellation error, failing
// if it has not returned within the guard.
func readReturns(t *testing.T, read func() error) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- read() }()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Read after cancel: %v, want context.Canceled", err)
		}
	case <-time.After(guard):
		t.Fatalf("Read still waits %v after its context was cancelled", guard)
	}
}
