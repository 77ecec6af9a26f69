package dataset

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Readability.js test pages: <case>/source.html.gz, <case>/expected.html.gz
// (Readability's output) and <case>/expected-metadata.json. Gold is the
// text of expected.html: another extractor's output, so the set is for
// regression tests only (Trainable is false). The site is the page's
// canonical link or og:url host, else "readability:<case>".

func listReadability(dir string, threshold float64) ([]job, error) {
	cases, err := globSorted(filepath.Join(dir, "*", "source.html.gz"))
	if err != nil {
		return nil, err
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("no pages in %s", dir)
	}
	var jobs []job
	for _, f := range cases {
		c := filepath.Dir(f)
		id := filepath.Base(c)
		jobs = append(jobs, job{set: SetReadability, id: id, source: f, load: func() (*LabelledPage, error) {
			return loadReadability(c, id, threshold)
		}})
	}
	return jobs, nil
}

func loadReadability(dir, id string, threshold float64) (*LabelledPage, error) {
	b, err := readFile(filepath.Join(dir, "source.html.gz"))
	if err != nil {
		return nil, fail("read", err)
	}
	goldPath := filepath.Join(dir, "expected.html.gz")
	exp, err := readFile(goldPath)
	if err != nil {
		return nil, fail("no gold", err)
	}
	ep, err := parse(exp, "")
	if err != nil {
		return nil, fail("gold", fmt.Errorf("%s: %w", goldPath, err))
	}
	var gold strings.Builder
	for _, bl := range ep.Blocks {
		gold.WriteString(bl.Text)
		gold.WriteString("\n\n")
	}
	var meta struct {
		Lang string `json:"lang"`
	}
	if m, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json")); err == nil {
		_ = json.Unmarshal(m, &meta) // metadata is optional; a bad file only loses the language
	}
	u := declaredURL(b)
	site := siteOf(u)
	if site == "" {
		site = "readability:" + id
	}
	return goldPage(b, gold.String(), threshold, &LabelledPage{URL: u, Site: site, Lang: strings.ToLower(meta.Lang)})
}
