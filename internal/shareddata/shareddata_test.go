package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root %s holds no go.mod", root)
	}
	// This package sits two folders below the root: a relative value must
	// not be resolved against it.
	if filepath.Base(filepath.Dir(root)) == "shareddata" {
		t.Fatalf("module root %s is this package's folder", root)
	}
	cases := []struct {
		value, want, reason string
	}{
		{"../shared/data", filepath.Join(filepath.Dir(root), "shared", "data"), "relative to the module root, as the README gives it"},
		{"/abs/data/", "/abs/data", "absolute values are only cleaned"},
	}
	for _, c := range cases {
		got, err := Resolve(c.value)
		if err != nil {
			t.Fatalf("Resolve(%q): %v", c.value, err)
		}
		if got != c.want {
			t.Errorf("Resolve(%q) = %q, want %q (%s)", c.value, got, c.want, c.reason)
		}
	}
	if _, err := Resolve(""); err == nil {
		t.Error("Resolve(\"\") gave no error; an unset WINNOW_DATA must skip")
	}
}
