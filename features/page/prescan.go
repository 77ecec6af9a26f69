package page

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// metaCharset matches a charset declared in a <meta> tag that starts the
// input: both <meta charset="x"> and <meta http-equiv="Content-Type"
// content="...; charset=x">. The declaration must lie within 512
// characters of the tag's start.
var metaCharset = regexp.MustCompile(`^(?i)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)`)

// metaScanBytes is how far into the page a <meta> charset declaration is
// looked for. The HTML standard's prescan reads 1024 bytes, but its parser
// then honours a later declaration in the head too (by re-reading the page
// in the declared encoding), and real pages put long scripts and styles
// first; 64 KiB holds the head of all but a few pages and bounds the work.
const metaScanBytes = 64 << 10

// metaTagWindow is how much of a <meta> tag metaCharset is run on: more
// than the 512 characters of the pattern, in up to four bytes each, and
// the attribute and value that follow them.
const metaTagWindow = 4 << 10

// declaredEncoding returns the encoding named by the first <meta> charset
// declaration in b whose label is known, and its name; nil and "" when
// there is none. A declaration counts where the HTML parser would see it in
// the head: within the first metaScanBytes, before the first <body> or
// </head> tag, and outside comments and the raw text of <script> and
// <style> elements (a "<meta" in a script's string is not a tag). As the
// HTML standard says, a declaration of UTF-16 means UTF-8 (bytes in which a
// <meta> tag is readable are not UTF-16) and x-user-defined means
// windows-1252.
func declaredEncoding(b []byte) (encoding.Encoding, string) {
	limit := min(len(b), metaScanBytes)
	for i := 0; i < limit; {
		j := bytes.IndexByte(b[i:limit], '<')
		if j < 0 {
			break
		}
		i += j
		if next, ok := skipOpaque(b, i); ok {
			i = next
			continue
		}
		rest := b[i:]
		switch {
		case isTag(rest, "meta"):
			if label := metaCharsetLabel(rest[:min(len(rest), metaTagWindow)]); label != nil {
				if e, name := lookupDeclared(string(label)); e != nil {
					return e, name
				}
			}
		case isTag(rest, "body"), isTag(rest, "/head"):
			return nil, ""
		}
		i++
	}
	return nil, ""
}

// metaCharsetLabel returns the label metaCharset captures in tag, or nil.
// A match lies before the tag's first '>' (no part of the pattern matches
// one) and holds "charset", whose c, h, a and r fold to no other letter:
// the pattern runs only on tags that hold "char" in any case there, which
// most <meta> tags do not.
func metaCharsetLabel(tag []byte) []byte {
	head := tag
	if gt := bytes.IndexByte(tag, '>'); gt >= 0 {
		head = tag[:gt]
	}
	if indexASCIIFold(head, "char") < 0 {
		return nil
	}
	if m := metaCharset.FindSubmatch(tag); m != nil {
		return m[1]
	}
	return nil
}

// lookupDeclared is charset.Lookup for a label declared in a <meta> tag,
// with the HTML standard's two substitutions (see declaredEncoding).
func lookupDeclared(label string) (encoding.Encoding, string) {
	e, name := charset.Lookup(label)
	if e == nil {
		return nil, ""
	}
	switch {
	case strings.HasPrefix(name, "utf-16"):
		label = "utf-8"
	case name == "x-user-defined":
		label = "windows-1252"
	default:
		return e, canonical(e, name)
	}
	e, name = charset.Lookup(label)
	return e, canonical(e, name)
}

// skipOpaque reports whether b[i:] starts a comment or a <script> or
// <style> element, and if so returns the index just past its end (len(b)
// when it is not closed). Tags inside them are not tags.
func skipOpaque(b []byte, i int) (int, bool) {
	rest := b[i:]
	if bytes.HasPrefix(rest, []byte("<!--")) {
		// "<!-->" and "<!--->" are whole comments, so look from rest[2:].
		if end := bytes.Index(rest[2:], []byte("-->")); end >= 0 {
			return i + 2 + end + 3, true
		}
		return len(b), true
	}
	for _, name := range [...]string{"script", "style"} {
		if !isTag(rest, name) {
			continue
		}
		body := rest[1+len(name):]
		end := indexASCIIFold(body, "</"+name)
		if end < 0 {
			return len(b), true
		}
		after := body[end:]
		gt := bytes.IndexByte(after, '>')
		if gt < 0 {
			return len(b), true
		}
		return len(b) - len(after) + gt + 1, true
	}
	return i, false
}

// isTag reports whether b starts with a tag named name (a leading "/" for
// an end tag), in any case: "<" and the name, then a space, "/", ">" or
// the end of b.
func isTag(b []byte, name string) bool {
	if len(b) < 1+len(name) || b[0] != '<' {
		return false
	}
	for k := 0; k < len(name); k++ {
		if lowerASCII(b[1+k]) != name[k] {
			return false
		}
	}
	if len(b) == 1+len(name) {
		return true
	}
	switch b[1+len(name)] {
	case ' ', '\t', '\n', '\r', '\f', '/', '>':
		return true
	}
	return false
}

// withoutScripts returns b without its comments and the raw text of its
// scripts and styles, each replaced by one space, at most max bytes of it.
// That is what an encoding detector should count: scripts, styles and
// comments are mostly ASCII in any encoding and can drown the text of a
// page, and the detector reads only the first few KiB it is given.
func withoutScripts(b []byte, max int) []byte {
	out := make([]byte, 0, min(len(b), max))
	for i := 0; i < len(b) && len(out) < max; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			out = append(out, b[i:]...)
			break
		}
		if next, ok := skipOpaque(b, i+j); ok {
			out = append(out, b[i:i+j]...)
			out = append(out, ' ')
			i = next
			continue
		}
		out = append(out, b[i:i+j+1]...)
		i += j + 1
	}
	return out[:min(len(out), max)]
}

// indexASCIIFold is the index of the first match of the lower-case ASCII
// pattern pat in b, ASCII letters matching either case, or -1.
func indexASCIIFold(b []byte, pat string) int {
	first := pat[0]
	for i := 0; i+len(pat) <= len(b); i++ {
		if lowerASCII(b[i]) != first {
			continue
		}
		j := 1
		for j < len(pat) && lowerASCII(b[i+j]) == pat[j] {
			j++
		}
		if j == len(pat) {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
