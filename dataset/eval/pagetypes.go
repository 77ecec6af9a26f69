package eval

import (
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/model"
)

// PageTypeRows are the training rows of the page-type head for type t:
// one page vector (features.PageVector) per page whose type is one of
// winnow.PageTypes, Content for the pages of type t. The rows of the
// rarer class are repeated, each as often, so that the two classes have
// about as many rows (the repeats are the largest whole number that does
// not make the rarer class the more common): a head's probabilities are
// then comparable with the other heads', whose types are more or less
// common.
func PageTypeRows(pages []*dataset.LabelledPage, t string) (x [][]float64, y []model.Label) {
	var pos, neg int
	for _, p := range pages {
		if slices.Contains(winnow.PageTypes(), p.PageType) {
			if p.PageType == t {
				pos++
			} else {
				neg++
			}
		}
	}
	for _, p := range pages {
		if !slices.Contains(winnow.PageTypes(), p.PageType) {
			continue
		}
		l, repeat := model.Boilerplate, 1
		if neg > 0 && pos > 0 {
			if p.PageType == t {
				l, repeat = model.Content, max(neg/pos, 1)
			} else {
				repeat = max(pos/neg, 1)
			}
		} else if p.PageType == t {
			l = model.Content
		}
		v := features.PageVector(p.Page)
		for range repeat {
			x, y = append(x, v), append(y, l)
		}
	}
	return x, y
}

// PageTypeScores scores the page-type models h on the pages whose type is
// known, as the report does (PageTypeScore, group "all"): the held-back
// scores winnow train prints.
func PageTypeScores(h *model.Heads, pages []*dataset.LabelledPage) PageTypeScore {
	types := winnow.PageTypes()
	ps := PageTypeScore{System: "page types", Group: "all"}
	for _, p := range pages {
		truth := slices.Index(types, p.PageType)
		if truth < 0 {
			continue
		}
		got := slices.Index(types, winnow.PageTypeOf(h, p.Page))
		if got < 0 {
			got = len(types)
		}
		ps.add(types, truth, got)
	}
	return ps
}

// PageTypeFit describes one fitted page-type head: its rows (repeats
// included, see PageTypeRows) and how many are of its type.
type PageTypeFit struct {
	Type            string
	Rows, Positives int
}

// TrainPageTypes fits one head per page type of winnow.PageTypes that
// some page of pages has (PageTypeRows), each with fit, into one heads
// file in winnow.PageTypes order; summary describes the training data.
func TrainPageTypes(pages []*dataset.LabelledPage, fit Trainer, summary model.TrainingSummary) (*model.Heads, []PageTypeFit, error) {
	heads := &model.Heads{}
	var fits []PageTypeFit
	for _, t := range winnow.PageTypes() {
		x, y := PageTypeRows(pages, t)
		f := PageTypeFit{Type: t, Rows: len(x)}
		for _, l := range y {
			if l == model.Content {
				f.Positives++
			}
		}
		if f.Positives == 0 {
			continue // no page of this type: no head
		}
		m, err := fit(x, y)
		if err != nil {
			return nil, nil, fmt.Errorf("page type %s: %w", t, err)
		}
		s := summary
		s.Blocks = len(x)
		s.Note = "page-type head " + t + ": P(page is " + t + ")"
		m.Summary = s
		heads.Names = append(heads.Names, t)
		heads.Models = append(heads.Models, m)
		fits = append(fits, f)
	}
	return heads, fits, nil
}

// PageTypeScore is how a model's page types did on one group of pages
// whose type the sets give: accuracy, and the confusion matrix,
// Matrix[i][j] pages of type Types[i] predicted Types[j] (a last column
// counts pages given no type).
type PageTypeScore struct {
	System   string   `json:"system"`
	Group    string   `json:"group"`
	Pages    int      `json:"pages"`
	Correct  int      `json:"correct"`
	Accuracy float64  `json:"accuracy"`
	Types    []string `json:"types"`
	Matrix   [][]int  `json:"matrix"`
}

// pageTypesOf scores every model system's page types on the pages with a
// known type: per set that has several types, and over all such pages.
func pageTypesOf(evals []pageEval, systems []*System) []PageTypeScore {
	var out []PageTypeScore
	types := winnow.PageTypes()
	for k, s := range systems {
		if !s.isModel() {
			continue
		}
		all := PageTypeScore{System: s.name, Group: "all"}
		bySet := map[string]*PageTypeScore{}
		var sets []string
		setTypes := map[string]map[string]bool{}
		for _, pe := range evals {
			truth := slices.Index(types, pe.page.PageType)
			if truth < 0 {
				continue
			}
			if setTypes[pe.page.Set] == nil {
				setTypes[pe.page.Set] = map[string]bool{}
				sets = append(sets, pe.page.Set)
				bySet[pe.page.Set] = &PageTypeScore{System: s.name, Group: pe.page.Set}
			}
			setTypes[pe.page.Set][pe.page.PageType] = true
			got := slices.Index(types, pe.sys[k].pageType)
			if got < 0 {
				got = len(types)
			}
			all.add(types, truth, got)
			bySet[pe.page.Set].add(types, truth, got)
		}
		if all.Pages == 0 || !slices.ContainsFunc(all.Matrix, func(row []int) bool { return row[len(types)] < sumInts(row) }) {
			continue // no typed page, or no page-type model
		}
		for _, set := range sets {
			if len(setTypes[set]) > 1 {
				out = append(out, *bySet[set])
			}
		}
		out = append(out, all)
	}
	return out
}

// add counts one page of type types[truth] predicted types[got]
// (len(types): none).
func (ps *PageTypeScore) add(types []string, truth, got int) {
	if ps.Matrix == nil {
		ps.Types = types
		ps.Matrix = make([][]int, len(types))
		for i := range ps.Matrix {
			ps.Matrix[i] = make([]int, len(types)+1)
		}
	}
	ps.Pages++
	ps.Matrix[truth][got]++
	if truth == got {
		ps.Correct++
	}
	ps.Accuracy = float64(ps.Correct) / float64(ps.Pages)
}

func sumInts(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// pageTypeTable prints each page-type score as its confusion matrix: a
// row per true type, a column per predicted type.
func pageTypeTable(r *Report) *table {
	t := &table{Title: "Page types: accuracy, and pages of each type (rows) by the type predicted (columns; \"none\": no page-type model's verdict)"}
	for _, ps := range r.PageTypes {
		if t.Head == nil {
			t.Head = append([]string{"system", "group", "type", "pages", "recall"}, append(slices.Clone(ps.Types), "none")...)
		}
		t.add(ps.System, ps.Group, "all", strconv.Itoa(ps.Pages), fmt.Sprintf("%.3f", ps.Accuracy))
		for i, row := range ps.Matrix {
			n := sumInts(row)
			if n == 0 {
				continue
			}
			cells := []string{"", "", ps.Types[i], strconv.Itoa(n), fmt.Sprintf("%.3f", float64(row[i])/float64(n))}
			for _, c := range row {
				cells = append(cells, strconv.Itoa(c))
			}
			t.add(cells...)
		}
	}
	return t
}

// WritePageTypeScores prints ps as its confusion matrix (see
// pageTypeTable).
func WritePageTypeScores(w io.Writer, ps PageTypeScore) error {
	ew := &errWriter{w: w}
	t := pageTypeTable(&Report{PageTypes: []PageTypeScore{ps}})
	t.writeText(ew)
	return ew.err
}
