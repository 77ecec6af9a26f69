package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/fetch"
)

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	body := []byte("<p>hello</p>")
	files := map[string][]byte{"a.html": body, "a.html.gz": gz(t, body), "zipped.html": gz(t, body), "fake.gz": body, "bomb.gz": gz(t, make([]byte, 1000))}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	for _, n := range []string{"a.html", "a.html.gz", "zipped.html"} {
		d, err := Read(ctx, nil, filepath.Join(dir, n), 100, fetch.Config{})
		if err != nil || !bytes.Equal(d.Body, body) {
			t.Errorf("%s: %q %v", n, d.Body, err)
		}
	}
	if d, err := Read(ctx, bytes.NewReader(gz(t, body)), "-", 100, fetch.Config{}); err != nil || !bytes.Equal(d.Body, body) {
		t.Errorf("gzipped stdin: %q %v", d.Body, err)
	}
	if _, err := Read(ctx, nil, filepath.Join(dir, "fake.gz"), 100, fetch.Config{}); !errors.Is(err, ErrNotGzip) {
		t.Errorf(".gz that is not gzip: %v", err)
	}
	_, err := Read(ctx, nil, filepath.Join(dir, "bomb.gz"), 100, fetch.Config{})
	if !errors.Is(err, page.ErrTooLarge) || !strings.Contains(err.Error(), "decompresses to more than the 100-byte limit") {
		t.Errorf("gzip bomb: %v", err)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.html", "b.htm", "c.txt", "d.warc", "sub/e.xhtml.gz"} {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	isArchive := func(p string) bool { return strings.HasSuffix(p, ".warc") }
	got, skipped, err := Expand([]string{"-", "http://x/", dir, filepath.Join(dir, "*.txt")}, isArchive)
	want := []string{"-", "http://x/", filepath.Join(dir, "a.html"), filepath.Join(dir, "b.htm"), filepath.Join(dir, "d.warc"), filepath.Join(dir, "sub/e.xhtml.gz"), filepath.Join(dir, "c.txt")}
	if err != nil || !slices.Equal(got, want) || skipped != nil {
		t.Errorf("Expand: %q %v %v, want %q", got, skipped, err, want)
	}
	if _, _, err := Expand([]string{filepath.Join(dir, "[")}, isArchive); !errors.As(err, new(*PatternError)) {
		t.Errorf("bad pattern: %v, want a *PatternError", err)
	}
	if _, _, err := Expand([]string{filepath.Join(dir, "*.none")}, isArchive); err == nil {
		t.Error("a glob that matches nothing is not an error")
	}
}

func TestReadList(t *testing.T) {
	got, err := ReadList(context.Background(), strings.NewReader("a.html\n\n# note\n  http://x/  \n"), "-")
	if err != nil || !slices.Equal(got, []string{"a.html", "http://x/"}) {
		t.Errorf("ReadList: %q %v", got, err)
	}
}
