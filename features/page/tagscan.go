package page

import (
	"bytes"

	"golang.org/x/net/html"
)

// tagScanner splits a page into the tokens that html.Tokenizer
// (golang.org/x/net/html v0.62.0, with CDATA sections off, as
// NewTokenizer leaves them) makes of it, without allocating or copying:
// for every token the same type (html.TokenType) and the same raw bytes
// (start..end in the page; the raw texts of the tokens follow each other,
// and an unterminated tag at the end of the page ends the stream, as the
// tokenizer's ErrorToken does; NUL bytes and line ends are left as they
// are, as in Tokenizer.Raw), and for a tag its name as written and, for a
// start tag, how many attributes Tokenizer.TagAttr returns: those with a
// non-empty key, a key repeated in any case counted once.
//
// After a start tag of a raw text or RCDATA element (script, style,
// textarea, title, xmp, iframe, noembed, noframes, noscript, plaintext),
// the next token is the element's text up to its end tag, as the
// tokenizer reads it, unless notRawText is called first, as
// Tokenizer.NextIsNotRawText.
type tagScanner struct {
	b          []byte
	start, end int      // raw bytes of the current token
	nameStart  int      // the name of a tag token is b[nameStart:nameEnd]
	nameEnd    int      //
	attrs      int      // attributes of a start tag
	rawTag     string   // raw text element whose text the next token is, or ""
	done       bool     // the page is read to its end: the next token is html.ErrorToken
	last       attrSpan // the last attribute read of the current tag
	lastKept   bool     // whether the tokenizer keeps it
	keys       attrKeys // of the current start tag
	// With findUnread, unread holds the attributes of the current start
	// tag that nothing reads (see unreadAttr), each from its key to its
	// closing quote.
	findUnread bool
	unread     []span
}

// span is a range b[start:end] of the page.
type span struct{ start, end int }

// rawTextTags are the elements after whose start tag the tokenizer reads
// raw text or RCDATA up to their end tag (plaintext: to the end).
var rawTextTags = [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"}

// rawTextByLen holds rawTextTags by the length of their names.
var rawTextByLen = func() (byLen [len("plaintext") + 1][]string) {
	for _, t := range rawTextTags {
		byLen[len(t)] = append(byLen[len(t)], t)
	}
	return byLen
}()

func newTagScanner(b []byte) tagScanner { return tagScanner{b: b, keys: attrKeys{b: b}} }

// notRawText makes the token after a raw text element's start tag markup,
// as Tokenizer.NextIsNotRawText does.
func (s *tagScanner) notRawText() { s.rawTag = "" }

// maxName is the longest tag name lowerName lowers.
const maxName = 16

// lowerName returns the current tag's name lower-cased (ASCII only, as
// the tokenizer does) in buf, or, if it is longer than buf, as written:
// no element name the package looks up is that long. A NUL byte stays
// (the tokenizer makes it U+FFFD): either way the name is no element's.
func (s *tagScanner) lowerName(buf *[maxName]byte) []byte {
	name := s.b[s.nameStart:s.nameEnd]
	if len(name) > len(buf) {
		return name
	}
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(name)]
}

// next scans the next token and returns its type, html.ErrorToken at the
// end of the page.
func (s *tagScanner) next() html.TokenType {
	s.start = s.end
	s.attrs = 0
	if s.done {
		return html.ErrorToken
	}
	b := s.b
	if tag := s.rawTag; tag != "" {
		s.rawTag = ""
		var end int
		switch tag {
		case "plaintext":
			end, s.done = len(b), true
		case "script":
			end, s.done = scanScript(b, s.start)
		default:
			end, s.done = scanRawText(b, s.start, tag)
		}
		if end > s.start {
			s.end = end
			return html.TextToken
		}
		if s.done {
			return html.ErrorToken
		}
	}
	// Text runs up to a '<' that starts markup: a letter, '/', '!' or
	// '?' after it.
	for p := s.start; ; {
		i := bytes.IndexByte(b[p:], '<')
		if i < 0 || p+i+1 >= len(b) {
			return s.text(len(b), true)
		}
		i += p
		if !startsMarkup(b[i+1]) {
			p = i + 1
			continue
		}
		if i > s.start {
			return s.text(i, false)
		}
		return s.markup()
	}
}

// text ends the current token, text, at end; done says it reaches the
// end of the page.
func (s *tagScanner) text(end int, done bool) html.TokenType {
	s.done = done
	if end == s.start {
		return html.ErrorToken
	}
	s.end = end
	return html.TextToken
}

// markup scans the token at s.start: '<' and a letter, '/', '!' or '?'.
func (s *tagScanner) markup() html.TokenType {
	b, i := s.b, s.start
	switch c := b[i+1]; {
	case isLetter(c):
		return s.startTag()
	case c == '?':
		return s.untilCloseAngle(i+1, html.CommentToken)
	case c == '!':
		p := i + 2
		if len(b)-p < 2 {
			s.end, s.done = len(b), true
			return html.CommentToken
		}
		if b[p] == '-' && b[p+1] == '-' {
			s.end, s.done = scanComment(b, p+2)
			return html.CommentToken
		}
		if hasPrefixFold(b[p:], "doctype") {
			return s.untilCloseAngle(p, html.DoctypeToken)
		}
		return s.untilCloseAngle(p, html.CommentToken)
	}
	// "</": an end tag, "</>" (an empty comment to the tokenizer), a
	// bogus comment, or, at the end of the page, text.
	p := i + 2
	switch {
	case p >= len(b):
		return s.text(len(b), true)
	case b[p] == '>':
		s.end = p + 1
		return html.CommentToken
	case isLetter(b[p]):
		end, ok := s.tag(p, false)
		if !ok {
			s.done = true
			return html.ErrorToken
		}
		s.end = end
		return html.EndTagToken
	}
	return s.untilCloseAngle(p, html.CommentToken)
}

// untilCloseAngle ends the current token, of type tt, after the first
// '>' from p on, or at the end of the page.
func (s *tagScanner) untilCloseAngle(p int, tt html.TokenType) html.TokenType {
	j := bytes.IndexByte(s.b[p:], '>')
	if j < 0 {
		s.end, s.done = len(s.b), true
	} else {
		s.end = p + j + 1
	}
	return tt
}

// startTag scans the start tag at s.start and notes whether a raw text
// element starts (a self-closing one too, as the tokenizer has it).
func (s *tagScanner) startTag() html.TokenType {
	end, ok := s.tag(s.start+1, true)
	if !ok {
		s.done = true
		return html.ErrorToken
	}
	s.end = end
	if name := s.b[s.nameStart:s.nameEnd]; len(name) < len(rawTextByLen) {
		for _, t := range rawTextByLen[len(name)] {
			if hasPrefixFold(name, t) {
				s.rawTag = t
				break
			}
		}
	}
	if s.b[end-2] != '/' {
		return html.StartTagToken
	}
	// A '/' before the '>' makes the tag self-closing unless it ends the
	// value of the last attribute the tokenizer keeps (<a href=/>). Only
	// the last attribute read can end at the '>'.
	if s.lastKept && s.last.valEnd == end-1 {
		return html.StartTagToken
	}
	return html.SelfClosingTagToken
}

// tag reads a tag whose name starts at p, its first letter, after "<" or
// "</", and returns the end of the tag, after its '>', with ok false when
// the page ends first. It sets the name, the last attribute and, for a
// start tag (attrs true), counts the attributes.
func (s *tagScanner) tag(p int, attrs bool) (end int, ok bool) {
	b := s.b
	s.nameStart = p
	for p++; ; p++ {
		if p >= len(b) {
			return 0, false
		}
		c := b[p]
		if tagBytes[c]&endsName == 0 {
			continue
		}
		s.nameEnd = p
		if isSpace(c) {
			p++
		}
		break
	}
	s.last, s.lastKept = attrSpan{}, false
	s.keys.reset()
	s.unread = s.unread[:0]
	for {
		for p < len(b) && isSpace(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, false
		}
		if b[p] == '>' {
			return p + 1, true
		}
		a, next, ok := scanAttr(b, p)
		if !ok {
			return 0, false
		}
		if s.findUnread && attrs && unreadAttr(b, a, next) {
			s.unread = append(s.unread, span{a.keyStart, next})
		}
		p = next
		s.last = a
		s.lastKept = attrs && a.keyEnd > a.keyStart && s.keys.add(a.keyStart, a.keyEnd)
		if s.lastKept {
			s.attrs++
		}
	}
}

// attrSpan is an attribute of a tag: its key b[keyStart:keyEnd] and where
// the tokenizer ends its value (valEnd).
type attrSpan struct{ keyStart, keyEnd, valEnd int }

// unreadAttr reports whether the attribute a of a start tag, read up to
// next, is one that nothing of the package reads (href, src, srcset,
// data-*; a key in any case) and can be cut whole from the page without
// changing how the tokenizer reads the rest of the tag: it follows white
// space and has a quoted value, after whose closing quote the tokenizer
// goes on as it would after that white space.
func unreadAttr(b []byte, a attrSpan, next int) bool {
	if a.keyStart == 0 || !isSpace(b[a.keyStart-1]) || next != a.valEnd+1 || a.valEnd >= len(b) {
		return false
	}
	if q := b[a.valEnd]; q != '"' && q != '\'' {
		return false
	}
	key := b[a.keyStart:a.keyEnd]
	switch len(key) {
	case 3:
		return equalFold(key, []byte("src"))
	case 4:
		return equalFold(key, []byte("href"))
	case 6:
		if equalFold(key, []byte("srcset")) {
			return true
		}
	}
	return len(key) > 5 && equalFold(key[:5], []byte("data-"))
}

// scanAttr reads the attribute at p in a tag (not white space, not '>')
// as the tokenizer does and returns it and the position after it, with
// ok false when the page ends first. A '/' where a key would start makes
// an attribute with an empty key, which the tokenizer does not keep.
func scanAttr(b []byte, p int) (a attrSpan, next int, ok bool) {
	a.keyStart = p
	if b[p] == '=' {
		p++ // a '=' where the key starts belongs to it
	}
	for p < len(b) && tagBytes[b[p]]&endsKey == 0 {
		p++
	}
	a.keyEnd, a.valEnd = p, p // no value: its (empty) span starts where the key ends
	for p < len(b) && isSpace(b[p]) {
		p++
	}
	if p >= len(b) {
		return a, 0, false
	}
	switch b[p] {
	case '/':
		return a, p + 1, true
	case '=':
	default:
		return a, p, true
	}
	for p++; p < len(b) && isSpace(b[p]); p++ {
	}
	if p >= len(b) {
		return a, 0, false
	}
	switch q := b[p]; q {
	case '>':
		return a, p, true
	case '"', '\'':
		j := bytes.IndexByte(b[p+1:], q)
		if j < 0 {
			return a, 0, false
		}
		a.valEnd = p + 1 + j
		return a, a.valEnd + 1, true
	}
	for p++; p < len(b); p++ {
		if isSpace(b[p]) {
			a.valEnd = p
			return a, p + 1, true
		}
		if b[p] == '>' {
			a.valEnd = p
			return a, p, true
		}
	}
	return a, 0, false
}

// equalFold reports whether a and b are equal but for ASCII case.
func equalFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i, c := range a {
		if d := b[i]; c != d && lowerASCII(c) != lowerASCII(d) {
			return false
		}
	}
	return true
}

// hasPrefixFold reports whether b starts with the lower-case ASCII
// prefix, in any case.
func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		if lowerASCII(b[i]) != prefix[i] {
			return false
		}
	}
	return true
}

// isSpace reports whether c is white space to the tokenizer.
func isSpace(c byte) bool { return tagBytes[c]&tagSpace != 0 }

// Classes of bytes in a tag (tagBytes).
const (
	tagSpace = 1 << iota // white space: ' ', '\n', '\r', '\t', '\f'
	endsName             // ends a tag's name: white space, '/', '>'
	endsKey              // ends an attribute's key: white space, '/', '>', '='
)

// tagBytes holds the classes of every byte.
var tagBytes = func() (t [256]uint8) {
	for _, c := range []byte(" \n\r\t\f") {
		t[c] = tagSpace | endsName | endsKey
	}
	t['/'], t['>'] = endsName|endsKey, endsName|endsKey
	t['='] = endsKey
	return t
}()
