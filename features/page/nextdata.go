package page

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nextDataID is the id of the script in which a Next.js page ships the
// data it renders from.
const nextDataID = "__NEXT_DATA__"

// Limits of the walk over the page data: the deepest value looked at,
// the most values looked at, the fewest words a string needs to count as
// prose, and the most distinct places (paths) prose is gathered from.
const (
	maxNextDataDepth  = 32
	maxNextDataValues = 200_000
	minProseWords     = 8
	maxProsePaths     = 256
	// maxShellText is the most letters and digits the visible text of a
	// page may have for isShell: a menu, a footer and a notice.
	maxShellText = 1500
)

// declaresArticle reports whether the page says it is an article: an
// og:type of article (or article:*), or a JSON-LD object of an article
// type (see findTyped). Page data holds the prose of shop guides,
// FAQs and banners as well as articles; only where the page says it is
// an article is its prose taken for one.
func declaresArticle(root *html.Node) bool {
	for n := root; n != nil; n = nextNode(n, root) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Meta {
			continue
		}
		if p, _ := attr(n, "property"); strings.EqualFold(strings.TrimSpace(p), "og:type") {
			if c, _ := attr(n, "content"); strings.HasPrefix(strings.ToLower(strings.TrimSpace(c)), "article") {
				return true
			}
		}
	}
	return firstJSONLDArticle(root, func(map[string]any) bool { return true }) != nil
}

// isShell reports whether the page shows next to no text: at most
// maxShellText letters and digits in its visible text, as an application
// shell that renders its content with a script does. Only there does
// nextDataBody's guess from the form of the data stand in for the page:
// where the page shows text, the data's prose is more often what a
// browser hides (plot summaries of a listing, descriptions of variants,
// banners) than the article.
func isShell(root *html.Node) bool {
	n := 0
	return !moreVisible(root, &n)
}

// moreVisible adds to *n the letters and digits of the text under root
// that segmentation can reach (visibleTextOf's), and reports, as soon as
// *n passes maxShellText, that it did.
func moreVisible(root *html.Node, n *int) bool {
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			for _, r := range c.Data {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					if *n++; *n > maxShellText {
						return true
					}
				}
			}
		case html.ElementNode, html.DocumentNode:
			if !skipped(c.DataAtom) && moreVisible(c, n) {
				return true
			}
		}
	}
	return false
}

// nextDataBody is the article text of the page's Next.js data (the JSON
// of <script id="__NEXT_DATA__">, at most maxJSONLDBytes), or "". Page
// data has no fixed shape, so the text is found by its form: of the
// strings of at least minProseWords words that read as prose (end with
// or hold sentence punctuation), those at one path of keys (array
// indices read as one: "post.content[].text") are the article's
// paragraphs; the path with the most words wins, and its strings are
// returned in order, one paragraph each, a string repeated only once. A string of markup (with an end
// tag or <br>) is kept as markup and counted by its text.
func nextDataBody(root *html.Node) string {
	for n := root; n != nil; n = nextNode(n, root) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Script {
			continue
		}
		if id, _ := attr(n, "id"); id != nextDataID {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(scriptText(n)), &v); err != nil {
			return ""
		}
		w := proseWalk{paths: map[string]*prosePath{}, seen: map[string]bool{}, budget: maxNextDataValues}
		w.walk(v, "", 0)
		return w.best()
	}
	return ""
}

// prosePath is the prose found at one path: its strings in order, their
// words, and the order in which the path was first seen.
type prosePath struct {
	texts []string
	words int
	first int
}

// proseWalk gathers the prose strings of a JSON value by path.
type proseWalk struct {
	paths  map[string]*prosePath
	seen   map[string]bool // the prose strings gathered
	budget int
}

func (w *proseWalk) walk(v any, path string, depth int) {
	if w.budget--; w.budget < 0 || depth > maxNextDataDepth {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys) // a map has no order: sort, for the same result every time
		for _, k := range keys {
			w.walk(v[k], path+"."+k, depth+1)
		}
	case []any:
		for _, e := range v {
			w.walk(e, path+"[]", depth+1)
		}
	case string:
		words := proseWords(v)
		if words < minProseWords {
			return
		}
		p := w.paths[path]
		if p == nil {
			if len(w.paths) >= maxProsePaths {
				return
			}
			p = &prosePath{first: len(w.paths)}
			w.paths[path] = p
		}
		if w.seen[v] {
			return // a banner or a label repeated: once is enough
		}
		w.seen[v] = true
		p.texts = append(p.texts, v)
		p.words += words
	}
}

// best joins the strings of the path with the most words (the first seen
// of equals), one paragraph each, or "" when there is no prose.
func (w *proseWalk) best() string {
	var top *prosePath
	for _, p := range w.paths {
		if top == nil || p.words > top.words || (p.words == top.words && p.first < top.first) {
			top = p
		}
	}
	if top == nil {
		return ""
	}
	return strings.Join(top.texts, "\n\n")
}

// proseWords is the number of words of s (of its text, if s is markup)
// when s reads as prose, with sentence punctuation inside or at its end,
// and 0 otherwise. URLs, identifiers and labels are no prose.
func proseWords(s string) int {
	if strings.Contains(s, "</") || strings.Contains(s, "<br") {
		s = stripTags(s)
	}
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "http") || strings.HasPrefix(s, "/") {
		return 0
	}
	if !strings.ContainsAny(s, ".!?。！？") {
		return 0
	}
	return len(strings.Fields(s))
}
