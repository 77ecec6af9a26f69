package input

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// PatternError is Expand's error for a malformed glob: a usage mistake.
type PatternError struct {
	Pattern string
	Err     error
}

func (e *PatternError) Error() string { return fmt.Sprintf("bad pattern %q: %v", e.Pattern, e.Err) }

func (e *PatternError) Unwrap() error { return e.Err }

// ErrNotRegular is the error, wrapped with the path, for a file a folder
// or a glob holds that is not a regular file (a named pipe, a device, a
// socket): reading it could wait forever, so it is skipped.
var ErrNotRegular = errors.New("not a regular file")

// Expand turns the arguments into page names: "-" and URLs stay, a path
// that exists is that file or folder (even with *, ? or [ in its name),
// folders (also through a symbolic link) are walked for page files
// (IsPageName) and the files isArchive accepts, in lexical order, and
// other arguments with *, ? or [ are globs. A file that a folder or a glob
// holds under such a name but that is not a regular file is left out and
// reported in skipped (an error wrapping ErrNotRegular); a file named
// itself is kept whatever it is (a pipe given as <(...), say). A glob that
// matches nothing and a folder without such files are errors; a malformed
// glob is a *PatternError.
func Expand(args []string, isArchive func(string) bool) (names []string, skipped []error, err error) {
	var out []string
	skip := func(path string, m fs.FileMode) {
		skipped = append(skipped, fmt.Errorf("%s: %w (%s), skipped", path, ErrNotRegular, kindName(m)))
	}
	for _, a := range args {
		if KindOf(a) != File {
			out = append(out, a)
			continue
		}
		matches, globbed := []string{a}, false
		if _, err := os.Stat(a); err != nil && strings.ContainsAny(a, "*?[") {
			m, err := filepath.Glob(a)
			if err != nil {
				return nil, nil, &PatternError{a, err}
			}
			if len(m) == 0 {
				return nil, nil, fmt.Errorf("%s: no file matches", a)
			}
			matches, globbed = m, true
		}
		for _, p := range matches {
			st, err := os.Stat(p)
			if err != nil {
				return nil, nil, err
			}
			if !st.IsDir() {
				if globbed && !st.Mode().IsRegular() {
					skip(p, st.Mode())
					continue
				}
				out = append(out, p)
				continue
			}
			n := len(out)
			root := p
			if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
				// WalkDir does not follow a root that is a link; the
				// folder it points to is walked under the name given.
				root = p + string(filepath.Separator)
			}
			err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if d.IsDir() || !(IsPageName(path) || isArchive(path)) {
					return nil
				}
				m := d.Type()
				if m&fs.ModeSymlink != 0 {
					fi, err := os.Stat(path)
					if err != nil {
						return err
					}
					m = fi.Mode()
				}
				switch {
				case m.IsRegular():
					out = append(out, path)
				case !m.IsDir(): // a link to a folder is not followed
					skip(path, m)
				}
				return nil
			})
			if err != nil {
				return nil, nil, err
			}
			if len(out) == n {
				return nil, nil, fmt.Errorf("%s: no .html, .htm or web archive files in directory", p)
			}
		}
	}
	return out, skipped, nil
}

// kindName names the kind of file m is, for a message.
func kindName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "mode " + m.Type().String()
}

// IsPageName says whether p names an HTML page: .html, .htm or .xhtml,
// optionally .gz, in any case.
func IsPageName(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") || strings.HasSuffix(p, ".xhtml")
}

// ReadList reads an -i file (stdin for "-"): one path, folder, glob or URL
// per line; blank lines and lines starting with # are skipped. Like Read,
// it returns at once when ctx is done while it waits on standard input or
// a pipe.
func ReadList(ctx context.Context, stdin io.Reader, name string) ([]string, error) {
	if fi, err := os.Stat(name); name != "-" && err == nil && fi.Mode().IsRegular() {
		return readList(stdin, name)
	}
	return cancellable(ctx, "-i "+name, func() ([]string, error) { return readList(stdin, name) })
}

func readList(stdin io.Reader, name string) ([]string, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("-i %s: %w", name, err)
	}
	return out, nil
}
