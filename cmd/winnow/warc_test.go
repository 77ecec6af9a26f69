package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/winnow-dev/winnow/internal/articleout"
	"github.com/winnow-dev/winnow/internal/shareddata"
	"github.com/winnow-dev/winnow/warc"
)

// warcTestDir is ../shared/warc: WINNOW_WARC, or WINNOW_DATA's sibling.
// The tests skip when neither is set and fail when the files are missing.
func warcTestDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("WINNOW_WARC")
	if dir == "" {
		data, err := shareddata.Resolve(os.Getenv(shareddata.Env))
		if err != nil {
			t.Skip("neither WINNOW_WARC nor WINNOW_DATA is set: skipping the tests on the real WARC files (from the repository root: WINNOW_DATA=../shared/data go test ./cmd/winnow)")
		}
		dir = filepath.Join(filepath.Dir(filepath.Clean(data)), "warc")
	}
	if _, err := os.Stat(filepath.Join(dir, "warcfile.warc.gz")); err != nil {
		t.Fatalf("no WARC test files in %q: %v", dir, err)
	}
	return dir
}

func decodeLines(t *testing.T, out string) []warc.Line {
	t.Helper()
	var lines []warc.Line
	for _, s := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if s == "" {
			continue
		}
		var l warc.Line
		if err := json.Unmarshal([]byte(s), &l); err != nil {
			t.Fatalf("line %q: %v", s, err)
		}
		lines = append(lines, l)
	}
	return lines
}

// The Common Crawl sample gives its 16 HTML responses, one line each, the
// same with one worker and with four, and a summary on stderr that counts
// the lines with text as extracted and those without as no content.
func TestExtractWARC(t *testing.T) {
	path := filepath.Join(warcTestDir(t), "warcfile.warc.gz")
	code, out, errOut := runWinnow(t, "", "extract", "-format", "jsonl", "-j", "1", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := decodeLines(t, out)
	if len(lines) != 16 {
		t.Fatalf("%d lines, want 16", len(lines))
	}
	empty := 0
	for _, l := range lines {
		if l.URL == "" || l.WARCDate == "" || l.WARCRecordID == "" || l.Source != path || (l.Text == "") != (l.Empty != "") {
			t.Errorf("line %+v", l)
		}
		if l.Text == "" {
			empty++
		}
	}
	want := fmt.Sprintf("winnow extract: files 1, records 50, HTML responses 16, extracted %d, no content %d, damaged 0\n", 16-empty, empty)
	if errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if _, out4, _ := runWinnow(t, "", "extract", "-format", "jsonl", "-j", "4", path); out4 != out {
		t.Error("-j 4 gives other lines than -j 1")
	}
}

// Damaged records are reported with the file and offset, the rest is
// written, and the exit code is 0; a file that is not a web archive fails
// with its name.
func TestExtractWARCDamaged(t *testing.T) {
	dir := warcTestDir(t)
	code, out, errOut := runWinnow(t, "", "extract", "-format", "jsonl",
		filepath.Join(dir, "example-trunc.warc"), filepath.Join(dir, "example.warc.gz"))
	if code != 0 || len(decodeLines(t, out)) != 1 ||
		!strings.Contains(errOut, "example-trunc.warc: damaged record at offset 1197") ||
		!strings.Contains(errOut, "files 2, records 10, HTML responses 1, extracted 1, no content 0, damaged 1") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	fake := writeFile(t, "notes.warc", readme)
	code, _, errOut = runWinnow(t, "", "extract", "-format", "jsonl", fake)
	if code != 1 || !strings.Contains(errOut, fake+": not a WARC file") {
		t.Errorf("not a WARC: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut = runWinnow(t, "", "extract", fake); code != 2 || !strings.Contains(errOut, "-format jsonl") {
		t.Errorf("-format text: exit %d, stderr %q", code, errOut)
	}
}

// A WARC written from pages of the labelled data gives, line for line, the
// text of extracting each page on its own; a page without main content
// gets its line with empty text and the reason.
func TestExtractWARCMatchesPages(t *testing.T) {
	data := shareddata.Dir(t)
	names, err := filepath.Glob(filepath.Join(data, "dragnet", "html", "*.html.gz"))
	if err != nil || len(names) < 12 {
		t.Fatalf("dragnet pages in %s: %d, %v", data, len(names), err)
	}
	sort.Strings(names)
	names = names[:12]
	var w bytes.Buffer
	ww := warc.NewWriter(&w, true)
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, n := range names {
		if err := ww.WriteResponse("http://example.org/"+filepath.Base(n), at, "", gunzipFile(t, n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := ww.WriteResponse("http://example.org/empty", at, "", []byte("<html><body></body></html>")); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "pages.warc.gz", w.Bytes())
	code, out, errOut := runWinnow(t, "", "extract", "-format", "jsonl", "-j", "3", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := decodeLines(t, out)
	code, out, errOut = runWinnow(t, "", append([]string{"extract", "-format", "jsonl"}, names...)...)
	if code != 0 {
		t.Fatalf("pages: exit %d: %s", code, errOut)
	}
	var want []articleout.JSON
	for _, s := range strings.Split(strings.TrimSpace(out), "\n") {
		var a articleout.JSON
		if err := json.Unmarshal([]byte(s), &a); err != nil {
			t.Fatal(err)
		}
		want = append(want, a)
	}
	if len(got) != len(names)+1 || len(want) != len(names) {
		t.Fatalf("%d lines from the WARC, %d from the pages; want %d and %d", len(got), len(want), len(names)+1, len(names))
	}
	for i, a := range want {
		if g := got[i]; g.Text != a.Text || g.Title != a.Title || g.Encoding != a.Encoding || g.URL != "http://example.org/"+filepath.Base(names[i]) {
			t.Errorf("%s: the WARC's line differs from the page's (title %q vs %q, %d vs %d bytes of text)",
				names[i], g.Title, a.Title, len(g.Text), len(a.Text))
		}
	}
	if l := got[len(names)]; l.Text != "" || l.Empty != "no main content found" {
		t.Errorf("empty page: %+v", l)
	}
}

func gunzipFile(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A web archive whose name says nothing (example-bad.warc.gz.bad, gzipped
// as one stream) is known by its first bytes; pages and archives are not
// mixed.
func TestExtractWARCSniffed(t *testing.T) {
	dir := warcTestDir(t)
	bad := filepath.Join(dir, "example-bad.warc.gz.bad")
	code, out, errOut := runWinnow(t, "", "extract", "-format", "jsonl", bad)
	if lines := decodeLines(t, out); code != 0 || len(lines) != 2 || lines[1].URL != "http://www.iana.org/domains/example" {
		t.Errorf("exit %d, %d lines, stderr %q", code, len(lines), errOut)
	}
	page := writeFile(t, "page.html", []byte(blocksPage))
	code, _, errOut = runWinnow(t, "", "extract", "-format", "jsonl", bad, page)
	if code != 2 || !strings.Contains(errOut, "not both") {
		t.Errorf("mixed: exit %d, stderr %q", code, errOut)
	}
}
