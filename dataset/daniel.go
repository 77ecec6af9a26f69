package dataset

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// DAnIEL: html/<id>.html.gz is the page as served (its charset read from
// the page) and reference/<id>.txt.gz the article text, one <p>...</p> per
// paragraph, headline first. <id> is <date>_<host>_<hash>: the site is the
// host's registrable domain. doc_lg.json maps ids to language names, kept
// as codes in Lang (a page it does not name takes its <html lang>).
// Pages whose reference is CJK (TokenisationOf) are aligned by characters
// (AlignAs), since Chinese puts no spaces between words.

// danielLangs maps doc_lg.json's language names to codes.
var danielLangs = map[string]string{
	"English": "en",
	"Chinese": "zh",
	"Greek":   "el",
	"Polish":  "pl",
	"Russian": "ru",
}

var danielPara = regexp.MustCompile(`(?i)</?p\s*>`)

// danielGold is the text of a DAnIEL reference file: the <p> marks become
// line breaks and HTML entities are decoded.
func danielGold(b []byte) string {
	s := danielPara.ReplaceAllString(decodeText(b), "\n")
	return strings.TrimSpace(html.UnescapeString(s))
}

// danielHost is the host in a DAnIEL id (<date>_<host>_<hash>), "" if the
// id is not of that form.
func danielHost(id string) string {
	parts := strings.Split(id, "_")
	if len(parts) != 3 {
		return ""
	}
	return parts[1]
}

func listDaniel(dir string, threshold float64) ([]job, error) {
	js, err := os.ReadFile(filepath.Join(dir, "doc_lg.json"))
	if err != nil {
		return nil, err
	}
	var langs map[string]string
	if err := json.Unmarshal(js, &langs); err != nil {
		return nil, fmt.Errorf("doc_lg.json: %w", err)
	}
	files, err := pagesIn(filepath.Join(dir, "html"), "*.html.gz")
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		site := hostSite(danielHost(id))
		if site == "" {
			site = "daniel:" + id
		}
		lang := danielLangs[langs[id]]
		goldPath := filepath.Join(dir, "reference", id+".txt.gz")
		jobs = append(jobs, job{set: SetDaniel, id: id, source: f, load: func() (*LabelledPage, error) {
			return loadDaniel(f, goldPath, site, lang, threshold)
		}})
	}
	return jobs, nil
}

func loadDaniel(path, goldPath, site, lang string, threshold float64) (*LabelledPage, error) {
	g, err := readFile(goldPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fail("no gold", err)
	}
	if err != nil {
		return nil, fail("read", err)
	}
	gold := danielGold(g)
	if gold == "" {
		return nil, fail("empty gold", fmt.Errorf("%s: no text", goldPath))
	}
	b, err := readFile(path)
	if err != nil {
		return nil, fail("read", err)
	}
	lp := &LabelledPage{URL: declaredURL(b), Site: site, PageType: "article", Lang: lang}
	lp.GoldTitle, _, _ = strings.Cut(gold, "\n")
	lp.GoldTitle = strings.TrimSpace(lp.GoldTitle)
	return goldPageAs(b, gold, threshold, TokenisationOf(gold), lp)
}
