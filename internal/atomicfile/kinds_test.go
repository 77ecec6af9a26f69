package atomicfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLongName writes a file whose name is 249 bytes: the temporary file's
// name must fit in the 255 bytes a file name may have.
func TestLongName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, strings.Repeat("a", 245)+".txt")
	if err := WriteFile(path, []byte("data"), false); err != nil {
		t.Fatalf("a 249-byte name: %v", err)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != "data" {
		t.Errorf("file holds %q (%v)", got, err)
	}
}

// TestWriteErrorSticks checks that after a failed write (a full disk) the
// later writes and the Commit fail too, so a file missing a piece in the
// middle is never committed, and the old file stays.
func TestWriteErrorSticks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("first ")); err != nil {
		t.Fatal(err)
	}
	// The disk fills: the write fails. Then space comes back: a fresh
	// handle on the same temporary file would take writes again.
	good := f.tmp
	failing, err := os.Open(good.Name()) // read-only: writes fail
	if err != nil {
		t.Fatal(err)
	}
	f.tmp = failing
	if _, err := f.Write([]byte("lost ")); err == nil || !strings.Contains(err.Error(), "write "+path) {
		t.Fatalf("write to a read-only handle: %v, want an error naming the file", err)
	}
	failing.Close()
	f.tmp = good
	if _, err := f.Write([]byte("last")); err == nil {
		t.Error("a write after a failed write succeeded")
	}
	if err := f.Commit(); err == nil {
		t.Error("Commit after a failed write succeeded")
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file holds %q, want the old one", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only out", names)
	}
}

// TestSymlinkToFile writes through a symbolic link to a regular file: with
// force the file it points to is replaced and the link stays; without,
// the file is refused as existing.
func TestSymlinkToFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	link := filepath.Join(dir, "link")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if err := WriteFile(link, []byte("new"), false); !errors.Is(err, ErrExists) {
		t.Errorf("without force: %v, want ErrExists", err)
	}
	if err := WriteFile(link, []byte("new"), true); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("the file the link points to holds %q, want new", got)
	}
}

// TestCharDevice writes through a link to /dev/null: the device is written
// directly, the link is not turned into a regular file, and no force is
// needed, since nothing is replaced.
func TestCharDevice(t *testing.T) {
	fi, err := os.Stat(os.DevNull)
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skipf("no character device at %s", os.DevNull)
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "null")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	for _, force := range []bool{false, true} {
		if err := WriteFile(link, bytes.Repeat([]byte("x"), 1000), force); err != nil {
			t.Fatalf("force %v: %v", force, err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("force %v: the link to %s became %v (%v)", force, os.DevNull, fi.Mode(), err)
		}
		if fi, err := os.Stat(link); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("force %v: %s is now %v (%v)", force, os.DevNull, fi.Mode(), err)
		}
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only the link", names)
	}
}

// TestRefusedKinds checks that a folder is refused, with or without force.
func TestRefusedKinds(t *testing.T) {
	dir := t.TempDir()
	if _, err := Create(dir, true); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("a folder: %v", err)
	}
}

// TestRemoveTemporary checks that the temporary files of unfinished Files
// are removed, as on a second Ctrl-C, and finished ones are not tracked.
func TestRemoveTemporary(t *testing.T) {
	dir := t.TempDir()
	done := filepath.Join(dir, "done")
	if err := WriteFile(done, []byte("x"), false); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b"} {
		f, err := Create(filepath.Join(dir, name), false)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("half"))
	}
	if names := entries(t, dir); len(names) != 3 {
		t.Fatalf("folder holds %v, want done and two temporary files", names)
	}
	RemoveTemporary()
	if names := entries(t, dir); len(names) != 1 || names[0] != "done" {
		t.Errorf("after RemoveTemporary the folder holds %v, want only done", names)
	}
}

// TestTwoWriters has two writers of one path without force, both created
// before either commits (two runs with the same -o): the first to commit
// wins, the second gets ErrExists and the first's file stays.
func TestTwoWriters(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out")
	a, err := Create(path, false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Create(path, false)
	if err != nil {
		t.Fatal(err)
	}
	a.Write([]byte("first"))
	b.Write([]byte("second"))
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); !errors.Is(err, ErrExists) {
		t.Errorf("the second commit: %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Errorf("file holds %q, want the first writer's", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only out", names)
	}
}
