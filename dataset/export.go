package dataset

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/winnow-dev/winnow/features"
)

// The feature table of winnow data export: one row per block with a known
// label, as CSV or as the ARFF golearn reads.

// exportMeta are the columns written before the features; the label is
// the last column, where golearn's CSV and ARFF readers expect the class.
var exportMeta = []string{"set", "site", "page", "block", "fine"}

// exportRows calls row for every block with a known label, with the
// block's meta values, features and label.
func exportRows(ctx context.Context, pages []*LabelledPage, row func(meta []string, vec []float64, label Label) error) (int, error) {
	n := 0
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		vecs := features.Vectors(p.Page)
		for i, l := range p.Labels {
			if l == Unknown {
				continue
			}
			fine := None
			if p.Fine != nil {
				fine = p.Fine[i]
			}
			// The page column is set/id: unique across sets, and never
			// numeric, which golearn's CSV type sniffing would misread.
			if err := row([]string{p.Set, p.Site, p.Set + "/" + p.ID, strconv.Itoa(i), fine.String()}, vecs[i], l); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// WriteCSV writes the feature table of pages as CSV: the meta columns
// (set, site, page, block, fine label), the features in schema order, the
// label. It returns the number of rows written; it stops when ctx is done.
func WriteCSV(ctx context.Context, w io.Writer, pages []*LabelledPage) (int, error) {
	cw := csv.NewWriter(w)
	header := append(slices.Clone(exportMeta), features.Names()...)
	if err := cw.Write(append(header, "label")); err != nil {
		return 0, err
	}
	rec := make([]string, 0, len(header)+1)
	n, err := exportRows(ctx, pages, func(meta []string, vec []float64, l Label) error {
		rec = append(rec[:0], meta...)
		for _, v := range vec {
			rec = append(rec, strconv.FormatFloat(v, 'g', -1, 64))
		}
		return cw.Write(append(rec, l.String()))
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// WriteARFF writes the feature table of pages as the dense ARFF that golearn's parser reads: numeric
// columns are "real", the meta columns and the label nominal. golearn splits
// the @attribute line on spaces and does not unquote, so nominal values are
// written with spaces and commas replaced by underscores (arffValue).
func WriteARFF(ctx context.Context, w io.Writer, pages []*LabelledPage) (int, error) {
	values := make([]map[string]bool, len(exportMeta))
	for i := range values {
		values[i] = map[string]bool{}
	}
	for _, p := range pages {
		values[0][arffValue(p.Set)] = true
		values[1][arffValue(p.Site)] = true
		values[2][arffValue(p.Set+"/"+p.ID)] = true
		for i := range p.Labels {
			values[3][strconv.Itoa(i)] = true
		}
	}
	values[3] = nil // the block index is numeric
	fineNames := []string{}
	for f := None; f <= Comments; f++ {
		fineNames = append(fineNames, f.String())
	}
	if _, err := fmt.Fprintf(w, "%% winnow feature table, schema %s\n@relation winnow\n\n", features.SchemaVersion); err != nil {
		return 0, err
	}
	for i, name := range exportMeta {
		switch {
		case name == "block":
			fmt.Fprintf(w, "@attribute %s real\n", name)
		case name == "fine":
			fmt.Fprintf(w, "@attribute %s {%s}\n", name, strings.Join(fineNames, ","))
		default:
			vs := make([]string, 0, len(values[i]))
			for v := range values[i] {
				vs = append(vs, v)
			}
			slices.Sort(vs)
			fmt.Fprintf(w, "@attribute %s {%s}\n", name, strings.Join(vs, ","))
		}
	}
	for _, name := range features.Names() {
		fmt.Fprintf(w, "@attribute %s real\n", name)
	}
	if _, err := fmt.Fprintf(w, "@attribute label {%s,%s}\n\n@data\n", Boilerplate, Content); err != nil {
		return 0, err
	}
	var line []byte
	return exportRows(ctx, pages, func(meta []string, vec []float64, l Label) error {
		line = line[:0]
		for i, m := range meta {
			if exportMeta[i] != "block" {
				m = arffValue(m)
			}
			line = append(line, m...)
			line = append(line, ',')
		}
		for _, v := range vec {
			line = strconv.AppendFloat(line, v, 'g', -1, 64)
			line = append(line, ',')
		}
		line = append(line, l.String()...)
		line = append(line, '\n')
		_, err := w.Write(line)
		return err
	})
}

// arffValue makes a nominal value golearn's ARFF reader keeps intact.
func arffValue(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', ',', '{', '}', '\'', '"', '%', '\t':
			return '_'
		}
		return r
	}, s)
}
