package page

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// classValue is what segmentation needs of the value of a class or id
// attribute.
type classValue struct {
	tokens []string // the tokens, as strings.Fields splits the value, lower-cased
	sig    Signal   // the vocabularies of the tokens (classSignal)
}

// classAttr returns the classValue of the attribute value v, remembered for
// the page: pages repeat their class values. The tokens slice is shared by
// every element with the value and must not be modified.
func (s *segmenter) classAttr(v string) classValue {
	if c, ok := s.classValues[v]; ok {
		return c
	}
	if s.classValues == nil {
		s.classValues = map[string]classValue{}
	}
	n := 0
	for rest := v; ; n++ {
		var tok string
		if tok, rest = nextField(rest); tok == "" {
			break
		}
	}
	var c classValue
	if n > 0 {
		c.tokens = s.strSlice(n)[:0]
		for rest := v; ; {
			var tok string
			if tok, rest = nextField(rest); tok == "" {
				break
			}
			c.sig |= classSignal(tok)
			c.tokens = append(c.tokens, strings.ToLower(tok))
		}
	}
	s.classValues[v] = c
	return c
}

// nextField returns the first field of v, as strings.Fields splits it,
// and the rest of v after it; tok is "" when v has no more fields.
func nextField(v string) (tok, rest string) {
	i := 0
	for i < len(v) {
		c := v[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(v[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
			continue
		}
		if asciiSpace[c] == 0 {
			break
		}
		i++
	}
	j := i
	for j < len(v) {
		c := v[j]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(v[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
			continue
		}
		if asciiSpace[c] != 0 {
			break
		}
		j++
	}
	return v[i:j], v[j:]
}

// asciiSpace are the ASCII bytes unicode.IsSpace accepts, as strings.Fields uses them.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

func (s *segmenter) pushMark(n *html.Node) bool {
	if s.opts.MarkPrefix == "" {
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			if strings.HasPrefix(tok, s.opts.MarkPrefix) {
				s.marks = append(s.marks, tok)
				return true
			}
		}
	}
	return false
}
