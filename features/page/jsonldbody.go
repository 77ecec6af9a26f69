package page

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Limits of the JSON-LD body: the shortest articleBody used (in letters
// and digits, normalised as bodyKey does), and the probes of it looked for
// in the page's text.
const (
	minJSONLDBody = 200
	bodyProbes    = 8
	bodyProbeLen  = 32 // runes
)

// addScriptBody adds body, the article text a script of the page holds
// (JSON-LD articleBody, see jsonLDArticleBody, or the Next.js page data,
// see nextDataBody), to the tree when the page's visible text holds none
// of it, as on pages that render their article with a script from JSON:
// it becomes an <article> of paragraphs (parsed as HTML when it is
// markup) at the end of the first <main>, else of <body> (before its
// <footer>), where segmentation and the model see it as any other text.
// The body is absent when none of bodyProbes stretches of it, spread over
// its length, occurs in the visible text, compared in lower case with
// runs of other characters than letters and digits read as one space. A
// body shorter than minJSONLDBody letters and digits is not added. It
// reports whether it changed the tree.
func addScriptBody(root *html.Node, body string) bool {
	key := bodyKey(body)
	if utf8.RuneCountInString(key) < minJSONLDBody {
		return false
	}
	var visible strings.Builder
	visibleTextOf(root, &visible)
	page := bodyKey(visible.String())
	runes := []rune(key)
	step := (len(runes) - bodyProbeLen) / (bodyProbes - 1)
	for i := range bodyProbes {
		probe := string(runes[i*step : i*step+bodyProbeLen])
		if strings.Contains(page, probe) {
			return false
		}
	}
	art := &html.Node{Type: html.ElementNode, Data: "article", DataAtom: atom.Article}
	if main := firstElement(root, atom.Main); main != nil {
		main.AppendChild(art)
	} else if body := firstElement(root, atom.Body); body != nil {
		var footer *html.Node
		for c := body.FirstChild; c != nil && footer == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Footer {
				footer = c
			}
		}
		body.InsertBefore(art, footer)
	} else {
		return false
	}
	if strings.Contains(body, "</") || strings.Contains(body, "<br") {
		if nodes, err := html.ParseFragment(strings.NewReader(body), art); err == nil {
			for _, n := range nodes {
				art.AppendChild(n)
			}
			return true
		}
	}
	for line := range strings.Lines(body) {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		if strings.IndexByte(line, '&') >= 0 {
			line = html.UnescapeString(line) // sites encode entities twice
		}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: line})
		art.AppendChild(p)
	}
	return true
}

// jsonLDArticleBody is the articleBody of the first JSON-LD article of
// the page (see findTyped) that has one, or "".
func jsonLDArticleBody(root *html.Node) string {
	art := firstJSONLDArticle(root, func(art map[string]any) bool {
		s, _ := art["articleBody"].(string)
		return strings.TrimSpace(s) != ""
	})
	s, _ := art["articleBody"].(string)
	return s
}

// firstJSONLDArticle returns the first JSON-LD article (see findTyped)
// of the page's first maxJSONLDScripts JSON-LD scripts for which want
// holds, or nil.
func firstJSONLDArticle(root *html.Node, want func(map[string]any) bool) map[string]any {
	scripts := 0
	for n := root; n != nil; n = nextNode(n, root) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Script {
			continue
		}
		if t, _ := attr(n, "type"); !isJSONLD(t) {
			continue
		}
		if scripts++; scripts > maxJSONLDScripts {
			break
		}
		v, ok := decodeJSONLD(scriptText(n))
		if !ok {
			continue
		}
		budget := maxJSONLDValues
		if art := findTyped(v, articleTypes, 0, &budget); art != nil && want(art) {
			return art
		}
	}
	return nil
}

// visibleTextOf writes the text under n that segmentation can reach
// (outside the elements skipped gives none of), a space between nodes.
func visibleTextOf(n *html.Node, b *strings.Builder) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			b.WriteByte(' ')
		case html.ElementNode, html.DocumentNode:
			if !skipped(c.DataAtom) {
				visibleTextOf(c, b)
			}
		}
	}
}

// bodyKey is s in lower case with every run of characters other than
// letters and digits, markup included, replaced by one space.
func bodyKey(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		// ASCII, most of most pages, without the unicode tables.
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			default:
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// stripTags is the text of the markup s, entities decoded.
func stripTags(s string) string {
	var b bytes.Buffer
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
			b.WriteByte(' ')
		}
	}
}

// firstElement is the first element of kind a under root, in document
// order, or nil.
func firstElement(root *html.Node, a atom.Atom) *html.Node {
	for n := root; n != nil; n = nextNode(n, root) {
		if n.Type == html.ElementNode && n.DataAtom == a {
			return n
		}
	}
	return nil
}
