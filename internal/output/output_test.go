package output

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/internal/atomicfile"
)

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	exists := filepath.Join(dir, "exists")
	if err := os.WriteFile(exists, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path  string
		force bool
		want  string // "" for no error
	}{
		{"-", false, ""},
		{filepath.Join(dir, "new"), false, ""},
		{exists, true, ""},
		{exists, false, "file exists (use -force to overwrite)"},
		{dir, true, "is a folder"},
		{filepath.Join(dir, "no", "new"), false, "does not exist"},
	} {
		err := Check("-o", tc.path, tc.force)
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("Check(%s, %v): %v, want %q", tc.path, tc.force, err, tc.want)
		}
	}
}

func TestOpenFinish(t *testing.T) {
	var stdout bytes.Buffer
	f, err := Open(&stdout, "-", false)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("x"))
	if err := f.Finish(true); err != nil || stdout.String() != "x" {
		t.Errorf("stdout: %q %v", stdout.String(), err)
	}
	path := filepath.Join(t.TempDir(), "out")
	for _, ok := range []bool{false, true} {
		f, err := Open(&stdout, path, false)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("data"))
		if err := f.Finish(ok); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if ok != (err == nil) || (ok && string(b) != "data") {
			t.Errorf("finish %v: file %q, %v", ok, b, err)
		}
	}
	if _, err := Open(&stdout, path, false); !errors.Is(err, atomicfile.ErrExists) || !strings.HasSuffix(err.Error(), "(use -force to overwrite)") {
		t.Errorf("existing file: %v", err)
	}
	failed := filepath.Join(t.TempDir(), "failed")
	if err := Write(failed, false, func(w io.Writer) error { return errors.New("disk full") }); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Write with a failing writer: %v", err)
	}
	if _, err := os.Stat(failed); err == nil {
		t.Error("a failed Write left its file")
	}
}
