package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/winnow-dev/winnow/internal/atomicfile"
)

// checkOutput says, before any work is done, why path could not be
// written: it names a folder, it exists and force is false, its folder is
// missing, or its folder is not writable. "" and "-" (standard output)
// are always fine. The flag is named in the message.
func checkOutput(flagName, path string, force bool) error {
	if path == "" || path == "-" {
		return nil
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("%s %s: is a folder; give a file name", flagName, path)
		}
		if !force {
			return fmt.Errorf("%s %s: %w (use -force to overwrite)", flagName, path, atomicfile.ErrExists)
		}
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return fmt.Errorf("%s %s: folder %s does not exist", flagName, path, dir)
	}
	// The one sure test of writability: create (and remove) a file
	// where atomicfile will create its temporary file.
	f, err := os.CreateTemp(dir, ".winnow-check*")
	if err != nil {
		return fmt.Errorf("%s %s: folder %s is not writable: %w", flagName, path, dir, errors.Unwrap(err))
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// forceHint adds the flag to use to an error that says a file exists
// (atomicfile.ErrExists), as when the file appeared during the work.
func forceHint(err error) error {
	if errors.Is(err, atomicfile.ErrExists) {
		return fmt.Errorf("%w (use -force to overwrite)", err)
	}
	return err
}

// writeFileAtomic writes data to path atomically (internal/atomicfile):
// an existing path is refused unless force.
func writeFileAtomic(path string, data []byte, force bool) error {
	return forceHint(atomicfile.WriteFile(path, data, force))
}

// writeShared writes a file through a buffered atomic file: write fills
// it, and the file appears only when write succeeds.
func writeShared(path string, force bool, write func(io.Writer) error) error {
	f, err := atomicfile.Create(path, force)
	if err != nil {
		return forceHint(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err = write(bw); err == nil {
		err = bw.Flush()
	}
	if err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return forceHint(f.Commit())
}

// output is where a command writes its result: standard output, or an
// atomic file when -o is given.
type output struct {
	io.Writer
	file *atomicfile.File
}

func openOutput(e *env, path string, force bool) (*output, error) {
	if path == "" || path == "-" {
		return &output{Writer: e.stdout}, nil
	}
	f, err := atomicfile.Create(path, force)
	if err != nil {
		return nil, forceHint(err)
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
	return forceHint(o.file.Commit())
}
