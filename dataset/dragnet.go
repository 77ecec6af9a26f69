package dataset

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	xunicode "golang.org/x/text/encoding/unicode"
)

// Dragnet: html/<id>.html.gz is the page as served (its charset read from
// the page) and gold/<id>.txt.gz the text a person copied out of it: the
// article, then, on about 30% of the pages, a hand-typed marker line and
// the reader comments. The gold is UTF-8, Windows-1252 or UTF-16 with a
// byte order mark. hosts.tsv ("id<TAB>host<TAB>how") gives each page's
// host; the site is its registrable domain, or "dragnet:<id>" where the
// host is unknown.
//
// The article part and the comments part of the gold are aligned
// separately: a block aligned to the article is Content; one aligned to
// the comments and not to the article is a comment (Boilerplate, with
// Comment set); every other block is Boilerplate. A page without a marker
// is taken to have no comments (its Comment flags are all false): the set
// gives no other sign, so a page whose comments the annotator did not copy
// would be mislabelled that way.

// commentsMarkerSymbols is the run of symbols typed before "COMMENTS".
const commentsMarkerSymbols = "!@#$%^&*()"

// isCommentsMarker reports whether a line of Dragnet's gold is the marker
// between article and comments. The marker was typed by hand, so it is
// matched loosely: symbols of "!@#$%^&*()" (at least six different ones,
// in any order, repeats and spaces allowed) and at most one short word
// ("COMMENTS", also seen as "COMMNENTS", "CORRECTED" or missing), and
// nothing else.
func isCommentsMarker(line string) bool {
	seen := map[rune]bool{}
	letters, words := 0, 0
	inWord := false
	for _, r := range line {
		switch {
		case strings.ContainsRune(commentsMarkerSymbols, r):
			seen[r] = true
			inWord = false
		case unicode.IsLetter(r):
			letters++
			if !inWord {
				words++
			}
			inWord = true
		case unicode.IsSpace(r):
			inWord = false
		default:
			return false
		}
	}
	return len(seen) >= 6 && words <= 1 && letters <= 12
}

// splitDragnetGold cuts a Dragnet gold text at its first comments marker
// line into the article and the comments; without a marker, all of it is
// the article. Later marker lines are dropped.
func splitDragnetGold(s string) (article, comments string, marked bool) {
	lines := strings.SplitAfter(s, "\n")
	var a, c strings.Builder
	for _, l := range lines {
		if isCommentsMarker(l) {
			marked = true
			continue
		}
		if marked {
			c.WriteString(l)
		} else {
			a.WriteString(l)
		}
	}
	return a.String(), c.String(), marked
}

// decodeDragnetGold decodes a gold file: UTF-16 when it starts with a
// UTF-16 byte order mark, else as decodeText does.
func decodeDragnetGold(b []byte) (string, error) {
	if len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) {
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", err
		}
		return string(out), nil
	}
	return decodeText(b), nil
}

// readHosts reads hosts.tsv: id → host ("" where the file gives none).
func readHosts(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		fields := strings.Split(sc.Text(), "\t")
		if first && fields[0] == "id" {
			continue
		}
		if len(fields) >= 2 {
			m[strings.TrimSpace(fields[0])] = strings.TrimSpace(fields[1])
		}
	}
	return m, sc.Err()
}

// hostSite is the site of a host: lower-cased, without "www." and port,
// cut to its registrable domain; "" for an empty host.
func hostSite(host string) string {
	h := strings.ToLower(strings.TrimSpace(host))
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	h = strings.TrimPrefix(h, "www.")
	if h == "" {
		return ""
	}
	return registrable(h)
}

func listDragnet(dir string, threshold float64) ([]job, error) {
	hosts, err := readHosts(filepath.Join(dir, "hosts.tsv"))
	if err != nil {
		return nil, err
	}
	files, err := pagesIn(filepath.Join(dir, "html"), "*.html.gz")
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		site := hostSite(hosts[id])
		if site == "" {
			site = "dragnet:" + id
		}
		goldPath := filepath.Join(dir, "gold", id+".txt.gz")
		jobs = append(jobs, job{set: SetDragnet, id: id, source: f, load: func() (*LabelledPage, error) {
			return loadDragnet(f, goldPath, site, threshold)
		}})
	}
	return jobs, nil
}

func loadDragnet(path, goldPath, site string, threshold float64) (*LabelledPage, error) {
	g, err := readFile(goldPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fail("no gold", err)
	}
	if err != nil {
		return nil, fail("read", err)
	}
	text, err := decodeDragnetGold(g)
	if err != nil {
		return nil, fail("read", fmt.Errorf("%s: %w", goldPath, err))
	}
	article, comments, marked := splitDragnetGold(text)
	if strings.TrimSpace(article) == "" {
		if marked {
			return nil, fail("empty gold", fmt.Errorf("%s: no article before the comments marker", goldPath))
		}
		return nil, fail("empty gold", fmt.Errorf("%s: blank", goldPath))
	}
	b, err := readFile(path)
	if err != nil {
		return nil, fail("read", err)
	}
	lp, err := goldPage(b, article, threshold, &LabelledPage{URL: declaredURL(b), Site: site, PageType: "article", Lang: "en"})
	if err != nil {
		return nil, err
	}
	lp.BodyGold = lp.Gold
	lp.Comment = make([]bool, len(lp.Labels))
	if strings.TrimSpace(comments) != "" {
		lp.CommentGold = comments
		for i, l := range Align(lp.Page.Blocks, comments, threshold) {
			lp.Comment[i] = l == Content && lp.Labels[i] != Content
		}
	}
	return lp, nil
}
