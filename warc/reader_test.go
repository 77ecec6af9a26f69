package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/winnow-dev/winnow/internal/shareddata"
)

// Tests on the real WARC and ARC files of ../shared/warc (see its README).
// They run when WINNOW_WARC names that folder, or WINNOW_DATA names the
// labelled data beside it; they skip when neither is set, and fail when the
// one set does not lead to the files.

func warcDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("WINNOW_WARC")
	from := "WINNOW_WARC"
	if dir == "" {
		data, err := shareddata.Resolve(os.Getenv(shareddata.Env))
		if err != nil {
			t.Skip("neither WINNOW_WARC nor WINNOW_DATA is set: skipping the tests on the real WARC files (from the repository root: WINNOW_DATA=../shared/data go test ./warc)")
		}
		dir, from = filepath.Join(filepath.Dir(filepath.Clean(data)), "warc"), "WINNOW_DATA's sibling"
	}
	if _, err := os.Stat(filepath.Join(dir, "warcfile.warc.gz")); err != nil {
		t.Fatalf("%s %q has no WARC test files: %v", from, dir, err)
	}
	return dir
}

// readAll reads a file to its end, giving its pages and damaged records.
func readAll(t *testing.T, path string) ([]*Page, []*DamagedError, Stats) {
	t.Helper()
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var pages []*Page
	var damaged []*DamagedError
	for i := 0; ; i++ {
		if i > 10000 {
			t.Fatalf("%s: no end after 10000 calls of Next", path)
		}
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		var d *DamagedError
		if errors.As(err, &d) {
			damaged = append(damaged, d)
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pages = append(pages, p)
	}
	return pages, damaged, r.Stats()
}

// A Common Crawl file: every HTML response, none of the other records, the
// payloads as stored (Common Crawl decodes them and renames the headers
// X-Crawler-Content-Encoding and X-Crawler-Transfer-Encoding), the charset
// of the HTTP header.
func TestCommonCrawl(t *testing.T) {
	pages, damaged, st := readAll(t, filepath.Join(warcDir(t), "warcfile.warc.gz"))
	if len(damaged) != 0 || st.Records != 50 || len(pages) != 16 || st.HTML != 16 {
		t.Fatalf("got %d pages, %d damaged, %+v; want 16 pages of 50 records", len(pages), len(damaged), st)
	}
	seen := map[string]bool{}
	for _, p := range pages {
		if p.URL == "" || p.Date == "" || !strings.HasPrefix(p.RecordID, "<urn:uuid:") || p.Problem != "" || seen[p.RecordID] {
			t.Errorf("page %+v", p)
		}
		seen[p.RecordID] = true
		if !bytes.Contains(bytes.ToLower(p.Body[:min(len(p.Body), 2048)]), []byte("<html")) {
			t.Errorf("%s: body does not start as HTML: %q", p.URL, p.Body[:min(len(p.Body), 80)])
		}
	}
	// 01spb.ru is stored de-chunked under X-Crawler-Transfer-Encoding:
	// chunked, with its charset in the HTTP header.
	p := pages[1]
	if p.URL != "http://01spb.ru/company/" || p.ContentType != "text/html; charset=windows-1251" || len(p.Body) != 104567 {
		t.Errorf("01spb.ru: %q %q %d bytes", p.URL, p.ContentType, len(p.Body))
	}
	// 035.psb556.com has two Content-Type headers, the first with a charset.
	if p := pages[2]; p.ContentType != "text/html; charset=utf-8" {
		t.Errorf("%s: content type %q, want the charset of the first of two headers", p.URL, p.ContentType)
	}
}

// A file gzipped as one stream: gowarc, left to decompress it, stops after
// the first record without an error.
func TestWholeFileGzip(t *testing.T) {
	dir := warcDir(t)
	pages, damaged, st := readAll(t, filepath.Join(dir, "example-bad.warc.gz.bad"))
	if len(damaged) != 0 || st.Records != 6 || len(pages) != 2 || st.Revisits != 1 {
		t.Fatalf("got %d pages, %d damaged, %+v; want 2 pages of 6 records", len(pages), len(damaged), st)
	}
	if pages[1].URL != "http://www.iana.org/domains/example" || pages[1].Status != 302 || pages[1].DataOffset != 4771 {
		t.Errorf("second page %q %d at %d", pages[1].URL, pages[1].Status, pages[1].DataOffset)
	}
}

// The default validation is kept: payloads are whole (with the
// spec-violation policy set to ignore, gowarc cuts them to 4 KB).
func TestPayloadWhole(t *testing.T) {
	pages, _, _ := readAll(t, filepath.Join(warcDir(t), "whirlwind.warc.gz"))
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	b := pages[0].Body
	if len(b) != 72848 || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("</html>")) {
		t.Errorf("body of %d bytes ending %q, want 72848 ending </html>", len(b), b[max(0, len(b)-20):])
	}
}

// Transfer-Encoding: chunked (which gowarc's parsed header drops) is undone
// when the body is chunked, and left alone when it is not.
func TestChunked(t *testing.T) {
	dir := warcDir(t)
	pages, _, _ := readAll(t, filepath.Join(dir, "example-iana.org-chunked.warc"))
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	b := pages[0].Body
	if !bytes.HasPrefix(b, []byte("<!doctype html>")) || !bytes.HasSuffix(b, []byte("</html>\n")) || len(b) != 7223 {
		t.Errorf("de-chunked body of %d bytes: %q…%q", len(b), b[:min(len(b), 20)], b[max(0, len(b)-20):])
	}
	// Declared chunked over a gzip body that is not chunked.
	pages, _, _ = readAll(t, filepath.Join(dir, "example-bad-non-chunked.warc.gz"))
	if len(pages) != 1 || !bytes.HasPrefix(pages[0].Body, []byte("<!doctype html>")) || len(pages[0].Body) != 1270 {
		t.Fatalf("non-chunked: %d pages", len(pages))
	}
}

// Content-Encoding is undone when the bytes are so coded (example.warc's
// gzip) and ignored when not (ClueWeb's gzip over plain HTML), and the
// charset of the HTTP header comes along.
func TestContentEncoding(t *testing.T) {
	dir := warcDir(t)
	for _, name := range []string{"example.warc", "example.warc.gz"} {
		pages, _, st := readAll(t, filepath.Join(dir, name))
		if len(pages) != 1 || !bytes.HasPrefix(pages[0].Body, []byte("<!doctype html>")) || len(pages[0].Body) != 1270 || st.Revisits != 1 {
			t.Errorf("%s: %d pages, %+v", name, len(pages), st)
		}
	}
	pages, damaged, st := readAll(t, filepath.Join(dir, "clueweb-quirk.warc.gz"))
	if len(pages) != 29 || len(damaged) != 0 || st.Records != 30 {
		t.Fatalf("clueweb: %d pages, %d damaged, %+v", len(pages), len(damaged), st)
	}
	for _, p := range pages {
		if !bytes.HasPrefix(p.Body, []byte("<html>")) || p.ContentType != "text/html; charset=EUC-JP" {
			t.Errorf("%s: %q %q", p.URL, p.ContentType, p.Body[:min(len(p.Body), 20)])
		}
	}
}

// Header fields that fail gowarc's validation (which blanks them) are read
// as written.
func TestFieldsAsWritten(t *testing.T) {
	pages, _, _ := readAll(t, filepath.Join(warcDir(t), "example-wget-bad-target-uri.warc.gz"))
	if len(pages) != 1 || pages[0].URL != "http://example.com/" {
		t.Fatalf("pages %+v, want http://example.com/", pages)
	}
}

// Only HTML: JSON responses, requests, metadata, resources of other types,
// WAT and WET records are skipped; an HTML resource record is a page.
func TestHTMLOnly(t *testing.T) {
	dir := warcDir(t)
	for name, want := range map[string]int{"post-test.warc.gz": 0, "example-space-in-target-uri.warc.gz": 0,
		"whirlwind.warc.wat.gz": 0, "whirlwind.warc.wet.gz": 0, "block-sized-records.warc.gz": 0,
		"example-digest.warc": 0, "example-resource.warc.gz": 1} {
		pages, damaged, _ := readAll(t, filepath.Join(dir, name))
		if len(pages) != want || len(damaged) != 0 {
			t.Errorf("%s: %d pages, %d damaged; want %d pages", name, len(pages), len(damaged), want)
		}
	}
}

// Damaged records are reported with their offsets and reading goes on.
func TestDamaged(t *testing.T) {
	dir := warcDir(t)
	cases := []struct {
		name    string
		offsets []int64
		pages   int
		says    string
	}{
		{"clipped.warc.gz", []int64{0}, 0, "unexpected EOF"},
		{"example-trunc.warc", []int64{1197}, 0, "Content-Length"},
		{"bad.arc", []int64{0, 134, 262}, 0, "bad length"},
		{"example-space-in-url.arc", []int64{151}, 0, "cut short"},
	}
	for _, c := range cases {
		pages, damaged, st := readAll(t, filepath.Join(dir, c.name))
		var offs []int64
		for _, d := range damaged {
			offs = append(offs, d.Offset)
			if !strings.Contains(d.Error(), c.name) || !strings.Contains(d.Error(), "offset") {
				t.Errorf("%s: message %q does not name the file and offset", c.name, d)
			}
		}
		if len(pages) != c.pages || !equal(offs, c.offsets) || st.Damaged != len(c.offsets) || !strings.Contains(damaged[0].Error(), c.says) {
			t.Errorf("%s: %d pages, damaged at %v (%v), %+v; want %d pages, damaged at %v saying %q",
				c.name, len(pages), offs, damaged, st, c.pages, c.offsets, c.says)
		}
	}
	// example-trunc's request record after the damaged response is read.
	if _, _, st := readAll(t, filepath.Join(dir, "example-trunc.warc")); st.Records != 4 {
		t.Errorf("example-trunc: %d records, want 4 (reading goes on)", st.Records)
	}
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A file that is neither WARC nor ARC gets an error naming it.
func TestNotWARC(t *testing.T) {
	path := filepath.Join(warcDir(t), "README.md")
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrNotWARC) || !strings.Contains(err.Error(), path) {
		t.Fatalf("err %v, want ErrNotWARC naming %s", err, path)
	}
}

// In a file gzipped record by record, a page's offset is its gzip
// member's, from which the record can be read alone.
func TestMemberOffset(t *testing.T) {
	path := filepath.Join(warcDir(t), "warcfile.warc.gz")
	pages, _, _ := readAll(t, path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range pages {
		if _, err := f.Seek(p.Offset, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: no gzip member at offset %d: %v", p.URL, p.Offset, err)
		}
		z.Multistream(false)
		b, _ := io.ReadAll(z)
		if !bytes.HasPrefix(b, []byte("WARC/1.0")) || !bytes.Contains(b[:min(len(b), 2048)], []byte(p.RecordID)) {
			t.Errorf("%s: the member at %d is not its record", p.URL, p.Offset)
		}
	}
	// The ARC file gzipped per record too.
	pages, _, _ = readAll(t, filepath.Join(warcDir(t), "example.arc.gz"))
	if len(pages) != 1 || pages[0].Offset != 171 || pages[0].Date != "2014-02-16T05:02:21Z" || pages[0].URL != "http://example.com/" {
		t.Errorf("example.arc.gz: %+v", pages)
	}
}

// Every file ends: with pages, damaged records, or an error naming it; no
// page has chunk-size lines or binary bytes.
func TestEveryFile(t *testing.T) {
	dir := warcDir(t)
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range names {
		r, err := Open(path, Options{})
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			continue
		}
		for i := 0; ; i++ {
			p, err := r.Next()
			if err == io.EOF || i > 10000 {
				break
			}
			if err != nil {
				if !strings.Contains(err.Error(), path) {
					t.Errorf("error %q does not name the file", err)
				}
				continue
			}
			if p.Problem == "" && looksBinary(p.Body) {
				t.Errorf("%s %s: binary body", path, p.URL)
			}
		}
		r.Close()
	}
}

// failingReader gives its bytes, then an error other than io.EOF.
type failingReader struct {
	b   []byte
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.b) == 0 {
		return 0, f.err
	}
	n := copy(p, f.b)
	f.b = f.b[n:]
	return n, nil
}

// An error reading the file ends it: Next returns it once, not as a
// damaged record, then io.EOF.
func TestReadError(t *testing.T) {
	broken := errors.New("disk on fire")
	for _, gz := range []bool{false, true} {
		var b bytes.Buffer
		w := NewWriter(&b, gz)
		for i := range 3 {
			if err := w.WriteResponse("http://a/"+strconv.Itoa(i), time.Now(), "", []byte(page)); err != nil {
				t.Fatal(err)
			}
		}
		whole := b.Bytes()
		for _, cut := range []int{len(whole) / 2, len(whole) - 1, len(whole)} {
			r, err := NewReader(&failingReader{whole[:cut], broken}, "f", Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i := 0; ; i++ {
				if i > 20 {
					t.Fatalf("gzip %v, cut %d: no end: %q", gz, cut, got)
				}
				p, err := r.Next()
				if err == io.EOF {
					break
				}
				var d *DamagedError
				switch {
				case err == nil:
					got = append(got, p.URL)
				case errors.Is(err, broken) && !errors.As(err, &d):
					got = append(got, "error")
				default:
					got = append(got, "damaged")
				}
			}
			if n := strings.Count(strings.Join(got, " "), "error"); n != 1 {
				t.Errorf("gzip %v, cut %d: %q, want the read error once", gz, cut, got)
			}
		}
	}
}
