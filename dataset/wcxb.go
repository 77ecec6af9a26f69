package dataset

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// WCXB (dev split only): html/<NNNN>.html.gz and ground-truth/<NNNN>.json.
// The JSON's url gives the site (else the page's canonical link, else
// "wcxb:<id>"), _internal.page_type.primary the page type.
// Gold is ground_truth.main_content; the title and author are added to the
// text aligned (not to Gold), because the headline and byline are main
// content by our definition but WCXB's main_content mostly leaves them out.

type wcxbTruth struct {
	URL      string `json:"url"`
	Internal struct {
		PageType struct {
			Primary string `json:"primary"`
		} `json:"page_type"`
	} `json:"_internal"`
	GroundTruth struct {
		Title       string   `json:"title"`
		Author      string   `json:"author"`
		PublishDate string   `json:"publish_date"`
		MainContent string   `json:"main_content"`
		With        []string `json:"with"`
		Without     []string `json:"without"`
	} `json:"ground_truth"`
}

func listWCXB(dir string, threshold float64) ([]job, error) {
	dev := filepath.Join(dir, "dev")
	files, err := pagesIn(filepath.Join(dev, "html"), "*.html.gz")
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		jobs = append(jobs, job{set: SetWCXB, id: id, source: f, load: func() (*LabelledPage, error) {
			return loadWCXB(dev, id, threshold)
		}})
	}
	return jobs, nil
}

func loadWCXB(dev, id string, threshold float64) (*LabelledPage, error) {
	goldPath := filepath.Join(dev, "ground-truth", id+".json")
	js, err := os.ReadFile(goldPath)
	if err != nil {
		return nil, fail("no gold", err)
	}
	var t wcxbTruth
	if err := json.Unmarshal(js, &t); err != nil {
		return nil, fail("gold json", fmt.Errorf("%s: %w", goldPath, err))
	}
	gt := t.GroundTruth
	if strings.TrimSpace(gt.MainContent) == "" {
		return nil, fail("empty gold", nil)
	}
	b, err := readFile(filepath.Join(dev, "html", id+".html.gz"))
	if err != nil {
		return nil, fail("read", err)
	}
	u := t.URL
	if siteOf(u) == "" {
		u = declaredURL(b) // a few JSON files have an empty url
	}
	site := siteOf(u)
	if site == "" {
		site = "wcxb:" + id
	}
	lp := &LabelledPage{
		URL: u, Site: site, PageType: t.Internal.PageType.Primary,
		With: gt.With, Without: gt.Without,
	}
	aligned := gt.Title + "\n" + gt.Author + "\n" + gt.MainContent
	lp, err = goldPage(b, aligned, threshold, lp)
	if err != nil {
		return nil, err
	}
	lp.Gold = gt.MainContent
	lp.GoldTitle, lp.GoldAuthor, lp.GoldDate = strings.TrimSpace(gt.Title), strings.TrimSpace(gt.Author), strings.TrimSpace(gt.PublishDate)
	return lp, nil
}
