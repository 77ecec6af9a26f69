// Package atomicfile writes files so that readers see the old file or the
// new one, never a partial one, and so that an existing file is replaced
// only when the caller asks.
//
//	f, err := atomicfile.Create("out.json", false) // ErrExists if out.json exists
//	if err != nil { ... }
//	if _, err := f.Write(data); err != nil { f.Abort(); ... }
//	err = f.Commit() // out.json appears, whole, with mode 0644
//
// The data goes to a temporary file in the destination's folder (so the
// final step is a rename or a link on one file system), which Commit syncs
// to disk and then moves into place: by rename when overwriting is asked,
// otherwise by a hard link, which fails if the destination appeared since
// Create, so that a file created meanwhile is never clobbered.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned, wrapped with the path, when the destination
// exists and overwriting was not asked.
var ErrExists = errors.New("file exists")

// Mode is the permission bits of a committed file.
const Mode fs.FileMode = 0o644

// File is a file being written. Its methods are not safe for concurrent
// use.
type File struct {
	path  string
	force bool
	tmp   *os.File
	done  bool // committed or aborted
}

var _ io.Writer = (*File)(nil)

// Create starts writing path. If path exists and force is false it
// returns an error wrapping ErrExists; Commit checks again. The temporary
// file is named after path, in its folder, with a leading dot.
func Create(path string, force bool) (*File, error) {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return nil, fmt.Errorf("write %s: %w", path, ErrExists)
		}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return &File{path: path, force: force, tmp: tmp}, nil
}

// Write writes p to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	n, err := f.tmp.Write(p)
	if err != nil {
		err = fmt.Errorf("write %s: %w", f.path, err)
	}
	return n, err
}

// Commit sets the file's mode to Mode, syncs it and moves it to the path
// given to Create. It returns an error wrapping ErrExists if the path
// appeared meanwhile and force was false. On any error the temporary file
// is removed and the destination is as it was. Commit after Commit or
// Abort is an error.
func (f *File) Commit() (err error) {
	if f.done {
		return fmt.Errorf("write %s: already committed or aborted", f.path)
	}
	f.done = true
	name := f.tmp.Name()
	defer func() {
		if err != nil {
			os.Remove(name)
			err = fmt.Errorf("write %s: %w", f.path, err)
		}
	}()
	if err := f.tmp.Chmod(Mode); err != nil {
		f.tmp.Close()
		return err
	}
	if err := f.tmp.Sync(); err != nil {
		f.tmp.Close()
		return err
	}
	if err := f.tmp.Close(); err != nil {
		return err
	}
	if f.force {
		return os.Rename(name, f.path)
	}
	if err := os.Link(name, f.path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return ErrExists
		}
		// No hard links on this file system: fall back to a rename after
		// a last check, leaving a narrow race instead of failing.
		if _, serr := os.Lstat(f.path); serr == nil {
			return ErrExists
		}
		return os.Rename(name, f.path)
	}
	os.Remove(name)
	return nil
}

// Abort removes the temporary file, leaving the destination as it was. It
// does nothing after Commit or a first Abort.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}

// WriteFile writes data to path through a File: see Create and Commit.
func WriteFile(path string, data []byte, force bool) error {
	f, err := Create(path, force)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}
