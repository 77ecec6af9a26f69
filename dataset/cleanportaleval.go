package dataset

import (
	"path/filepath"
	"regexp"
	"strings"
)

// CleanPortalEval: input/<site>_<NN>.html.gz and GoldStandard/<same>.txt in
// CleanEval format (URL line first; HTML entities left in). The site is
// the host of the gold's URL line; failing that, the file name up to its
// first underscore ("bbc.co.uk_news_01" → "bbc.co.uk").

var portalNumber = regexp.MustCompile(`_\d+$`)

func listCleanPortalEval(dir string, threshold float64) ([]job, error) {
	files, err := pagesIn(filepath.Join(dir, "input"), "*.htm*.gz")
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, f := range files {
		base := filepath.Base(f)
		id := base[:strings.Index(base, ".htm")]
		jobs = append(jobs, job{set: SetCleanPortalEval, id: id, source: f, load: func() (*LabelledPage, error) {
			b, err := readFile(f)
			if err != nil {
				return nil, fail("read", err)
			}
			gold, u, err := cleanEvalGold(filepath.Join(dir, "GoldStandard", id+".txt"))
			if err != nil {
				return nil, fail("no gold", err)
			}
			site := siteOf(u)
			if site == "" {
				site, _, _ = strings.Cut(portalNumber.ReplaceAllString(id, ""), "_")
				site = strings.TrimPrefix(strings.ToLower(site), "www.")
			}
			return goldPage(b, gold, threshold, &LabelledPage{URL: u, Site: site, PageType: "article", Lang: "en"})
		}})
	}
	return jobs, nil
}

// goldPage parses a page of a gold-text set and labels it by alignment.
func goldPage(b []byte, gold string, threshold float64, lp *LabelledPage) (*LabelledPage, error) {
	return goldPageAs(b, gold, threshold, Words, lp)
}

// goldPageAs is goldPage with the alignment's tokenisation given.
func goldPageAs(b []byte, gold string, threshold float64, tok Tokenisation, lp *LabelledPage) (*LabelledPage, error) {
	if strings.TrimSpace(gold) == "" {
		return nil, fail("empty gold", nil)
	}
	p, err := parse(b, "")
	if err != nil {
		return nil, err
	}
	lp.Page = p
	lp.Gold = gold
	if lp.Lang == "" {
		lp.Lang = p.Lang
	}
	lp.Labels = AlignAs(p.Blocks, gold, threshold, tok)
	if !hasContent(lp.Labels) {
		return nil, fail("gold not found in page", nil)
	}
	return lp, nil
}

func hasContent(labels []Label) bool {
	for _, l := range labels {
		if l == Content {
			return true
		}
	}
	return false
}
