package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFile(t *testing.T) {
	for _, tc := range []struct {
		name     string
		existing []byte // nil: no file before
		force    bool
		wantErr  error
		want     string
		reason   string
	}{
		{"new", nil, false, nil, "new", "a new file is written whole"},
		{"refuse", []byte("old"), false, ErrExists, "old", "an existing file is not replaced unless asked"},
		{"force", []byte("old"), true, nil, "new", "force replaces the file"},
		{"force new", nil, true, nil, "new", "force also writes a new file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.json")
			if tc.existing != nil {
				if err := os.WriteFile(path, tc.existing, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			err := WriteFile(path, []byte("new"), tc.force)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("%s: err %v, want %v", tc.reason, err, tc.wantErr)
			}
			got, rerr := os.ReadFile(path)
			if rerr != nil || string(got) != tc.want {
				t.Errorf("%s: file holds %q (%v), want %q", tc.reason, got, rerr, tc.want)
			}
			if tc.wantErr == nil {
				if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != Mode {
					t.Errorf("mode %v (%v), want %v", fi.Mode().Perm(), err, Mode)
				}
			}
			if names := entries(t, dir); len(names) != 1 {
				t.Errorf("%s: folder holds %v, want only out.json", tc.reason, names)
			}
		})
	}
}

// TestCommitNoClobber checks that a file appearing between Create and
// Commit survives a commit without force, and is replaced with force.
func TestCommitNoClobber(t *testing.T) {
	for _, force := range []bool{false, true} {
		dir := t.TempDir()
		path := filepath.Join(dir, "out")
		f, err := Create(path, force)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte("mine")); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
			t.Fatal(err)
		}
		err = f.Commit()
		got, _ := os.ReadFile(path)
		switch {
		case !force && (!errors.Is(err, ErrExists) || string(got) != "theirs"):
			t.Errorf("without force: err %v, file %q; want ErrExists and the other writer's file", err, got)
		case force && (err != nil || string(got) != "mine"):
			t.Errorf("with force: err %v, file %q; want ours", err, got)
		}
		if names := entries(t, dir); len(names) != 1 {
			t.Errorf("force %v: folder holds %v, want one file", force, names)
		}
	}
}

// TestAbort checks that Abort leaves no file and the destination as it
// was, and that Commit after Abort fails without writing.
func TestAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("half")); err != nil {
		t.Fatal(err)
	}
	f.Abort()
	f.Abort() // a second Abort is harmless
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file holds %q after Abort, want the old one", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v after Abort, want only out", names)
	}
}

// TestCreateErrors checks that a missing folder is an error naming the
// path, and no file appears.
func TestCreateErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "out")
	_, err := Create(path, false)
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Create in a missing folder: %v, want a not-exist error", err)
	}
	if want := "write " + path + ":"; len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
		t.Errorf("error %q does not start with %q", err, want)
	}
}
