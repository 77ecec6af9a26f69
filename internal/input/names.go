package input

import (
	"bufio"
	"fmt"
	"io"
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

// Expand turns the arguments into page names: "-" and URLs stay, a path
// that exists is that file or folder (even with *, ? or [ in its name),
// folders are walked for page files (IsPageName) and the files isArchive
// accepts, in lexical order, and other arguments with *, ? or [ are globs.
// A glob that matches nothing and a folder without such files are errors;
// a malformed glob is a *PatternError.
func Expand(args []string, isArchive func(string) bool) ([]string, error) {
	var out []string
	for _, a := range args {
		if KindOf(a) != File {
			out = append(out, a)
			continue
		}
		matches := []string{a}
		if _, err := os.Stat(a); err != nil && strings.ContainsAny(a, "*?[") {
			m, err := filepath.Glob(a)
			if err != nil {
				return nil, &PatternError{a, err}
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("%s: no file matches", a)
			}
			matches = m
		}
		for _, p := range matches {
			st, err := os.Stat(p)
			if err != nil {
				return nil, err
			}
			if !st.IsDir() {
				out = append(out, p)
				continue
			}
			n := len(out)
			err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if !d.IsDir() && (IsPageName(path) || isArchive(path)) {
					out = append(out, path)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			if len(out) == n {
				return nil, fmt.Errorf("%s: no .html, .htm or web archive files in directory", p)
			}
		}
	}
	return out, nil
}

// IsPageName says whether p names an HTML page: .html, .htm or .xhtml,
// optionally .gz, in any case.
func IsPageName(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") || strings.HasSuffix(p, ".xhtml")
}

// ReadList reads an -i file (stdin for "-"): one path, folder, glob or URL
// per line; blank lines and lines starting with # are skipped.
func ReadList(stdin io.Reader, name string) ([]string, error) {
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
