package dataset

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// L3S-GN1: annotated/<id>.html.gz is the page with every text block
// wrapped in <span class="x-nc-selN">; the labels are read from that page
// (the spans are inline, so they do not change segmentation). The site is
// the host of the URL in url-mapping.txt.

const l3sPrefix = "x-nc-sel"

// l3sFine maps an L3S-GN1 class to its fine label; unselected text and
// x-nc-sel0 are None.
func l3sFine(mark string) FineLabel {
	if len(mark) == len(l3sPrefix)+1 {
		switch mark[len(l3sPrefix)] {
		case '1':
			return Headline
		case '2':
			return FullText
		case '3':
			return Supplemental
		case '4':
			return Related
		case '5':
			return Comments
		}
	}
	return None
}

func l3sContent(mark string) bool { return l3sFine(mark).IsContent() }

func listL3S(dir string, _ float64) ([]job, error) {
	urls, err := readURLMapping(filepath.Join(dir, "url-mapping.txt"))
	if err != nil {
		return nil, err
	}
	files, err := pagesIn(filepath.Join(dir, "annotated"), "*.html.gz")
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		u := urls[id]
		jobs = append(jobs, job{set: SetL3S, id: id, source: filepath.Join(dir, "original", id+".html.gz"), load: func() (*LabelledPage, error) {
			return loadL3S(f, u)
		}})
	}
	return jobs, nil
}

func loadL3S(path, u string) (*LabelledPage, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, fail("read", err)
	}
	p, err := parse(b, l3sPrefix)
	if err != nil {
		return nil, err
	}
	gold, err := page.MarkedText(b, l3sPrefix, l3sContent)
	if err != nil {
		return nil, fail("gold", err)
	}
	body, err := page.MarkedText(b, l3sPrefix, func(mark string) bool { return l3sFine(mark) == FullText })
	if err != nil {
		return nil, fail("gold", err)
	}
	lp := &LabelledPage{
		URL: u, Site: siteOf(u), PageType: "article", Lang: "en", Page: p,
		Labels: marksToLabels(p.Blocks, l3sContent),
		Fine:   make([]FineLabel, len(p.Blocks)),
		Gold:   gold, BodyGold: body,
	}
	lp.Comment = make([]bool, len(p.Blocks))
	for i, bl := range p.Blocks {
		lp.Fine[i] = dominantFine(bl.Marks)
		lp.Comment[i] = lp.Fine[i] == Comments && lp.Labels[i] != Content
	}
	if lp.Site == "" {
		return nil, fail("no url", nil)
	}
	return lp, nil
}

// dominantFine is the fine label covering most of a block's characters.
func dominantFine(marks map[string]int) FineLabel {
	var chars [len(fineNames)]int
	for m, n := range marks {
		chars[l3sFine(m)] += n
	}
	best := None
	for f := range chars {
		if chars[f] > chars[best] {
			best = FineLabel(f)
		}
	}
	return best
}

// readURLMapping reads L3S-GN1's "<urn:uuid:ID>\tURL" lines.
func readURLMapping(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		k = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(k), "<urn:uuid:"), ">")
		m[k] = strings.TrimSpace(v)
	}
	return m, sc.Err()
}
