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
// Create, so that a file created meanwhile is never clobbered. A write
// that fails (a full disk) fails every later write and the Commit: a
// file with a hole in it is never committed.
//
// A destination that is a symbolic link to a regular file is written
// through the link: the file it points to is replaced, the link stays. A
// destination that is a character device or a named pipe (/dev/null, a
// terminal, a FIFO, a shell's >(...)) is not a file to replace: it is
// opened and written directly, with or without force, and Commit only
// closes it. Other kinds (a folder, a block device, a socket) are refused.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// ErrExists is returned, wrapped with the path, when the destination
// exists and overwriting was not asked.
var ErrExists = errors.New("file exists")

// ErrNotRegular is returned, wrapped with the path, for a destination that
// is neither a regular file, a character device nor a named pipe.
var ErrNotRegular = errors.New("not a regular file, character device or named pipe")

// Mode is the permission bits of a committed file.
const Mode fs.FileMode = 0o644

// File is a file being written. Its methods are not safe for concurrent
// use.
type File struct {
	path   string // as given to Create, for messages
	target string // where the temporary file goes: path, its link resolved
	force  bool
	tmp    *os.File
	direct bool  // tmp is the destination itself (a device or a pipe)
	err    error // the first write error, failing every later write
	done   bool  // committed or aborted
}

var _ io.Writer = (*File)(nil)

// Create starts writing path. If path exists and force is false it
// returns an error wrapping ErrExists; Commit checks again. A character
// device or a named pipe is opened for writing at once (see the package
// doc), which waits for a reader as a shell's redirection does. The
// temporary file is in path's folder, with a short name starting
// ".winnow-", so that any name the folder takes can be written.
func Create(path string, force bool) (*File, error) {
	target, direct, err := destination(path, force)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if direct {
		fh, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", path, err)
		}
		return &File{path: path, target: path, force: force, tmp: fh, direct: true}, nil
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, ".winnow-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	track(tmp.Name())
	return &File{path: path, target: target, force: force, tmp: tmp}, nil
}

// destination says where path's data goes: the file to replace (path, or
// the file its symbolic link points to) or, direct, path itself to be
// written in place. It refuses an existing path without force, except a
// device or a pipe, which is not replaced.
func destination(path string, force bool) (target string, direct bool, err error) {
	lfi, lerr := os.Lstat(path)
	if lerr != nil {
		return path, false, nil // created by Commit
	}
	fi, serr := os.Stat(path)
	if serr != nil {
		// A dangling link: replaced itself, when asked.
		if !force {
			return "", false, ErrExists
		}
		return path, false, nil
	}
	switch m := fi.Mode(); {
	case m&fs.ModeCharDevice != 0, m&fs.ModeNamedPipe != 0:
		return path, true, nil
	case !m.IsRegular():
		if m.IsDir() {
			return "", false, errors.New("is a folder")
		}
		return "", false, fmt.Errorf("%w (%v)", ErrNotRegular, m.Type())
	case !force:
		return "", false, ErrExists
	case lfi.Mode()&fs.ModeSymlink == 0:
		return path, false, nil
	}
	target, err = filepath.EvalSymlinks(path)
	if err != nil {
		return "", false, err
	}
	return target, false, nil
}

// Write writes p to the temporary file (or the device). After a failed
// write every later write fails with the same error, and so does Commit.
func (f *File) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	if f.done {
		return 0, fmt.Errorf("write %s: already committed or aborted", f.path)
	}
	n, err := f.tmp.Write(p)
	if err != nil {
		f.err = fmt.Errorf("write %s: %w", f.path, err)
		return n, f.err
	}
	return n, nil
}

// Commit sets the file's mode to Mode, syncs it and moves it to the path
// given to Create. It returns an error wrapping ErrExists if the path
// appeared meanwhile and force was false, and the first write's error if
// a write failed. On any error the temporary file is removed and the
// destination is as it was. For a device or a pipe, Commit closes it.
// Commit after Commit or Abort is an error.
func (f *File) Commit() (err error) {
	if f.done {
		return fmt.Errorf("write %s: already committed or aborted", f.path)
	}
	if f.err != nil {
		f.Abort()
		return f.err
	}
	f.done = true
	if f.direct {
		if err := f.tmp.Close(); err != nil {
			return fmt.Errorf("write %s: %w", f.path, err)
		}
		return nil
	}
	name := f.tmp.Name()
	defer untrack(name)
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
		return os.Rename(name, f.target)
	}
	if err := os.Link(name, f.target); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return ErrExists
		}
		// No hard links on this file system: fall back to a rename after
		// a last check, leaving a narrow race instead of failing.
		if _, serr := os.Lstat(f.target); serr == nil {
			return ErrExists
		}
		return os.Rename(name, f.target)
	}
	os.Remove(name)
	return nil
}

// Abort removes the temporary file, leaving the destination as it was (a
// device or a pipe is closed, keeping what was written to it). It does
// nothing after Commit or a first Abort.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	if !f.direct {
		os.Remove(f.tmp.Name())
		untrack(f.tmp.Name())
	}
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

// live holds the temporary files of Files not yet committed or aborted.
var live struct {
	sync.Mutex
	names map[string]bool
}

func track(name string) {
	live.Lock()
	defer live.Unlock()
	if live.names == nil {
		live.names = make(map[string]bool)
	}
	live.names[name] = true
}

func untrack(name string) {
	live.Lock()
	defer live.Unlock()
	delete(live.names, name)
}

// RemoveTemporary removes the temporary file of every File not yet
// committed or aborted, for a program about to exit without finishing
// them (on a second Ctrl-C, say). Those Files must not be used after it.
func RemoveTemporary() {
	live.Lock()
	defer live.Unlock()
	for name := range live.names {
		os.Remove(name)
		delete(live.names, name)
	}
}
