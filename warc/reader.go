package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// DefaultMaxBytes is the largest payload a Reader decodes when
// Options.MaxBytes is 0; it matches the extractor's default page limit.
const DefaultMaxBytes = 32 << 20

// ErrNotWARC is wrapped by the error NewReader and Open give for input that
// is neither a WARC nor an ARC file.
var ErrNotWARC = errors.New("not a WARC file")

// Options configure a Reader.
type Options struct {
	// MaxBytes is the largest payload decoded, in bytes (0 means
	// DefaultMaxBytes). A larger page is handed out with Problem set.
	MaxBytes int64
}

// Page is one HTML response of a WARC file (or an HTML resource record, or
// an HTML document of an ARC file).
type Page struct {
	URL      string // WARC-Target-URI, without the angle brackets some writers add
	Date     string // WARC-Date, as written
	RecordID string // WARC-Record-ID, as written; empty in ARC files
	// Offset is where the record starts in the file: in a file gzipped
	// record by record, the start of the gzip member holding it (the
	// offset a CDX index gives); in a file gzipped as one stream, 0 (see
	// DataOffset).
	Offset int64
	// DataOffset is where the record starts in the decompressed stream
	// (Offset, for a file that is not gzipped).
	DataOffset int64
	// Status is the HTTP status code; 0 for a resource record.
	Status int
	// ContentType is the HTTP Content-Type (for a resource record, the
	// record's); its charset is the page's.
	ContentType string
	// Body is the payload with its transfer and content codings undone.
	// It is nil when Problem is set.
	Body []byte
	// Problem says why the payload cannot be extracted (too large, not
	// text); empty when it can.
	Problem string
}

// DamagedError reports a record that could not be read whole: cut short,
// of another length than its header says, with broken chunks, or in a
// broken gzip stream. The Reader goes on with the next record after it.
type DamagedError struct {
	File       string // the name given to NewReader or Open
	Offset     int64  // as Page.Offset
	DataOffset int64  // as Page.DataOffset
	Gzipped    bool   // whether the file is gzipped (then the two offsets differ)
	Err        error
}

func (e *DamagedError) Error() string {
	if e.Gzipped {
		return fmt.Sprintf("%s: damaged record at offset %d (byte %d decompressed): %v", e.File, e.Offset, e.DataOffset, e.Err)
	}
	return fmt.Sprintf("%s: damaged record at offset %d: %v", e.File, e.Offset, e.Err)
}

func (e *DamagedError) Unwrap() error { return e.Err }

// Stats count what a Reader has read so far.
type Stats struct {
	Records  int // records read, damaged ones included
	HTML     int // pages handed out by Next
	Revisits int // revisit records (skipped: they hold no payload)
	Damaged  int // damaged records reported
}

// Reader reads the HTML pages of one WARC or ARC file in order. It holds
// one record's payload at a time. It is not safe for concurrent use.
type Reader struct {
	name   string
	limit  int64
	file   io.Closer // closed by Close, when Open opened it
	gz     *gunzipper
	count  *countingReader // below br: bytes of the decompressed stream
	br     *bufio.Reader   // the decompressed stream
	u      gowarc.Unmarshaler
	arc    *arcState
	stats  Stats
	seen   atomic.Int64 // stats.Records, for Records
	done   bool
	gzSeen bool // the gzip stream's error was reported
}

// Open opens the WARC or ARC file at path (gzipped or not).
func Open(path string, opt Options) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := NewReader(f, path, opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.file = f
	return r, nil
}

// NewReader reads a WARC or ARC file (gzipped or not) from src; name
// names it in errors. Input that is neither gives an error wrapping
// ErrNotWARC; an empty file has no pages.
func NewReader(src io.Reader, name string, opt Options) (*Reader, error) {
	r := &Reader{name: name, limit: opt.MaxBytes}
	if r.limit <= 0 {
		r.limit = DefaultMaxBytes
	}
	raw := bufio.NewReaderSize(src, 64<<10)
	var data io.Reader = raw
	if magic, _ := raw.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := newGunzipper(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		r.gz, data = gz, gz
	}
	// countingReader wants a *bufio.Reader below it; a small one costs
	// little next to the reader above.
	r.count = &countingReader{r: bufio.NewReaderSize(data, 16)}
	r.br = bufio.NewReaderSize(r.count, 64<<10)
	head, err := r.br.Peek(16)
	if len(head) == 0 {
		if err == io.EOF {
			r.done = true
			return r, nil
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		r.u = gowarc.NewUnmarshaler()
	case bytes.HasPrefix(head, []byte("filedesc://")):
		r.arc = &arcState{}
	default:
		return nil, fmt.Errorf("%s: %w (it starts with %q)", name, ErrNotWARC, head)
	}
	return r, nil
}

// Close closes the file Open opened; it does nothing for a Reader made by
// NewReader.
func (r *Reader) Close() error {
	if r.file != nil {
		return r.file.Close()
	}
	return nil
}

// Stats counts what has been read so far. It must not be called while
// another goroutine calls Next (Process's emit may call Records instead).
func (r *Reader) Stats() Stats { return r.stats }

// Records is Stats().Records, safe to call while another goroutine reads.
func (r *Reader) Records() int { return int(r.seen.Load()) }

// Next returns the next HTML page. At the end of the file it returns
// io.EOF. A damaged record gives a *DamagedError, after which Next goes on
// with the following record; any other error ends the file.
func (r *Reader) Next() (*Page, error) {
	for !r.done {
		var p *Page
		var err error
		if r.arc != nil {
			p, err = r.nextARC()
		} else {
			p, err = r.nextWARC()
		}
		if err == errSkip {
			continue
		}
		r.seen.Store(int64(r.stats.Records))
		var d *DamagedError
		if errors.As(err, &d) {
			r.stats.Damaged++
		} else if err != nil {
			r.done = true
		}
		if p != nil {
			r.stats.HTML++
		}
		return p, err
	}
	return nil, io.EOF
}

// errSkip is nextWARC's and nextARC's "a record that is not an HTML page".
var errSkip = errors.New("skip")

func (r *Reader) pos() int64 { return r.count.n - int64(r.br.Buffered()) }

// damaged wraps err as the damage of the record at decompressed offset
// start. A broken gzip stream ends the file.
func (r *Reader) damaged(start int64, err error) *DamagedError {
	d := &DamagedError{File: r.name, Offset: start, DataOffset: start, Err: err}
	if r.gz != nil {
		d.Gzipped = true
		d.Offset = r.gz.fileOffset(start)
		if r.gz.broken() {
			r.done, r.gzSeen = true, true
		}
	}
	return d
}

// streamError is what an error reading the (decompressed) stream at the
// current position gives: io.EOF at the end of the file or after a broken
// gzip stream was reported; the damage of the record here when the gzip
// stream breaks; the error itself otherwise (reading the file failed),
// which ends the file.
func (r *Reader) streamError(err error) error {
	switch {
	case err == io.EOF || r.gzSeen:
		r.done = true
		return io.EOF
	case r.gz != nil && r.gz.broken():
		return r.damaged(r.pos(), err)
	}
	return err
}

// seek moves to the next "WARC/" at or after the current position and
// gives its decompressed offset, io.EOF at the end of the file, or the
// damage of a broken gzip stream.
func (r *Reader) seek() (int64, error) {
	magic := []byte("WARC/")
	for {
		b, err := r.br.Peek(len(magic))
		if bytes.Equal(b, magic) {
			return r.pos(), nil
		}
		if err != nil {
			return 0, r.streamError(err)
		}
		buf, _ := r.br.Peek(r.br.Buffered())
		i := bytes.Index(buf, magic)
		if i < 0 {
			i = len(buf) - len(magic) + 1
		}
		if _, err := r.br.Discard(i); err != nil {
			return 0, err
		}
	}
}

func (r *Reader) nextWARC() (*Page, error) {
	start, err := r.seek()
	if err != nil {
		return nil, err
	}
	r.stats.Records++
	f := r.peekFields()
	rec, _, _, err := r.u.Unmarshal(r.br)
	if err != nil {
		if rec != nil {
			rec.Close()
		}
		if r.pos() <= start {
			// Step over the "WARC/" that failed, so that the next seek
			// finds the following record.
			_, _ = r.br.Discard(1)
		}
		return nil, r.damaged(start, err)
	}
	p, err := r.page(rec, f, start)
	if cerr := rec.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err == nil || err == errSkip {
		if eerr := r.checkEnd(); eerr != nil {
			err = eerr
		}
	}
	if err != nil && err != errSkip {
		return nil, r.damaged(start, err)
	}
	return p, err
}

// checkEnd checks that the record just read ends where the next one (or the
// file) begins: a record whose Content-Length is wrong does not.
func (r *Reader) checkEnd() error {
	for {
		b, err := r.br.Peek(5)
		if len(b) > 0 && (b[0] == '\r' || b[0] == '\n') {
			_, _ = r.br.Discard(1)
			continue
		}
		if len(b) == 0 || bytes.Equal(b, []byte("WARC/")) || err != nil && err != io.EOF {
			// The end of the file, the next record, or a broken gzip
			// stream that the next record will report.
			return nil
		}
		return fmt.Errorf("no record follows it where its Content-Length says it ends (found %q)", b)
	}
}

// page makes the Page of an HTML response or resource record; other
// records give errSkip. f holds the record's WARC header fields as written:
// the library blanks a field that fails its validation (a target URI in
// angle brackets or with a space, a date in another format).
func (r *Reader) page(rec gowarc.WarcRecord, f fields, start int64) (*Page, error) {
	p := &Page{
		URL:        strings.Trim(f.get("WARC-Target-URI"), "<>"),
		Date:       f.get("WARC-Date"),
		RecordID:   f.get("WARC-Record-ID"),
		DataOffset: start,
		Offset:     start,
	}
	if r.gz != nil {
		p.Offset = r.gz.fileOffset(start)
	}
	var header []byte
	var payload io.Reader
	var hh httpHeader
	switch rec.Type() {
	case gowarc.Revisit:
		r.stats.Revisits++
		return nil, errSkip
	case gowarc.Response:
		hb, ok := rec.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return nil, errSkip
		}
		header = hb.ProtocolHeaderBytes()
		var err error
		if hh, err = parseHTTPHeader(header); err != nil {
			return nil, err
		}
		p.Status, p.ContentType = hh.status, hh.contentType
		if t := f.get("WARC-Identified-Payload-Type"); t != "" {
			if !isHTML(t) {
				return nil, errSkip
			}
		} else if !isHTML(p.ContentType) {
			return nil, errSkip
		}
		if payload, err = hb.PayloadBytes(); err != nil {
			return nil, err
		}
	case gowarc.Resource:
		p.ContentType = rec.WarcHeader().Get(gowarc.ContentType)
		if !isHTML(p.ContentType) {
			return nil, errSkip
		}
		var err error
		if payload, err = rec.Block().RawBytes(); err != nil {
			return nil, err
		}
	default:
		return nil, errSkip
	}
	want, err := rec.WarcHeader().GetInt64(gowarc.ContentLength)
	if err != nil {
		want = -1
	}
	return p, r.readBody(p, payload, len(header), want, hh)
}

// readBody reads a page's payload into p.Body, undoing its codings, or sets
// p.Problem. The record's block is headerLen bytes of HTTP header and the
// payload; want is the block's declared length (-1 if unknown), and a
// shorter block is an error.
func (r *Reader) readBody(p *Page, payload io.Reader, headerLen int, want int64, hh httpHeader) error {
	// The declared length sizes the buffer, within the limit.
	size := min(max(want-int64(headerLen), 0), r.limit) + bytes.MinRead
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if _, err := buf.ReadFrom(io.LimitReader(payload, r.limit+1)); err != nil {
		return err
	}
	body := buf.Bytes()
	rest, err := io.Copy(io.Discard, payload)
	if err != nil {
		return err
	}
	if got := int64(headerLen+len(body)) + rest; want >= 0 && got < want {
		return fmt.Errorf("record cut short: %d of its %d bytes", got, want)
	}
	if int64(len(body)) > r.limit {
		p.Problem = fmt.Sprintf("payload larger than the %d-byte limit", r.limit)
		return nil
	}
	for _, t := range hh.transferEncoding {
		if t == "chunked" {
			if body, _, err = dechunk(body); err != nil {
				return err
			}
		}
	}
	body = decodeContent(body, hh.contentEncoding, r.limit+1)
	switch {
	case int64(len(body)) > r.limit:
		p.Problem = fmt.Sprintf("payload decodes to more than the %d-byte limit", r.limit)
	case looksBinary(body):
		p.Problem = "payload is not text (binary, or in a coding that could not be undone)"
	default:
		p.Body = body
	}
	return nil
}

// fields are a record's WARC header fields as written.
type fields []string // name, value, name, value...

func (f fields) get(name string) string {
	for i := 0; i+1 < len(f); i += 2 {
		if strings.EqualFold(f[i], name) {
			return f[i+1]
		}
	}
	return ""
}

// peekFields reads the WARC header fields of the record at the reader's
// position without consuming them. A header longer than the reader's
// buffer is read as far as the buffer goes.
func (r *Reader) peekFields() fields {
	b, _ := r.br.Peek(r.br.Size())
	if i := bytes.Index(b, []byte("\n\r\n")); i >= 0 {
		b = b[:i]
	} else if i := bytes.Index(b, []byte("\n\n")); i >= 0 {
		b = b[:i]
	}
	var f fields
	for _, line := range bytes.Split(b, []byte("\n"))[1:] {
		k, v, ok := bytes.Cut(line, []byte(":"))
		if ok {
			f = append(f, string(bytes.TrimSpace(k)), string(bytes.TrimSpace(v)))
		}
	}
	return f
}
