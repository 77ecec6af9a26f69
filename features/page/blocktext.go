package page

import (
	"unicode/utf8"

	"github.com/winnow-dev/winnow/internal/text"
)

// text appends a text node to the open block, collapsing white space
// (outside <pre>) and counting words inside links. Soft hyphens are left
// out, and double-encoded UTF-8 is repaired where the repair is
// unambiguous (see text.RepairDoubleUTF8).
func (s *segmenter) text(t string) {
	if r, ok := text.RepairDoubleUTF8(t); ok {
		t = r
	}
	t = text.WithoutSoftHyphens(t)
	if len(s.buf) == 0 {
		s.src = t
	}
	if s.pre > 0 {
		s.buf = append(s.buf, t...)
		s.words.Feed(t)
		s.countMarked(t)
		if s.inLink > 0 {
			s.linkWords += text.CountWords(t)
		}
		return
	}
	if s.inLink > 0 && len(s.buf) == 0 && text.HasVisible(t) {
		s.linkStart = true
	}
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if text.ASCIIClass[c] == text.ClassSpace {
				s.space = true
				i++
				continue
			}
			// Copy the run of visible ASCII at once, noting whether it
			// has a letter or digit.
			class := text.ASCIIClass[c]
			j := i + 1
			for j < len(t) && t[j] < utf8.RuneSelf && text.ASCIIClass[t[j]] != text.ClassSpace {
				class |= text.ASCIIClass[t[j]]
				j++
			}
			s.spaceBefore()
			s.buf = append(s.buf, t[i:j]...)
			s.words.Visible(class&text.ClassAlnum != 0)
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		i += n
		if text.IsSpace(r) {
			s.space = true
			continue
		}
		s.spaceBefore()
		s.buf = utf8.AppendRune(s.buf, r)
		s.words.Rune(r)
	}
	s.countMarked(t)
	if s.inLink > 0 {
		s.linkWords += text.CountWords(t)
	}
}

// spaceBefore writes the pending space, if any, before visible text is
// added to the open block: white space only separates visible text.
func (s *segmenter) spaceBefore() {
	if s.space && len(s.buf) > 0 {
		s.buf = append(s.buf, ' ')
		s.words.Space()
	}
	s.space = false
}

func (s *segmenter) countMarked(t string) {
	if s.opts.MarkPrefix == "" {
		return
	}
	if s.markCount == nil {
		s.markCount = map[string]int{}
	}
	key := ""
	if len(s.marks) > 0 {
		key = s.marks[len(s.marks)-1]
	}
	for _, r := range t {
		if !text.IsSpace(r) {
			s.markCount[key]++
		}
	}
}
