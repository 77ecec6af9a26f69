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
		tb.Skipf("%s is not set: skipping the test over the shared labelled data "+
			"(run it from the repository root with %s=../shared/data go test ./...)", Env, Env)
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

// ModuleRoot returns the nearest folder at or above the working directory
// that holds a go.mod file.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("module root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("module root: no go.mod above the working directory")
		}
		dir = parent
	}
}
