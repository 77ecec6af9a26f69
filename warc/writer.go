package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"fmt"
	"io"
	"time"
)

// Writer writes HTML responses as WARC/1.1 records, each in a gzip member of
// its own when gzipped (as crawlers write them). It exists for tests and
// benchmarks that need WARC files of known pages; it writes no warcinfo
// record and no digests.
type Writer struct {
	w    io.Writer
	gz   *gzip.Writer
	buf  bytes.Buffer
	zbuf bytes.Buffer
}

// NewWriter writes records to w, gzipped per record when gz is set.
func NewWriter(w io.Writer, gz bool) *Writer {
	wr := &Writer{w: w}
	if gz {
		wr.gz, _ = gzip.NewWriterLevel(&wr.zbuf, gzip.BestSpeed)
	}
	return wr
}

// WriteResponse writes one response record for url, fetched at date, whose
// HTTP response has the given header lines (without the status line, each
// ending in CRLF; empty for none but "Content-Type: text/html") and body.
func (w *Writer) WriteResponse(url string, date time.Time, header string, body []byte) error {
	if header == "" {
		header = "Content-Type: text/html\r\n"
	}
	block := "HTTP/1.1 200 OK\r\n" + header + "\r\n"
	var id [16]byte
	_, _ = rand.Read(id[:])
	w.buf.Reset()
	fmt.Fprintf(&w.buf, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%x-%x-%x-%x-%x>\r\n"+
		"WARC-Date: %s\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n",
		id[0:4], id[4:6], id[6:8], id[8:10], id[10:], date.UTC().Format(time.RFC3339), url, len(block)+len(body))
	w.buf.WriteString(block)
	w.buf.Write(body)
	w.buf.WriteString("\r\n\r\n")
	if w.gz == nil {
		_, err := w.w.Write(w.buf.Bytes())
		return err
	}
	w.zbuf.Reset()
	w.gz.Reset(&w.zbuf)
	if _, err := w.gz.Write(w.buf.Bytes()); err != nil {
		return err
	}
	if err := w.gz.Close(); err != nil {
		return err
	}
	_, err := w.w.Write(w.zbuf.Bytes())
	return err
}
