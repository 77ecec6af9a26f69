package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// errExists is returned when an output file exists and -force was not given.
var errExists = errors.New("exists (use -force to overwrite)")

// atomicFile is an output file written to a temporary file beside its
// destination and renamed over it only on Commit, so that an interrupted run
// never leaves a half-written file and never destroys the old one.
type atomicFile struct {
	path string
	tmp  *os.File
}

// createAtomic starts writing path. Unless force, an existing path is refused.
func createAtomic(path string, force bool) (*atomicFile, error) {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return nil, fmt.Errorf("%s: %w", path, errExists)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	return &atomicFile{path: path, tmp: tmp}, nil
}

func (f *atomicFile) Write(p []byte) (int, error) { return f.tmp.Write(p) }

// Commit flushes the file to disk and renames it into place.
func (f *atomicFile) Commit() error {
	if err := f.tmp.Sync(); err != nil {
		f.Abort()
		return fmt.Errorf("%s: %w", f.path, err)
	}
	if err := f.tmp.Close(); err != nil {
		os.Remove(f.tmp.Name())
		return fmt.Errorf("%s: %w", f.path, err)
	}
	if err := os.Rename(f.tmp.Name(), f.path); err != nil {
		os.Remove(f.tmp.Name())
		return fmt.Errorf("%s: %w", f.path, err)
	}
	return nil
}

// Abort removes the temporary file; the destination is untouched.
func (f *atomicFile) Abort() {
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}

// writeFileAtomic writes data to path through an atomicFile.
func writeFileAtomic(path string, data []byte, force bool) error {
	f, err := createAtomic(path, force)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// writeShared writes a file meant to be opened and shared (mode 0644)
// through a buffered atomicFile: write fills it, and the file appears only
// when write succeeds.
func writeShared(path string, force bool, write func(io.Writer) error) error {
	f, err := createAtomic(path, force)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err = write(bw); err == nil {
		err = bw.Flush()
	}
	if err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Commit(); err != nil {
		return err
	}
	return os.Chmod(path, 0o644)
}

// output is where a command writes its result: standard output, or an
// atomic file when -o is given.
type output struct {
	io.Writer
	file *atomicFile
}

func openOutput(e *env, path string, force bool) (*output, error) {
	if path == "" || path == "-" {
		return &output{Writer: e.stdout}, nil
	}
	f, err := createAtomic(path, force)
	if err != nil {
		return nil, err
	}
	return &output{Writer: f, file: f}, nil
}

// finish commits the output file, or removes it when the run failed or was
// interrupted (ok false).
func (o *output) finish(ok bool) error {
	if o.file == nil {
		return nil
	}
	if !ok {
		o.file.Abort()
		return nil
	}
	return o.file.Commit()
}
