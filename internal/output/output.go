package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/winnow-dev/winnow/internal/atomicfile"
)

// Check says, before any work is done, why path could not be written: it
// names a folder or another kind of file that is not written (a block
// device, a socket), it exists and force is false, its folder is missing,
// or its folder is not writable. "" and "-" (standard output) are always
// fine, and so are a character device and a named pipe (/dev/null, a
// FIFO), which are written in place, not replaced (package
// internal/atomicfile). The flag is named in the message.
func Check(flagName, path string, force bool) error {
	if path == "" || path == "-" {
		return nil
	}
	if fi, err := os.Stat(path); err == nil {
		switch m := fi.Mode(); {
		case m.IsDir():
			return fmt.Errorf("%s %s: is a folder; give a file name", flagName, path)
		case m&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
			return nil
		case !m.IsRegular():
			return fmt.Errorf("%s %s: %w (%v)", flagName, path, atomicfile.ErrNotRegular, m.Type())
		case !force:
			return fmt.Errorf("%s %s: %w (use -force to overwrite)", flagName, path, atomicfile.ErrExists)
		}
	} else if _, lerr := os.Lstat(path); lerr == nil && !force {
		return fmt.Errorf("%s %s: %w (a link to nothing; use -force to overwrite)", flagName, path, atomicfile.ErrExists)
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

// Distinct says two output flags name the same file, as a usage mistake
// would: one output would silently replace the other. Paths are compared
// as files (os.SameFile) when both exist, and otherwise by their absolute
// form with the folder's symbolic links resolved, so that "out", "./out"
// and a link to out are one file. "" and "-" are never the same file as
// anything; a character device or a named pipe (/dev/null) may be
// named twice.
func Distinct(flagA, a, flagB, b string) error {
	if a == "" || a == "-" || b == "" || b == "-" {
		return nil
	}
	if sameFile(a, b) {
		return fmt.Errorf("%s %s and %s %s name the same file: one would replace the other", flagA, a, flagB, b)
	}
	return nil
}

func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		if fa.Mode()&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0 {
			return false
		}
		return os.SameFile(fa, fb)
	}
	return resolved(a) == resolved(b)
}

// resolved is path made absolute, with its folder's symbolic links (and
// its own, if it is one) resolved as far as they exist.
func resolved(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		path = r
	} else if d, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		path = filepath.Join(d, filepath.Base(path))
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
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
