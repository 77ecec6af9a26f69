package warc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

const page = "<html><head><title>T</title></head><body><p>Hello chunked world, a paragraph of text.</p></body></html>"

func coded(t *testing.T, coding string) []byte {
	t.Helper()
	var b bytes.Buffer
	var w io.WriteCloser
	switch coding {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "deflate":
		w = zlib.NewWriter(&b)
	case "raw-deflate":
		w, _ = flate.NewWriter(&b, 5)
	case "br":
		w = brotli.NewWriter(&b)
	case "zstd":
		w, _ = zstd.NewWriter(&b)
	}
	w.Write([]byte(page))
	w.Close()
	return b.Bytes()
}

func TestDecodeContent(t *testing.T) {
	for _, c := range []string{"gzip", "deflate", "raw-deflate", "br", "zstd"} {
		name := strings.TrimPrefix(c, "raw-")
		if got := decodeContent(coded(t, c), []string{name}, 1<<20); string(got) != page {
			t.Errorf("%s: got %q", c, got)
		}
	}
	// A coding the bytes are not in leaves them as they are.
	for _, c := range []string{"gzip", "deflate", "br", "zstd", "compress"} {
		if got := decodeContent([]byte(page), []string{c}, 1<<20); string(got) != page {
			t.Errorf("plain under %s: got %q", c, got)
		}
	}
	// A gzip stream cut short gives what it decoded.
	gz := coded(t, "gzip")
	if got := decodeContent(gz[:len(gz)-10], []string{"gzip"}, 1<<20); !strings.HasPrefix(page, string(got)) || len(got) == 0 {
		t.Errorf("cut gzip: got %q", got)
	}
}

func TestDechunk(t *testing.T) {
	body := "1a\r\n" + page[:26] + "\r\n" + strconv.FormatInt(int64(len(page)-26), 16) + "\r\n" + page[26:] + "\r\n0\r\n\r\n"
	got, chunked, err := dechunk([]byte(body))
	if err != nil || !chunked || string(got) != page {
		t.Errorf("chunked: %q %v %v", got, chunked, err)
	}
	got, chunked, err = dechunk([]byte(page))
	if err != nil || chunked || string(got) != page {
		t.Errorf("not chunked: %q %v %v", got, chunked, err)
	}
	for _, bad := range []string{"ff\r\n" + page + "\r\n0\r\n\r\n", "5\r\n" + page + "\r\n0\r\n\r\n"} {
		if _, _, err := dechunk([]byte(bad)); !errors.Is(err, errChunks) {
			t.Errorf("wrong chunk sizes: err %v", err)
		}
	}
}

// Synthetic records for what the real files lack: "Content-Length: -1"
// (gowarc's parsed header fails on it), wrong chunk sizes (a damaged
// record, after which reading goes on), a body still binary after
// decoding, and a charset only in the HTTP header.
func TestSyntheticRecords(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, true)
	at := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.WriteResponse("http://a/", at, "Content-Type: text/html; charset=ISO-8859-2\r\nContent-Length: -1\r\n", []byte(page)))
	must(w.WriteResponse("http://b/", at, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", []byte("ff\r\n"+page+"\r\n0\r\n\r\n")))
	must(w.WriteResponse("http://c/", at, "Content-Type: text/html\r\nContent-Encoding: br\r\n", coded(t, "br")))
	must(w.WriteResponse("http://d/", at, "Content-Type: text/html\r\n", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0}))
	must(w.WriteResponse("http://e/", at, "Content-Type: image/png\r\n", []byte(page)))
	r, err := NewReader(&b, "synthetic.warc.gz", Options{})
	must(err)
	var got []string
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		var d *DamagedError
		if errors.As(err, &d) {
			got = append(got, "damaged "+d.Error())
			continue
		}
		must(err)
		got = append(got, p.URL+" "+p.ContentType+" "+p.Problem+" "+string(p.Body[:min(len(p.Body), 6)]))
	}
	want := []string{
		"http://a/ text/html; charset=ISO-8859-2  <html>",
		"damaged synthetic.warc.gz: damaged record at offset",
		"http://c/ text/html  <html>",
		"http://d/ text/html payload is not text (binary, or in a coding that could not be undone) ",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("record %d: got %q, want %q…", i, got[i], want[i])
		}
	}
	if st := r.Stats(); st.Records != 5 || st.Damaged != 1 || st.HTML != 3 {
		t.Errorf("stats %+v", st)
	}
}
