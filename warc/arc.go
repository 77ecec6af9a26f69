package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// arcState is what a Reader remembers of an ARC file: the number of fields
// after the URL on a record's header line, which its version fixes.
type arcState struct {
	trailing int  // 4 for version 1 (IP date type length), 9 for version 2
	lost     bool // after a bad header line: lines that are not headers are skipped
}

// maxARCLine is the longest ARC header line accepted.
const maxARCLine = 8 << 10

// nextARC reads the next record of an ARC file: a header line
// "URL IP-address date content-type length" (version 2 has more fields
// before the length), length bytes of content, and a line end. The first
// record (filedesc://) gives the version.
func (r *Reader) nextARC() (*Page, error) {
	// Skip the blank lines between records.
	for {
		b, err := r.br.Peek(1)
		if len(b) == 0 {
			return nil, r.streamError(err)
		}
		if b[0] != '\n' && b[0] != '\r' {
			break
		}
		_, _ = r.br.Discard(1)
	}
	start := r.pos()
	line, err := r.readLine()
	if err != nil {
		r.stats.Records++
		return nil, r.damaged(start, err)
	}
	url, ctype, date, length, err := r.arc.parseHeader(line)
	if err != nil && r.arc.lost && !looksLikeURL(line) {
		// The content of the record whose header was bad.
		return nil, errSkip
	}
	r.stats.Records++
	r.arc.lost = err != nil
	if err != nil {
		return nil, r.damaged(start, err)
	}
	if strings.HasPrefix(url, "filedesc://") {
		body, err := r.readARCContent(length, 4096)
		if err != nil {
			return nil, r.damaged(start, err)
		}
		// The second line is "major minor organisation".
		if _, rest, ok := bytes.Cut(body, []byte("\n")); ok && bytes.HasPrefix(rest, []byte("2 ")) {
			r.arc.trailing = 9
		}
		return nil, errSkip
	}
	p := &Page{URL: url, Date: arcDate(date), DataOffset: start, Offset: start}
	if r.gz != nil {
		p.Offset = r.gz.fileOffset(start)
	}
	content := io.LimitReader(r.br, length)
	// The content is the HTTP response, header and payload, for http(s)
	// URLs, and the document itself otherwise.
	var hh httpHeader
	headerLen := 0
	if head, _ := r.br.Peek(min(int(length), 5)); bytes.Equal(head, []byte("HTTP/")) {
		hb, err := readHTTPHeaderBytes(content)
		if err != nil {
			return nil, r.damaged(start, err)
		}
		if hh, err = parseHTTPHeader(hb); err != nil {
			_, _ = io.Copy(io.Discard, content)
			return nil, r.damaged(start, err)
		}
		headerLen = len(hb)
		p.Status, p.ContentType = hh.status, hh.contentType
	}
	if p.ContentType == "" {
		p.ContentType = ctype
	}
	if !isHTML(p.ContentType) {
		if _, err := io.Copy(io.Discard, content); err != nil {
			return nil, r.damaged(start, err)
		}
		if n := content.(*io.LimitedReader).N; n > 0 {
			return nil, r.damaged(start, fmt.Errorf("record cut short: %d bytes missing", n))
		}
		return nil, errSkip
	}
	if err := r.readBody(p, content, headerLen, length, hh); err != nil {
		return nil, r.damaged(start, err)
	}
	return p, nil
}

// looksLikeURL says whether an ARC line begins with a URL, as a header
// line does.
func looksLikeURL(line string) bool {
	first, _, _ := strings.Cut(line, " ")
	scheme, _, ok := strings.Cut(first, ":")
	return ok && scheme != "" && !strings.ContainsAny(scheme, "/.")
}

// readLine reads one line of at most maxARCLine bytes, without its end.
func (r *Reader) readLine() (string, error) {
	var line []byte
	for {
		b, err := r.br.ReadSlice('\n')
		line = append(line, b...)
		if len(line) > maxARCLine {
			return "", fmt.Errorf("header line longer than %d bytes", maxARCLine)
		}
		if err == nil {
			return strings.TrimRight(string(line), "\r\n"), nil
		}
		if err == io.EOF && len(line) > 0 {
			return "", fmt.Errorf("file ends in a header line %q", preview(string(line)))
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return "", err
		}
	}
}

// parseHeader splits an ARC header line. The URL may hold spaces (some
// crawlers did not escape them): the fields are counted from the end.
func (a *arcState) parseHeader(line string) (url, ctype, date string, length int64, err error) {
	f := strings.Fields(line)
	trailing := a.trailing
	if trailing == 0 {
		trailing = 4
	}
	if len(f) < trailing+1 {
		return "", "", "", 0, fmt.Errorf("bad ARC header line %q", preview(line))
	}
	length, err = strconv.ParseInt(f[len(f)-1], 10, 64)
	if err != nil || length < 0 {
		return "", "", "", 0, fmt.Errorf("bad length in ARC header line %q", preview(line))
	}
	n := len(f) - trailing
	url = strings.Join(f[:n], "%20")
	date, ctype = f[n+1], f[n+2]
	return url, ctype, date, length, nil
}

// readARCContent reads a record's content of length bytes, keeping at most
// keep of them.
func (r *Reader) readARCContent(length, keep int64) ([]byte, error) {
	content := io.LimitReader(r.br, length)
	b, err := io.ReadAll(io.LimitReader(content, keep))
	if err != nil {
		return nil, err
	}
	rest, err := io.Copy(io.Discard, content)
	if err != nil {
		return nil, err
	}
	if got := int64(len(b)) + rest; got < length {
		return nil, fmt.Errorf("record cut short: %d of its %d bytes", got, length)
	}
	return b, nil
}

// readHTTPHeaderBytes reads an HTTP header up to and including the blank
// line that ends it.
func readHTTPHeaderBytes(r io.Reader) ([]byte, error) {
	var out []byte
	var b [1]byte
	for len(out) < 1<<20 {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			if err == io.EOF {
				return out, nil
			}
			return nil, err
		}
		out = append(out, b[0])
		if bytes.HasSuffix(out, []byte("\n\n")) || bytes.HasSuffix(out, []byte("\n\r\n")) {
			return out, nil
		}
	}
	return nil, errors.New("http header longer than 1 MiB")
}

// arcDate turns an ARC date (14 digits, UTC) into the WARC-Date form; a
// date in another form is kept as written.
func arcDate(s string) string {
	t, err := time.Parse("20060102150405", s)
	if err != nil {
		return s
	}
	return t.Format(time.RFC3339)
}
