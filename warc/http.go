package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

// httpHeader is what the reader needs of an HTTP response header, parsed
// from the record's raw bytes: the library's parsed header drops
// Transfer-Encoding and fails on headers such as "Content-Length: -1".
type httpHeader struct {
	status           int
	contentType      string // the effective Content-Type (see mergeContentTypes)
	contentEncoding  []string
	transferEncoding []string
}

// parseHTTPHeader reads a response's status line and header fields. It
// accepts bare LF line ends, folded lines and fields without a value, and
// ignores lines without a colon. Only the status line is required.
func parseHTTPHeader(b []byte) (httpHeader, error) {
	var h httpHeader
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), len(b)+1)
	if !sc.Scan() {
		return h, errors.New("empty http header")
	}
	status := strings.Fields(sc.Text())
	if len(status) < 2 || !strings.HasPrefix(status[0], "HTTP/") {
		return h, fmt.Errorf("bad http status line %q", preview(sc.Text()))
	}
	code, err := strconv.Atoi(status[1])
	if err != nil {
		return h, fmt.Errorf("bad http status line %q", preview(sc.Text()))
	}
	h.status = code
	var types []string
	var name, value string
	flush := func() {
		value = strings.TrimSpace(value)
		switch strings.ToLower(name) {
		case "content-type":
			types = append(types, value)
		case "content-encoding":
			h.contentEncoding = append(h.contentEncoding, splitList(value)...)
		case "transfer-encoding":
			h.transferEncoding = append(h.transferEncoding, splitList(value)...)
		}
		name, value = "", ""
	}
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			value += " " + strings.TrimSpace(line)
			continue
		}
		flush()
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		name, value = strings.TrimSpace(k), v
	}
	flush()
	h.contentType = mergeContentTypes(types)
	return h, nil
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// mergeContentTypes picks the Content-Type of a response that has several,
// as the Fetch standard does: the last parseable one, keeping the charset
// of an earlier one of the same media type when the last has none.
func mergeContentTypes(values []string) string {
	var essence, charset, chosen string
	for _, v := range values {
		mt, params, err := mime.ParseMediaType(v)
		if err != nil {
			continue
		}
		if mt != essence {
			essence, charset = mt, ""
		}
		chosen = v
		if cs := params["charset"]; cs != "" {
			charset = cs
		} else if charset != "" {
			chosen = mt + "; charset=" + charset
		}
	}
	return chosen
}

// isHTML says whether a media type is an HTML page.
func isHTML(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// errChunks marks a body that declares and begins as chunked transfer
// coding but whose chunk sizes do not match its bytes.
var errChunks = errors.New("broken chunked transfer coding")

// dechunk undoes chunked transfer coding. A body whose first line is not a
// chunk size is not chunked (servers and crawlers declare it wrongly, and
// Common Crawl stores bodies already de-chunked) and comes back as it is,
// with false. A body that ends at a chunk boundary without the last (zero)
// chunk is accepted; one whose chunk sizes run past its end or do not end
// on a line end gives an error wrapping errChunks.
func dechunk(b []byte) ([]byte, bool, error) {
	if _, _, ok := chunkSize(b); !ok {
		return b, false, nil
	}
	out := make([]byte, 0, len(b))
	rest := b
	for len(rest) > 0 {
		size, n, ok := chunkSize(rest)
		if !ok {
			return nil, true, fmt.Errorf("%w: bad chunk size line at byte %d", errChunks, len(b)-len(rest))
		}
		rest = rest[n:]
		if size == 0 {
			return out, true, nil
		}
		if size > int64(len(rest)) {
			return nil, true, fmt.Errorf("%w: chunk of %d bytes at byte %d runs past the end of the body", errChunks, size, len(b)-len(rest))
		}
		out = append(out, rest[:size]...)
		rest = rest[size:]
		switch {
		case bytes.HasPrefix(rest, []byte("\r\n")):
			rest = rest[2:]
		case bytes.HasPrefix(rest, []byte("\n")):
			rest = rest[1:]
		case len(rest) == 0:
		default:
			return nil, true, fmt.Errorf("%w: chunk of %d bytes is not followed by a line end", errChunks, size)
		}
	}
	return out, true, nil
}

// chunkSize parses a chunk size line ("1a3f", optionally ";ext", CRLF or
// LF) at the start of b, giving the size and the line's length.
func chunkSize(b []byte) (size int64, n int, ok bool) {
	end := bytes.IndexByte(b[:min(len(b), 256)], '\n')
	if end < 0 {
		return 0, 0, false
	}
	line := string(bytes.TrimRight(b[:end], "\r"))
	line, _, _ = strings.Cut(line, ";")
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 15 {
		return 0, 0, false
	}
	size, err := strconv.ParseInt(line, 16, 64)
	if err != nil {
		return 0, 0, false
	}
	return size, end + 1, true
}

// decodeContent undoes the content codings, last applied first, each
// tentatively: a coding the bytes are not in (a header that does not match
// its payload, or a payload the crawler stored already decoded) stops the
// decoding and the bytes so far stand. A gzip or zstd stream cut short
// gives what it decoded before the cut. At most limit bytes are kept.
func decodeContent(b []byte, codings []string, limit int64) []byte {
	for i := len(codings) - 1; i >= 0; i-- {
		out, ok := decodeOne(b, codings[i], limit)
		if !ok {
			return b
		}
		b = out
	}
	return b
}

func decodeOne(b []byte, coding string, limit int64) ([]byte, bool) {
	var r io.Reader
	partialOK := false
	switch coding {
	case "identity", "none", "":
		return b, true
	case "gzip", "x-gzip":
		z, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, false
		}
		r, partialOK = z, true
	case "deflate":
		// Servers send zlib-wrapped (as the standard says) and raw deflate.
		if z, err := zlib.NewReader(bytes.NewReader(b)); err == nil {
			r = z
		} else {
			r = flate.NewReader(bytes.NewReader(b))
		}
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "zstd":
		z, err := zstd.NewReader(bytes.NewReader(b), zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(max(limit, 1<<20))*2))
		if err != nil {
			return nil, false
		}
		defer z.Close()
		r, partialOK = z, true
	default:
		return nil, false
	}
	var out bytes.Buffer
	_, err := io.Copy(&out, io.LimitReader(r, limit))
	if err != nil && !(partialOK && out.Len() > 0) {
		return nil, false
	}
	return out.Bytes(), true
}

// looksBinary says whether b, after decoding, is still not text: a NUL
// byte or a compression magic number in its first kilobyte. A page with a
// UTF-16 byte order mark is text.
func looksBinary(b []byte) bool {
	head := b[:min(len(b), 1024)]
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return false
	}
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) || bytes.HasPrefix(head, []byte{0x28, 0xb5, 0x2f, 0xfd}) {
		return true
	}
	return bytes.IndexByte(head, 0) >= 0
}

func preview(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
