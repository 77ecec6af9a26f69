package warc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// synthetic is a WARC of n pages, every third one without main content.
func synthetic(t testing.TB, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	w := NewWriter(&b, true)
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for i := range n {
		body := fmt.Sprintf("<html><head><title>Page %d</title></head><body><article><h1>Story %d</h1><p>%s</p></article></body></html>",
			i, i, bytes.Repeat([]byte("A sentence of the story, long enough to be content. "), 3+i%5))
		if i%3 == 2 {
			body = "<html><body></body></html>"
		}
		if err := w.WriteResponse(fmt.Sprintf("http://example.org/%d", i), at, "", []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// Process hands the lines back in record order whatever the number of
// workers, and counts the pages with and without text.
func TestProcessOrder(t *testing.T) {
	data := synthetic(t, 40)
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	for _, jobs := range []int{1, 3, 8} {
		r, err := NewReader(bytes.NewReader(data), "s.warc.gz", Options{})
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		s, err := Process(context.Background(), r, x, jobs, func(l Line) error {
			urls = append(urls, l.URL)
			if (l.Text == "") != (l.Empty != "") || (l.Empty != "" && l.Empty != "no main content found") {
				t.Errorf("line %+v", l)
			}
			return nil
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, u := range urls {
			if u != fmt.Sprintf("http://example.org/%d", i) {
				t.Fatalf("-j %d: line %d is %s", jobs, i, u)
			}
		}
		if len(urls) != 40 || s.Extracted != 27 || s.Empty != 13 || s.HTML != 40 || s.Records != 40 {
			t.Errorf("-j %d: %d lines, %+v", jobs, len(urls), s)
		}
	}
}

// An error from emit stops Process, which returns it; so does the end of
// the context. Neither leaves it waiting.
func TestProcessStops(t *testing.T) {
	data := synthetic(t, 60)
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	r, _ := NewReader(bytes.NewReader(data), "s.warc.gz", Options{})
	n := 0
	_, err = Process(context.Background(), r, x, 4, func(Line) error {
		if n++; n == 5 {
			return stop
		}
		return nil
	}, nil)
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("emit error: err %v after %d lines", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, _ = NewReader(bytes.NewReader(data), "s.warc.gz", Options{})
	n = 0
	_, err = Process(ctx, r, x, 4, func(Line) error {
		if n++; n == 3 {
			cancel()
		}
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) || n >= 60 {
		t.Errorf("cancelled: err %v after %d lines", err, n)
	}
}

// The reader ends on any input, without a panic, and reports every record
// it cannot read as damaged.
func FuzzReader(f *testing.F) {
	plain := new(bytes.Buffer)
	w := NewWriter(plain, false)
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	_ = w.WriteResponse("http://a/", at, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", []byte("5\r\n<p>hi\r\n0\r\n\r\n"))
	_ = w.WriteResponse("http://b/", at, "Content-Type: text/html; charset=latin1\r\nContent-Encoding: gzip\r\n", []byte("<p>not gzip</p>"))
	f.Add(plain.Bytes())
	f.Add(synthetic(f, 3))
	f.Add([]byte("filedesc://x.arc 0.0.0.0 20140101000000 text/plain 10\n1 0 x\nabcd\n\nhttp://a/ 1.2.3.4 20140101000000 text/html 20\nHTTP/1.0 200 OK\n\n<p>\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := NewReader(bytes.NewReader(b), "fuzz", Options{MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		for range len(b) + 2 {
			p, err := r.Next()
			if err != nil {
				var d *DamagedError
				if errors.As(err, &d) {
					continue
				}
				return
			}
			if p.Problem == "" && looksBinary(p.Body) {
				t.Fatalf("binary body handed out: %q", p.Body)
			}
		}
		t.Fatalf("no end after %d calls of Next on %d bytes", len(b)+2, len(b))
	})
}

// The charset of the HTTP Content-Type reaches the extractor: the same
// bytes read as ISO-8859-2 and as windows-1251 give different text.
func TestCharsetFromHeader(t *testing.T) {
	body := "<html><head><title>T</title></head><body><article><p>" +
		strings.Repeat("Zaj\xea\xe6 \xb1 story text that is long enough to be kept. ", 4) + "</p></article></body></html>"
	var b bytes.Buffer
	w := NewWriter(&b, false)
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, cs := range []string{"ISO-8859-2", "windows-1251"} {
		if err := w.WriteResponse("http://a/"+cs, at, "Content-Type: text/html; charset="+cs+"\r\n", []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := NewReader(&b, "cs.warc", Options{})
	var texts []string
	if _, err := Process(context.Background(), r, x, 2, func(l Line) error {
		texts = append(texts, l.Text)
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	if len(texts) != 2 || !strings.Contains(texts[0], "Zajęć ą") || !strings.Contains(texts[1], "Zajкж ± ") {
		t.Errorf("texts %q, want Zajęć ą (ISO-8859-2) and Zajкж ± (windows-1251)", texts)
	}
}
