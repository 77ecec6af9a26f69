package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/winnow-dev/winnow/internal/articleout"
)

// pageServer serves the seed page and variants of it, on a local server
// only (the tests never reach the internet), and records the User-Agent
// of each request.
func pageServer(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	seed := seedPage(t)
	// The story in windows-1252: "café" is one byte 0xE9, which UTF-8
	// (the page's own <meta charset>) would read as U+FFFD.
	latin := bytes.Replace(seed, []byte("agreed to discuss ways"), []byte("agreed to discuss caf\xe9 ways"), 1)
	var mu sync.Mutex
	var agents []string
	mux := http.NewServeMux()
	mux.HandleFunc("/news", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(seed)
	})
	mux.HandleFunc("/latin", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(latin)
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 4 { // no Content-Length: the limit must hold while reading
			w.Write(seed)
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/news", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), agents...) }
}

// TestExtractURL fetches pages from a local server: the story comes out,
// the final URL is the page's URL in JSON, the Content-Type charset is
// the one decoded, and the limits (size, redirects, time) and failures
// are errors naming the URL.
func TestExtractURL(t *testing.T) {
	s, agents := pageServer(t)
	u := func(p string) string { return s.URL + p }
	twoPages := fmt.Sprint(2 * len(seedPage(t))) // /chunked sends four

	t.Run("redirect and url", func(t *testing.T) {
		code, out, errOut := runWinnow(t, "", "extract", "-format", "jsonl", u("/moved"))
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var a articleout.JSON
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatal(err)
		}
		if a.Source != u("/moved") || a.URL != u("/news") || !strings.Contains(a.Text, seedStory) || a.Status != articleout.StatusOK {
			t.Errorf("source %q url %q status %q, story %v; want the URL given, the URL redirected to, ok and the story", a.Source, a.URL, a.Status, strings.Contains(a.Text, seedStory))
		}
	})
	t.Run("charset from Content-Type", func(t *testing.T) {
		code, out, errOut := runWinnow(t, "", "extract", "-format", "json", u("/latin"))
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var a articleout.JSON
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "agreed to discuss café ways") || a.Encoding != "windows-1252" {
			t.Errorf("encoding %q; text lacks the story in windows-1252 (\"café\"):\n%.300s", a.Encoding, a.Text)
		}
	})
	t.Run("user agent", func(t *testing.T) {
		if code, _, errOut := runWinnow(t, "", "extract", u("/news"), "-user-agent", "winnow-test/1"); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if a := agents(); a[len(a)-1] != "winnow-test/1" {
			t.Errorf("server saw User-Agent %q, want winnow-test/1", a[len(a)-1])
		}
	})
	for _, tc := range []struct {
		name   string
		args   []string
		stderr []string
	}{
		{"not found", []string{u("/nosuch")}, []string{u("/nosuch") + ": fetch: HTTP status 404 Not Found"}},
		{"redirect loop", []string{u("/loop")}, []string{u("/loop") + ": fetch: stopped after 10 redirects"}},
		{"-max-redirects 0", []string{"-max-redirects", "0", u("/moved")}, []string{"stopped after 0 redirects"}},
		{"size limit", []string{"-max-bytes", "1000", u("/news")}, []string{u("/news"), "input too large", "1000-byte limit"}},
		{"size limit without Content-Length", []string{"-max-bytes", twoPages, u("/chunked")}, []string{u("/chunked"), "input too large"}},
		{"fetch timeout", []string{"-fetch-timeout", "200ms", u("/slow")}, []string{u("/slow") + ": fetch: ", "Client.Timeout"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runWinnow(t, "", append([]string{"extract"}, tc.args...)...)
			if code != 1 {
				t.Fatalf("exit %d, want 1: %s", code, errOut)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
		})
	}
}

// TestExtractInputs covers the inputs that are not URLs: an -i list, gzip
// on standard input, a .gz file that is not gzip data, and a file whose
// name holds glob characters.
func TestExtractInputs(t *testing.T) {
	seed := seedPage(t)
	dir := t.TempDir()
	put := func(name string, b []byte) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(seed)
	zw.Close()
	page := put("page.html", seed)
	bracket := put("report_[2024].html", seed)
	star := put("a*b?.html", seed)
	fake := put("fake.html.gz", seed)
	short := put("short.html.gz", []byte("<p>"))
	noExt := put("page-gzipped.html", gz.Bytes())
	s, _ := pageServer(t)
	list := put("list.txt", []byte(fmt.Sprintf("# pages to extract\n%s\n\n  %s  \n%s/news\n", page, bracket, s.URL)))

	t.Run("-i list", func(t *testing.T) {
		code, out, errOut := runWinnow(t, "", "extract", "-format", "jsonl", "-i", list)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var sources []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var a articleout.JSON
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, seedStory) {
				t.Errorf("%s: no story", a.Source)
			}
			sources = append(sources, a.Source)
		}
		if want := []string{page, bracket, s.URL + "/news"}; fmt.Sprint(sources) != fmt.Sprint(want) {
			t.Errorf("pages %q, want %q", sources, want)
		}
	})
	t.Run("-i - with - refused", func(t *testing.T) {
		if code, _, errOut := runWinnow(t, page, "extract", "-i", "-", "-"); code != 2 || !strings.Contains(errOut, "cannot also be a page") {
			t.Errorf("exit %d, %q; want 2 and why", code, errOut)
		}
	})
	for _, tc := range []struct {
		name, stdin string
		args        []string
		code        int
		stderr      string
	}{
		{"gzip on stdin", gz.String(), []string{"-"}, 0, ""},
		{"plain stdin", string(seed), []string{"-"}, 0, ""},
		{"gzip data without .gz", "", []string{noExt}, 0, ""},
		{"[ in an existing name", "", []string{bracket}, 0, ""},
		{"* and ? in an existing name", "", []string{star}, 0, ""},
		{"a glob still globs", "", []string{filepath.Join(dir, "page.h*")}, 0, ""},
		{".gz not gzip", "", []string{fake}, 1, fake + ": not gzip data"},
		{"short .gz", "", []string{short}, 1, short + ": not gzip data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runWinnow(t, tc.stdin, append([]string{"extract"}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errOut)
			}
			if tc.code == 0 && !strings.Contains(out, seedStory) {
				t.Errorf("no story:\n%.300s", out)
			}
			if !strings.Contains(errOut, tc.stderr) || (tc.stderr != "" && strings.Contains(errOut, "unexpected EOF")) {
				t.Errorf("stderr %q, want %q", errOut, tc.stderr)
			}
		})
	}
}
