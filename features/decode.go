package features

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// metaCharset finds a charset declared in a <meta> tag: both
// <meta charset="x"> and <meta http-equiv="Content-Type" content="...; charset=x">.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)`)

// prescanBytes is how far into the page a <meta charset> is looked for. The
// HTML standard says 1024; real pages put long scripts first, so look further.
const prescanBytes = 4096

// Decode returns the page converted to UTF-8 and the name of the encoding it
// was read as. The encoding is chosen, in order, by a byte order mark, the
// charset parameter of contentType (may be empty), a <meta> charset
// declaration, validity as UTF-8, and finally a byte-level detector. A page
// that declares a single-byte Latin charset but is valid UTF-8 with non-ASCII
// bytes is read as UTF-8: that mislabel is common and the reverse is rare.
//
// Decode refuses binary input (images, PDFs, archives, NUL bytes) with an
// error wrapping ErrNotHTML. It never returns invalid UTF-8: undecodable bytes
// become U+FFFD.
func Decode(b []byte, contentType string) ([]byte, string, error) {
	if err := sniffBinary(b); err != nil {
		return nil, "", err
	}
	enc, name := chooseEncoding(b, contentType)
	if name == "utf-8" {
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		if utf8.Valid(b) {
			return b, name, nil
		}
		return bytes.ToValidUTF8(b, []byte("\uFFFD")), name, nil
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, "", fmt.Errorf("decode as %s: %w", name, err)
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	// The UTF-16 decoders keep the byte order mark as U+FEFF.
	return bytes.TrimPrefix(out, []byte("\ufeff")), name, nil
}

func chooseEncoding(b []byte, contentType string) (encoding.Encoding, string) {
	// BOM and Content-Type header are authoritative.
	if e, name, certain := charset.DetermineEncoding(b, contentType); certain {
		return e, canonical(e, name)
	}
	head := b
	if len(head) > prescanBytes {
		head = head[:prescanBytes]
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		if e, name := charset.Lookup(string(m[1])); e != nil {
			name = canonical(e, name)
			if name == "utf-8" || !latinLabel(name) || !isUTF8WithHighBytes(b) {
				return e, name
			}
			return unicode.UTF8, "utf-8"
		}
	}
	if utf8.Valid(b) {
		return unicode.UTF8, "utf-8"
	}
	return detect(b)
}

// canonical maps the UTF-8 encodings that charset.Lookup may name in several
// ways to "utf-8".
func canonical(e encoding.Encoding, name string) string {
	if e == unicode.UTF8 || strings.EqualFold(name, "utf-8") {
		return "utf-8"
	}
	return name
}

func latinLabel(name string) bool {
	return name == "windows-1252" || strings.HasPrefix(name, "iso-8859-1")
}

func isUTF8WithHighBytes(b []byte) bool {
	high := false
	for _, c := range b {
		if c >= 0x80 {
			high = true
			break
		}
	}
	return high && utf8.Valid(b)
}

// detect guesses the encoding of undeclared, non-UTF-8 bytes. The detector
// sees the visible text more than the markup when it is given the whole page,
// which is what it was built for (its HTML mode strips tags itself).
func detect(b []byte) (encoding.Encoding, string) {
	sample := b
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	if r, err := chardet.NewHtmlDetector().DetectBest(sample); err == nil && r.Confidence >= 10 {
		if e, name := charset.Lookup(r.Charset); e != nil {
			return e, canonical(e, name)
		}
	}
	e, name := charset.Lookup("windows-1252")
	return e, name
}

// binaryMagic are prefixes of common non-HTML formats a crawler meets.
var binaryMagic = []struct {
	prefix, name string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive"},
	{"\x1f\x8b", "gzip data"},
	{"RIFF", "a RIFF (WebP/WAV/AVI) file"},
	{"\x00\x00\x01\x00", "an icon"},
	{"BZh", "bzip2 data"},
	{"\xfd7zXZ\x00", "xz data"},
	{"\x7fELF", "an executable"},
}

// sniffBinary refuses input that is evidently not text: a known binary magic
// number, or NUL and other control bytes in more than 1% of the first 8 KiB.
// UTF-16 pages (which are full of NULs) are recognised by their BOM first.
func sniffBinary(b []byte) error {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(b, []byte(m.prefix)) {
			return fmt.Errorf("%w: looks like %s", ErrNotHTML, m.name)
		}
	}
	if bytes.HasPrefix(b, []byte("\xfe\xff")) || bytes.HasPrefix(b, []byte("\xff\xfe")) {
		return nil
	}
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctl := 0
	for _, c := range head {
		if c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) {
			ctl++
		}
	}
	if ctl > 0 && ctl*100 > len(head) {
		return fmt.Errorf("%w: %d control bytes in the first %d bytes", ErrNotHTML, ctl, len(head))
	}
	return nil
}
