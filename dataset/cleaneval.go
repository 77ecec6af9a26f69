package dataset

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// CleanEval: orig/<N>.html.gz is the page wrapped in a <text id=URL ...>
// line; clean/<N>.txt the gold text in CleanEval format; aligned/<N>.txt.gz
// a per-character mask over the page source where every non-content
// character is □. The mask is carried onto blocks by wrapping each
// content text run of the source in <span class="winnow-mask-content"> and
// segmenting that page with the span class as mark (spans are inline, so
// segmentation is unchanged).

const (
	maskPrefix  = "winnow-mask-"
	maskContent = "winnow-mask-content"
	maskOff     = '□'
)

func maskIsContent(mark string) bool { return mark == maskContent }

var (
	cleanEvalMarker = regexp.MustCompile(`(?m)^\s*<[phl]>`)
	htmlComment     = regexp.MustCompile(`(?s)<!--.*?-->`)
	textWrapper     = regexp.MustCompile(`^<text id="([^"]*)"`)
	lineBreak       = regexp.MustCompile(`\r\n|\n|\r`)
)

// cleanEvalGold reads a CleanEval-format gold file: the first non-blank
// line is "URL: ...", paragraphs start with <p>, <h> or <l>; some sets leave HTML
// entities in. It returns the text without markers, entity-decoded, and the URL.
func cleanEvalGold(path string) (gold, u string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", err
	}
	s := decodeText(b)
	// The URL line is the first non-blank line (some files start blank).
	if t := strings.TrimLeft(s, " \t\r\n"); strings.HasPrefix(t, "URL:") {
		first, rest, _ := strings.Cut(t, "\n")
		u = strings.TrimSpace(strings.TrimPrefix(first, "URL:"))
		s = rest
	}
	s = cleanEvalMarker.ReplaceAllString(s, "\n")
	// "<!-- this page contains no article -->" marks pages without main text.
	s = htmlComment.ReplaceAllString(s, "")
	return html.UnescapeString(s), u, nil
}

func listCleanEval(dir string, threshold float64) ([]job, error) {
	files, err := pagesIn(filepath.Join(dir, "orig"), "*.html.gz")
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		jobs = append(jobs, job{set: SetCleanEval, id: id, source: f, load: func() (*LabelledPage, error) {
			return loadCleanEval(dir, id)
		}})
	}
	return jobs, nil
}

func loadCleanEval(dir, id string) (*LabelledPage, error) {
	raw, err := readFile(filepath.Join(dir, "orig", id+".html.gz"))
	if err != nil {
		return nil, fail("read", err)
	}
	maskPath := filepath.Join(dir, "aligned", id+".txt.gz")
	if _, err := os.Stat(maskPath); err != nil {
		return nil, fail("no labels", err)
	}
	mask, err := readFile(maskPath)
	if err != nil {
		return nil, fail("read", err)
	}
	gold, u, err := cleanEvalGold(filepath.Join(dir, "clean", id+".txt"))
	if err != nil {
		return nil, fail("read", err)
	}
	if m := textWrapper.FindSubmatch(raw); m != nil {
		u = html.UnescapeString(string(m[1]))
	}
	src := cleanEvalSource(raw)
	marked, err := applyMask(src, string(bytes.ToValidUTF8(mask, nil)))
	if err != nil {
		return nil, fail("mask", err)
	}
	p, err := parse([]byte(marked), maskPrefix)
	if err != nil {
		return nil, err
	}
	return &LabelledPage{
		URL: u, Site: siteOf(u), Lang: p.Lang, Page: p,
		Labels: marksToLabels(p.Blocks, maskIsContent),
		Gold:   gold,
	}, nil
}

// cleanEvalSource rebuilds the string CleanEval's mask indexes, as the
// set's README prescribes: the page decoded as UTF-8 dropping invalid
// bytes, split into lines, trailing empty lines dropped, the first
// (<text ...>) and last (</text>) lines dropped, joined with \n.
func cleanEvalSource(raw []byte) string {
	lines := lineBreak.Split(string(bytes.ToValidUTF8(raw, nil)), -1)
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) < 2 {
		return ""
	}
	return strings.Join(lines[1:len(lines)-1], "\n")
}

// applyMask wraps the content text of src in marking spans. mask has one
// rune per rune of src; a text token of src is content when most of its
// non-space runes are not □ in the mask. Raw text (script, style, title,
// textarea) is left alone.
func applyMask(src, mask string) (string, error) {
	srcN, maskN := utf8.RuneCountInString(src), utf8.RuneCountInString(mask)
	if srcN != maskN {
		return "", fmt.Errorf("mask has %d characters, page %d", maskN, srcN)
	}
	// content[i] for each byte offset i of src that starts a rune.
	content := make([]bool, len(src))
	mi := 0
	for i := range src {
		r, n := utf8.DecodeRuneInString(mask[mi:])
		content[i] = r != maskOff
		mi += n
	}
	var out strings.Builder
	out.Grow(len(src) + len(src)/8)
	z := xhtml.NewTokenizer(strings.NewReader(src))
	off := 0
	raw := false
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		tok := z.Raw()
		start := off
		off += len(tok)
		switch tt {
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			raw = rawText[string(name)]
		case xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			raw = false
		case xhtml.TextToken:
			if !raw && maskedContent(src[start:off], content[start:off]) {
				out.WriteString(`<span class="` + maskContent + `">`)
				out.Write(tok)
				out.WriteString(`</span>`)
				continue
			}
		}
		out.Write(tok)
	}
	return out.String(), nil
}

// rawText are the elements whose content the tokenizer returns as raw text.
var rawText = map[string]bool{
	"script": true, "style": true, "title": true, "textarea": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// maskedContent reports whether most non-space runes of text are content.
func maskedContent(text string, content []bool) bool {
	in, all := 0, 0
	for i, r := range text {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
			continue
		}
		all++
		if content[i] {
			in++
		}
	}
	return all > 0 && 2*in > all
}
