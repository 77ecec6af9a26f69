package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// MSVCode: <subset>/html/<name>.htm(l).gz and <subset>/gold/<name>.txt
// (cp1252 / latin-1). The file names are topics ("amd (1)"), not sites, so
// the site is read from the page: its canonical link or og:url, else the
// most frequent site among its absolute links (Wayback Machine prefixes
// removed; the big5-05 and big5-09 pages are archive.org snapshots
// without a canonical link). Either is cut to the registrable domain
// (edition.cnn.com → cnn.com) so one site cannot appear under two names.
// A page naming no site at all gets "msvcode:<subset>/<name>".

func listMSVCode(dir string, threshold float64) ([]job, error) {
	subsets, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, sub := range subsets {
		if !sub.IsDir() {
			continue
		}
		files, err := globSorted(filepath.Join(dir, sub.Name(), "html", "*.htm*.gz"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			base := filepath.Base(f)
			name := base[:strings.LastIndex(base, ".htm")]
			id := sub.Name() + "/" + name
			goldPath := filepath.Join(dir, sub.Name(), "gold", name+".txt")
			jobs = append(jobs, job{set: SetMSVCode, id: id, source: f, load: func() (*LabelledPage, error) {
				return loadMSVCode(f, goldPath, id, threshold)
			}})
		}
	}
	if len(jobs) == 0 {
		return nil, fmt.Errorf("no pages in %s", dir)
	}
	return jobs, nil
}

func loadMSVCode(path, goldPath, id string, threshold float64) (*LabelledPage, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, fail("read", err)
	}
	g, err := os.ReadFile(goldPath)
	if err != nil {
		return nil, fail("no gold", err)
	}
	u := declaredURL(b)
	site := siteOf(u)
	if site == "" {
		site = dominantSite(b)
	}
	if site == "" {
		site = "msvcode:" + id
	} else {
		site = registrable(site)
	}
	return goldPage(b, decodeText(g), threshold, &LabelledPage{URL: u, Site: site, PageType: "article", Lang: "en"})
}
