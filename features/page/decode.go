package page

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Decode returns the page converted to UTF-8 and the name of the encoding it
// was read as. The encoding is chosen, in order, by a byte order mark, the
// charset parameter of contentType (may be empty), a <meta> charset
// declaration in the page's head (see declaredEncoding), validity as UTF-8,
// and finally a byte-level detector on the page's text outside scripts,
// styles and comments. A page whose <meta> declares another charset but
// whose bytes are valid UTF-8 with non-ASCII bytes is read as UTF-8: pages
// converted to UTF-8 keep their old declaration often, and text in a legacy
// charset is valid UTF-8 by chance almost never.
//
// A page read as UTF-8 whose bytes are not all UTF-8 is often a UTF-8 page
// with Latin-1 text pasted in ("caf\xe9"): there, a byte that is no part
// of a UTF-8 sequence, nor the start of a broken one, is read as
// Windows-1252 (see latin1Repaired), where a browser would show U+FFFD.
//
// Decode refuses binary input (images, PDFs, archives, NUL bytes) with an
// error wrapping ErrNotHTML. It never returns invalid UTF-8: undecodable bytes
// become U+FFFD.
func Decode(b []byte, contentType string) ([]byte, string, error) {
	if err := sniffBinary(b); err != nil {
		return nil, "", err
	}
	enc, name, valid := chooseEncoding(b, contentType)
	if name == "utf-8" {
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		if valid || utf8.Valid(b) {
			return b, name, nil
		}
		return latin1Repaired(b), name, nil
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

// chooseEncoding picks the encoding of b (see Decode). valid reports that
// b is known to be valid UTF-8, so that Decode need not check it again.
func chooseEncoding(b []byte, contentType string) (e encoding.Encoding, name string, valid bool) {
	if e, name, valid, ok := knownEncoding(b, contentType); ok {
		return e, name, valid
	}
	e, name = detect(b)
	return e, name, false
}

// knownEncoding is chooseEncoding without the detector: the encoding given
// by a byte order mark, contentType, a <meta> charset or validity as UTF-8;
// ok is false when none of them settles it and the bytes must be guessed.
func knownEncoding(b []byte, contentType string) (e encoding.Encoding, name string, valid, ok bool) {
	// BOM and Content-Type header are authoritative. DetermineEncoding is
	// certain only of those two; without them its prescan of the page is
	// wasted work, so it is not called.
	if contentType != "" || hasBOM(b) {
		if e, name, certain := charset.DetermineEncoding(b, contentType); certain {
			return e, canonical(e, name), false, true
		}
	}
	if e, name := declaredEncoding(b); e != nil {
		if name == "utf-8" || !isUTF8WithHighBytes(b) {
			return e, name, false, true
		}
		return unicode.UTF8, "utf-8", true, true
	}
	if utf8.Valid(b) {
		return unicode.UTF8, "utf-8", true, true
	}
	return nil, "", false, false
}

// hasBOM reports whether b starts with one of the byte order marks
// charset.DetermineEncoding knows.
func hasBOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte("\xfe\xff")) || bytes.HasPrefix(b, []byte("\xff\xfe")) ||
		bytes.HasPrefix(b, []byte("\xef\xbb\xbf"))
}

// canonical maps the UTF-8 encodings that charset.Lookup may name in several
// ways to "utf-8".
func canonical(e encoding.Encoding, name string) string {
	if e == unicode.UTF8 || strings.EqualFold(name, "utf-8") {
		return "utf-8"
	}
	return name
}

func isUTF8WithHighBytes(b []byte) bool {
	return hasHighByte(b) && utf8.Valid(b)
}

// hasHighByte reports whether b holds a byte outside ASCII.
func hasHighByte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// detectSampleBytes is how much text the byte-level detector is given.
const detectSampleBytes = 64 << 10

// detect guesses the encoding of undeclared, non-UTF-8 bytes: windows-1252
// for sparse Latin text (see sparseLatin), otherwise the detector's answer,
// both on detectInput(b).
func detect(b []byte) (encoding.Encoding, string) {
	text := detectInput(b)
	if sparseLatin(text) {
		return charset.Lookup("windows-1252")
	}
	return chardetDetect(text[:min(len(text), detectSampleBytes)])
}

// detectInput is what detect judges b on: b without its scripts, styles
// and comments (withoutScripts), unless all of its non-ASCII bytes are in
// them.
func detectInput(b []byte) []byte {
	text := withoutScripts(b, len(b))
	if !hasHighByte(text) {
		return b
	}
	return text
}

// chardetDetect asks the byte-level detector about sample; windows-1252
// when it is not sure (confidence under 10). The detector reads only the
// first 8 KiB of sample's text outside tags.
func chardetDetect(sample []byte) (encoding.Encoding, string) {
	// DetectBest breaks ties by whichever of the detector's goroutines
	// answers first; take all results and break ties by name instead, so
	// the same bytes always decode the same way.
	if all, err := chardet.NewHtmlDetector().DetectAll(sample); err == nil && len(all) > 0 {
		best := all[0]
		for _, r := range all[1:] {
			if r.Confidence > best.Confidence || (r.Confidence == best.Confidence && r.Charset < best.Charset) {
				best = r
			}
		}
		if best.Confidence >= 10 {
			if e, name := charset.Lookup(best.Charset); e != nil {
				return e, canonical(e, name)
			}
		}
	}
	e, name := charset.Lookup("windows-1252")
	return e, name
}

// sparseLatin reports whether the non-ASCII bytes of b are isolated (no two
// in a row) and rare (at most one per 50 ASCII letters): Western European or
// English text in a single-byte charset, with an accented letter or a curly
// quote here and there. Cyrillic, Greek and the multi-byte East Asian
// encodings write runs of high bytes and Central European text has more of
// them, so those still go to the detector. On the 177 pages of the shared
// sets that reach detect, the rule holds for 152, and for every one of them
// the detector answers windows-1252 too; the rule costs one pass over the
// bytes where the detector costs about 3 ms a page.
func sparseLatin(b []byte) bool {
	letters, high := 0, 0
	prevHigh := false
	for _, c := range b {
		if c >= 0x80 {
			if prevHigh {
				return false
			}
			prevHigh = true
			high++
			continue
		}
		prevHigh = false
		if l := c | 0x20; 'a' <= l && l <= 'z' {
			letters++
		}
	}
	return high > 0 && high*50 <= letters
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

// latin1Repaired returns b, which is not valid UTF-8, with every byte that
// is no part of a UTF-8 sequence read as Windows-1252 instead: a lone byte
// of 0x80 or above (the é of "caf\xe9 "), as Latin-1 text written into a
// UTF-8 page gives. A lead byte followed by continuation bytes that do not
// complete it (a sequence cut short) becomes one U+FFFD with them, as do
// the five bytes Windows-1252 leaves undefined.
func latin1Repaired(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			out = append(out, b[i:i+n]...)
			i += n
			continue
		}
		c := b[i]
		i++
		if c >= 0xC2 && c <= 0xF4 && i < len(b) && !utf8.RuneStart(b[i]) {
			for k := 0; k < 3 && i < len(b) && !utf8.RuneStart(b[i]); k++ {
				i++
			}
			out = utf8.AppendRune(out, utf8.RuneError)
			continue
		}
		out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(c))
	}
	return out
}
