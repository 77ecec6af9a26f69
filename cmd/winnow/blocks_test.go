package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// runWinnow runs the command line with args and returns the exit code,
// stdout and stderr.
func runWinnow(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdout: &out, stderr: &errOut, stdin: strings.NewReader(stdin), getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

const blocksPage = `<html><head><title>T</title></head><body>
<nav><ul><li><a href="/">Home</a></li></ul></nav>
<h1>Headline here</h1>
<p>The story, with <a href="#">a link</a> in it.</p>
</body></html>`

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBlocks(t *testing.T) {
	page := writeFile(t, "page.html", []byte(blocksPage))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(blocksPage))
	zw.Close()
	pageGz := writeFile(t, "page.html.gz", gz.Bytes())
	png := writeFile(t, "img.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))

	tests := []struct {
		name, reason string
		args         []string
		stdin        string
		code         int
		stdout       []string // substrings stdout must hold
		stderr       string   // substring stderr must hold
	}{
		{"text", "one line per block with element, path, words and text", []string{"blocks", page}, "", 0,
			[]string{"ELEMENT", "…>body>nav>ul>li", "html>body>h1", "Headline here", "The story, with a link in it."}, ""},
		{"gzip", ".gz files are read decompressed", []string{"blocks", pageGz}, "", 0, []string{"Headline here"}, ""},
		{"stdin", "- reads standard input", []string{"blocks", "-"}, blocksPage, 0, []string{"Headline here"}, ""},
		{"no file", "a missing argument is a usage error", []string{"blocks"}, "", 2, nil, "want one page"},
		{"bad format", "an unknown format is a usage error", []string{"blocks", "-format", "xml", page}, "", 2, nil, "unknown -format"},
		{"missing file", "an unreadable file is an error naming it", []string{"blocks", "/nonexistent/x.html"}, "", 1, nil, "/nonexistent/x.html"},
		{"binary", "a PNG is refused as not HTML", []string{"blocks", png}, "", 1, nil, "not HTML"},
		{"too large", "the byte limit is enforced and the error says how to raise it", []string{"blocks", "-max-bytes", "10", page}, "", 1, nil, "-max-bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWinnow(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (%s); stderr:\n%s", code, tt.code, tt.reason, errOut)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q (%s):\n%s", s, tt.reason, out)
				}
			}
			if tt.stderr != "" && !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr lacks %q (%s):\n%s", tt.stderr, tt.reason, errOut)
			}
		})
	}
}

func TestBlocksJSON(t *testing.T) {
	page := writeFile(t, "page.html", []byte(blocksPage))
	code, out, errOut := runWinnow(t, "", "blocks", "-format", "json", page)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Title, Encoding, Schema string
		Blocks                  []struct {
			Text, Tag, Path, Kind string
			Features              map[string]float64
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if got.Title != "T" || got.Encoding != "utf-8" || got.Schema == "" || len(got.Blocks) != 3 {
		t.Fatalf("got title %q, encoding %q, schema %q, %d blocks; want T, utf-8, a schema, 3 blocks", got.Title, got.Encoding, got.Schema, len(got.Blocks))
	}
	h := got.Blocks[1]
	if h.Text != "Headline here" || h.Tag != "h1" || h.Kind != "heading" || h.Path != "html>body>h1" {
		t.Errorf("block 1 = %+v", h)
	}
	if h.Features["Words"] != 2 || h.Features["TagHeading"] != 1 {
		t.Errorf("block 1 features Words=%v TagHeading=%v, want 2 and 1", h.Features["Words"], h.Features["TagHeading"])
	}
	if ld := got.Blocks[2].Features["LinkDensity"]; ld < 0.28 || ld > 0.29 {
		t.Errorf("paragraph link density = %v, want 2/7", ld)
	}
}

func TestShortPath(t *testing.T) {
	tests := []struct {
		path []string
		k    int
		want string
	}{
		{[]string{"html", "body", "p"}, 4, "html>body>p"},
		{[]string{"html", "body", "div", "ul", "li"}, 2, "…>ul>li"},
		{nil, 3, ""},
	}
	for _, tt := range tests {
		if got := shortPath(tt.path, tt.k); got != tt.want {
			t.Errorf("shortPath(%v, %d) = %q, want %q", tt.path, tt.k, got, tt.want)
		}
	}
}

// heapAtWriter discards what is written to it, and measures the live heap
// once more than at bytes have been written: what the writer's caller holds
// while it writes.
type heapAtWriter struct {
	at, written int
	heap        uint64 // live heap when written passed at; 0 before
}

func (w *heapAtWriter) Write(p []byte) (int, error) {
	w.written += len(p)
	if w.heap == 0 && w.written > w.at {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		w.heap = m.HeapAlloc
	}
	return len(p), nil
}

// TestBlocksJSONStreams: blocks -format json writes the blocks as it goes
// instead of building the whole document first, so the memory it holds
// does not grow with its output (a 1.6 MB page made 629 MB of JSON and
// cost 3.4 GB).
func TestBlocksJSONStreams(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body>")
	for i := range 10_000 {
		fmt.Fprintf(&b, "<p>paragraph %d</p>", i)
	}
	path := writeFile(t, "many.html", []byte(b.String()))
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	w := &heapAtWriter{at: 4 << 20}
	var errOut bytes.Buffer
	e := &env{stdout: w, stderr: &errOut, stdin: strings.NewReader(""), getenv: func(string) string { return "" }}
	if code := run(context.Background(), e, []string{"blocks", "-format", "json", path}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	held := int64(w.heap) - int64(before.HeapAlloc)
	t.Logf("%d bytes of JSON for a %d-byte page; %d bytes more live heap after %d bytes written", w.written, b.Len(), held, w.at)
	if w.written < 5*w.at {
		t.Fatalf("only %d bytes written: the page is too small for the test", w.written)
	}
	if held > int64(w.written)/4 {
		t.Errorf("%d bytes held while writing %d bytes of JSON: the output is built in memory", held, w.written)
	}
}

// TestBlocksLimits: blocks takes extract's limits on blocks, depth and
// time.
func TestBlocksLimits(t *testing.T) {
	page := writeFile(t, "page.html", []byte(blocksPage))
	deep := writeFile(t, "deep.html", []byte("<html><body>"+strings.Repeat("<div>", 60)+"deep"))
	tests := []struct {
		name, reason string
		args         []string
		code         int
		stderr       string
	}{
		{"-max-blocks", "the flag bounds the blocks", []string{"blocks", "-max-blocks", "2", page}, 1, "too many blocks"},
		{"-max-depth", "the flag bounds the nesting", []string{"blocks", "-max-depth", "50", deep}, 1, "nesting too deep"},
		{"-timeout", "a page that takes longer stops with a time-limit error", []string{"blocks", "-timeout", "1ns", page}, 1, "time limit"},
		{"bad -max-depth", "the parser cannot go past 512", []string{"blocks", "-max-depth", "1000", page}, 2, "-max-depth between 1 and 512"},
		{"within the limits", "the control", []string{"blocks", "-max-blocks", "3", "-max-depth", "50", "-timeout", "1m", page}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runWinnow(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q: %s", code, errOut, tt.code, tt.stderr, tt.reason)
			}
		})
	}
}
