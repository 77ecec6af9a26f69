package dataset

import (
	"fmt"
	"html"
	"path/filepath"
	"strings"
)

// CleanEval-Victor: <N>.anno.gz is the page with text wrapped in spans of
// class victor_other (boilerplate) or victor_paragraph, victor_header,
// victor_list, victor_continuation (content); <N>-*.txt is the page's
// CleanEval gold text; <N>.html.gz the CleanEval page, whose <text id=URL>
// wrapper gives the URL.

const victorPrefix = "victor_"

func victorContent(mark string) bool {
	switch mark {
	case "victor_paragraph", "victor_header", "victor_list", "victor_continuation":
		return true
	}
	return false
}

func listVictor(dir string, _ float64) ([]job, error) {
	files, err := globSorted(filepath.Join(dir, "*.anno.gz"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no pages in %s", dir)
	}
	var jobs []job
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".anno.gz")
		jobs = append(jobs, job{set: SetVictor, id: id, source: f, load: func() (*LabelledPage, error) {
			return loadVictor(dir, id)
		}})
	}
	return jobs, nil
}

func loadVictor(dir, id string) (*LabelledPage, error) {
	b, err := readFile(filepath.Join(dir, id+".anno.gz"))
	if err != nil {
		return nil, fail("read", err)
	}
	// The gold text is optional (two pages lack it): the labels are the spans.
	var gold, u string
	if golds, _ := filepath.Glob(filepath.Join(dir, id+"-*.txt")); len(golds) == 1 {
		if gold, u, err = cleanEvalGold(golds[0]); err != nil {
			return nil, fail("read", err)
		}
	}
	if orig, err := readFile(filepath.Join(dir, id+".html.gz")); err == nil {
		// The page as CleanEval gives it, wrapped in <text id=URL ...>.
		if m := textWrapper.FindSubmatch(orig); m != nil {
			u = html.UnescapeString(string(m[1]))
		}
	}
	p, err := parse(b, victorPrefix)
	if err != nil {
		return nil, err
	}
	return &LabelledPage{
		URL: u, Site: siteOf(u), Lang: "en", Page: p,
		Labels: marksToLabels(p.Blocks, victorContent),
		Gold:   gold,
	}, nil
}
