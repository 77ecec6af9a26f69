package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/winnow-dev/winnow/internal/atomicfile"
)

// Check says, before any work is done, why path could not be written: it
// names a folder, it exists and force is false, its folder is missing, or
// its folder is not writable. "" and "-" (standard output) are always
// fine. The flag is named in the message.
func Check(flagName, path string, force bool) error {
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

// ForceHint adds the flag to use to an error that says a file exists
// (atomicfile.ErrExists), as when the file appeared during the work; other
// errors are returned as they are.
func ForceHint(err error) error {
	if errors.Is(err, atomicfile.ErrExists) {
		return fmt.Errorf("%w (use -force to overwrite)", err)
	}
	return err
}

// WriteFile writes data to path atomically: an existing path is refused
// unless force.
func WriteFile(path string, data []byte, force bool) error {
	return ForceHint(atomicfile.WriteFile(path, data, force))
}

// Write writes a file through a buffered atomic file: write fills it, and
// the file appears only when write succeeds.
func Write(path string, force bool, write func(io.Writer) error) error {
	f, err := atomicfile.Create(path, force)
	if err != nil {
		return ForceHint(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err = write(bw); err == nil {
		err = bw.Flush()
	}
	if err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return ForceHint(f.Commit())
}

// File is where a command writes its result: standard output, or an
// atomic file. Writer may be replaced (to discard the output, say).
type File struct {
	io.Writer
	file *atomicfile.File
}

// Open returns a File on stdout for "" and "-", and otherwise an atomic
// file at path (an existing path is refused unless force).
func Open(stdout io.Writer, path string, force bool) (*File, error) {
	if path == "" || path == "-" {
		return &File{Writer: stdout}, nil
	}
	f, err := atomicfile.Create(path, force)
	if err != nil {
		return nil, ForceHint(err)
	}
	return &File{Writer: f, file: f}, nil
}

// Finish commits the file, or removes it when the run failed or was
// interrupted (ok false). It does nothing for standard output.
func (o *File) Finish(ok bool) error {
	if o.file == nil {
		return nil
	}
	if !ok {
		o.file.Abort()
		return nil
	}
	return ForceHint(o.file.Commit())
}
