package page

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Limits of a data table (see isDataTable).
const (
	dataTableMaxCellWords   = 12  // mean words per block
	dataTableMaxLinkDensity = 0.5 // share of its words inside links
)

// tableFacts is what segmentation records of one <table> element.
type tableFacts struct {
	rows         int  // <tr> elements whose nearest table this is
	columns      int  // the most cells (<td>, <th>) in one of those rows
	rowCells     int  // cells of the open row
	nested       bool // another table is inside it
	presentation bool // role="presentation" or role="none"
	controls     bool // it holds form controls: a form laid out in a table

	// Of the blocks whose nearest table this is.
	blocks, words, linkWords int
}

// isDataTable reports whether a table holds data (scores, poll figures,
// specifications) rather than laying out the page: at least two rows and
// two columns, no table or form control inside it, no role="presentation", blocks of at
// most dataTableMaxCellWords words on average (a layout table holds long
// text or whole sections) and at most dataTableMaxLinkDensity of its words
// in links (a menu laid out in a table).
func (t *tableFacts) isDataTable() bool {
	return t.rows >= 2 && t.columns >= 2 && !t.nested && !t.presentation && !t.controls && t.blocks > 0 &&
		t.words <= dataTableMaxCellWords*t.blocks && float64(t.linkWords) <= dataTableMaxLinkDensity*float64(t.words)
}

// countTable records what the element n, being opened as frame f with
// the role attribute role (lower-cased, trimmed), tells of the tables: a
// <table> starts one, and makes the table around it nested; rows and cells
// count in the nearest table. f.table is the nearest table of f's parent
// on entry, and f's own on return.
func (s *segmenter) countTable(n *html.Node, f *frame, role string) {
	if n.DataAtom == atom.Table {
		if f.table > 0 {
			s.tables[f.table-1].nested = true
		}
		s.tables = append(s.tables, tableFacts{presentation: role == "presentation" || role == "none"})
		f.table = len(s.tables)
		return
	}
	if f.table == 0 {
		return
	}
	t := &s.tables[f.table-1]
	switch n.DataAtom {
	case atom.Tr:
		t.rows++
		t.rowCells = 0
	case atom.Td, atom.Th:
		t.rowCells++
		t.columns = max(t.columns, t.rowCells)
	}
}

// countControl records a form control (input, select, textarea, button)
// in the nearest open table, if any.
func (s *segmenter) countControl(a atom.Atom) {
	switch a {
	case atom.Input, atom.Select, atom.Textarea, atom.Button:
		if t := s.stack[len(s.stack)-1].table; t > 0 {
			s.tables[t-1].controls = true
		}
	}
}

// markDataTables sets InDataTable on the blocks whose nearest table is a
// data table (see isDataTable), once every block is known.
func (s *segmenter) markDataTables() {
	if len(s.tables) == 0 {
		return
	}
	for i, t := range s.blockTable {
		if t > 0 {
			f := &s.tables[t-1]
			f.blocks++
			f.words += s.blocks[i].Words
			f.linkWords += s.blocks[i].LinkWords
		}
	}
	for i, t := range s.blockTable {
		if t > 0 && s.tables[t-1].isDataTable() {
			s.blocks[i].Flags |= InDataTable
		}
	}
}
