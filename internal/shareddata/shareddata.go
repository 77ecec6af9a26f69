// Package shareddata finds the shared labelled data for the tests that need
// it. The tests run when WINNOW_DATA names the data folder and skip, saying
// how to run them, when it is unset; when it is set and the folder is
// missing they fail.
//
// A relative WINNOW_DATA is taken relative to the module root (the folder
// holding go.mod), not to the package being tested, so that the README's
// command `WINNOW_DATA=../shared/data go test ./...` means the same folder in
// every package.
package shareddata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Env is the environment variable that names the shared data folder.
const Env = "WINNOW_DATA"

// Dir returns the shared data folder, absolute, joined with the elements of
// sub (a set such as "l3s-gn1"). It skips tb when WINNOW_DATA is unset and
// fails it when the folder does not exist.
func Dir(tb testing.TB, sub ...string) string {
	tb.Helper()
	dir, err := Resolve(os.Getenv(Env))
	if errors.Is(err, errUnset) {
		tb.Skip(skipMessage)
	}
	if err != nil {
		tb.Fatal(err)
	}
	dir = filepath.Join(append([]string{dir}, sub...)...)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		tb.Fatalf("%s=%s: %s is not a folder", Env, os.Getenv(Env), dir)
	}
	return dir
}

var errUnset = errors.New(Env + " is not set")

// skipMessage says how to run a test that skipped: with the value the
// README gives, which is taken relative to the repository root.
const skipMessage = Env + " is not set: skipping the test over the shared labelled data " +
	"(with the data beside the clone: " + Env + "=../shared/data go test ./..., a relative value being taken from the repository root)"

// Resolve turns the value of WINNOW_DATA into an absolute folder: a relative
// value is joined to the module root found above the working directory.
func Resolve(value string) (string, error) {
	if value == "" {
		return "", errUnset
	}
	if filepath.IsAbs(value) {
		return filepath.Clean(value), nil
	}
	root, err := ModuleRoot()
	if err != nil {
		return "", fmt.Errorf("%s=%s: %w", Env, value, err)
	}
	return filepath.Join(root, value), nil
}

// ModuleRoot returns the folder at or above the working directory whose
// go.mod declares winnow's module (Module), so that the nested modules
// (bench/peers, beam) resolve WINNOW_DATA as the root does.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("module root: %w", err)
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && declares(b, Module) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("module root: no go.mod of %s above the working directory", Module)
		}
		dir = parent
	}
}

// Module is winnow's module path.
const Module = "github.com/winnow-dev/winnow"

// declares reports whether the go.mod file gomod declares module path.
func declares(gomod []byte, path string) bool {
	for _, line := range strings.Split(string(gomod), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "module" && strings.Trim(f[1], `"`) == path {
			return true
		}
	}
	return false
}
