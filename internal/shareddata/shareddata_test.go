package shareddata

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
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

// TestReadmeCommand checks the README's test command as `go test` runs
// it, from a package's folder (this one): the WINNOW_DATA it gives names
// the shared data beside the clone, and the skip message gives that value.
func TestReadmeCommand(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^    ` + Env + `=(\S+) go test -race -timeout 30m \./\.\.\.$`).FindSubmatch(readme)
	if m == nil {
		t.Fatalf("README.md has no line \"    %s=DIR go test -race -timeout 30m ./...\"", Env)
	}
	value := string(m[1])
	if want := filepath.Join(filepath.Dir(root), "shared", "data"); mustResolve(t, value) != want {
		t.Errorf("the README's %s=%s resolves to %s from %s, want %s", Env, value, mustResolve(t, value), mustGetwd(t), want)
	}
	if !strings.Contains(skipMessage, Env+"="+value+" go test") {
		t.Errorf("the skip message %q does not give the README's value %s", skipMessage, value)
	}
	if _, err := os.Stat(mustResolve(t, value)); err != nil {
		t.Skipf("no shared data beside the clone (%v): the folder itself is not checked", err)
	}
	t.Setenv(Env, value)
	if dir := Dir(t, "wcxb"); filepath.Base(dir) != "wcxb" {
		t.Errorf("Dir = %s", dir)
	}
}

func mustResolve(t *testing.T, value string) string {
	t.Helper()
	dir, err := Resolve(value)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
