package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/model"
)

// articleWriter writes extraction results in one -format. With several
// pages, text formats get a "==> name <==" header per page, json is one
// array and jsonl one line per page; failed pages appear in json and
// jsonl only, with their status and error.
type articleWriter struct {
	w       io.Writer
	format  string
	explain bool
	batch   bool
	// withMeta puts the -with-metadata header before text and Markdown.
	withMeta bool
	n        int // records written
}

func newArticleWriter(w io.Writer, format string, explain, batch bool) *articleWriter {
	return &articleWriter{w: w, format: format, explain: explain, batch: batch}
}

// Status values of a page in JSON output.
const (
	statusOK        = "ok"
	statusNoContent = "no-content" // extracted, but nothing was kept (winnow.ErrNoContent)
	statusError     = "error"      // not extracted: see error
)

// articleJSON is one page in -format json and jsonl.
type articleJSON struct {
	Source   string   `json:"source,omitempty"`
	URL      string   `json:"url"`
	Status   string   `json:"status"`
	Error    string   `json:"error,omitempty"`
	Title    string   `json:"title"`
	Author   string   `json:"author"`
	Date     string   `json:"date"`
	DateText string   `json:"date_text"`
	Text     string   `json:"text"`
	Captions []string `json:"captions"`
	Comments string   `json:"comments"`
	Language string   `json:"language"`
	SiteName string   `json:"site_name"`
	Encoding string   `json:"encoding,omitempty"`
	// Blocks are every block's verdict, with -explain only.
	Blocks []explainJSON `json:"blocks,omitempty"`
}

// explainJSON is one block of -explain -format json.
type explainJSON struct {
	Index       int          `json:"index"`
	Content     bool         `json:"content"`
	Probability float64      `json:"probability"`
	Rule        string       `json:"rule"`
	Tag         string       `json:"tag"`
	Text        string       `json:"text"`
	Path        []model.Step `json:"path"`
}

func (aw *articleWriter) write(r result) error {
	switch aw.format {
	case "json", "jsonl":
		return aw.writeJSON(r)
	}
	if r.article == nil {
		return nil // reported on stderr
	}
	if aw.explain {
		return printExplain(aw.w, r.article)
	}
	a := r.article
	switch aw.format {
	case "markdown":
		body := a.Markdown()
		firstLine, _, _ := strings.Cut(body, "\n")
		if a.Title != "" && strings.TrimLeft(firstLine, "# ") != a.Title {
			body = "# " + a.Title + "\n\n" + body
		}
		return aw.writeText(r.name, header(a, aw.withMeta)+body)
	case "html":
		return aw.writeText(r.name, a.HTML())
	}
	return aw.writeText(r.name, header(a, aw.withMeta)+a.Text)
}

func (aw *articleWriter) writeText(name, body string) error {
	if aw.batch {
		if _, err := fmt.Fprintf(aw.w, "==> %s <==\n", name); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(aw.w, body)
	if aw.batch && err == nil {
		_, err = fmt.Fprintln(aw.w)
	}
	return err
}

func (aw *articleWriter) writeJSON(r result) error {
	j := articleJSON{Status: statusOK, URL: r.url, Captions: []string{}}
	if aw.batch || aw.format == "jsonl" {
		j.Source = r.name
	}
	if r.err != nil {
		j.Status, j.Error = statusError, pageError(r.name, r.err)
		if r.article != nil {
			j.Status = statusNoContent
		}
	}
	if a := r.article; a != nil {
		j.Title, j.Text, j.Encoding = a.Title, a.Text, a.Encoding
		j.Author, j.Date, j.DateText, j.Comments = a.Author, a.Date, a.DateText, a.Comments
		if a.Captions != nil {
			j.Captions = a.Captions
		}
		j.Language, j.SiteName = a.Language, a.SiteName
		if j.URL == "" {
			j.URL = a.URL // the page's canonical or og:url; a fetched page keeps the URL it came from
		}
		if aw.explain {
			j.Blocks = explainBlocks(a)
		}
	}
	if aw.format == "jsonl" {
		return encodeJSON(aw.w, j, "", "")
	}
	if !aw.batch {
		return encodeJSON(aw.w, j, "", "  ")
	}
	sep := ",\n  "
	if aw.n == 0 {
		sep = "[\n  "
	}
	aw.n++
	if _, err := io.WriteString(aw.w, sep); err != nil {
		return err
	}
	b, err := marshalJSON(j, "  ", "  ")
	if err != nil {
		return err
	}
	_, err = aw.w.Write(b[:len(b)-1]) // the element's newline comes with the separator
	return err
}

// close ends the JSON array of a batch.
func (aw *articleWriter) close() error {
	if aw.format != "json" || !aw.batch {
		return nil
	}
	end := "\n]\n"
	if aw.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(aw.w, end)
	return err
}

// encodeJSON writes v as JSON without escaping <, > and &.
func encodeJSON(w io.Writer, v any, prefix, indent string) error {
	b, err := marshalJSON(v, prefix, indent)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func marshalJSON(v any, prefix, indent string) ([]byte, error) {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(sb.String()), nil
}

func explainBlocks(a *winnow.Article) []explainJSON {
	out := make([]explainJSON, len(a.Blocks))
	for i, b := range a.Blocks {
		path := b.Path
		if path == nil {
			path = []model.Step{}
		}
		out[i] = explainJSON{Index: i, Content: b.Content, Probability: b.Probability, Rule: b.Rule.String(), Tag: b.Tag, Text: b.Text, Path: path}
	}
	return out
}

func printExplain(w io.Writer, a *winnow.Article) error {
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintf(tw, "#\tLABEL\tP\tBY\tTEXT\tPATH\n")
	for i, b := range a.Blocks {
		label := "boilerplate"
		if b.Content {
			label = "CONTENT"
		}
		steps := make([]string, len(b.Path))
		for j, s := range b.Path {
			op := "≥"
			if s.Left {
				op = "<"
			}
			steps[j] = fmt.Sprintf("%s=%.3g %s %.3g", s.Name, s.Value, op, s.Threshold)
		}
		fmt.Fprintf(tw, "%d\t%s\t%.2f\t%s\t%s\t%s\n", i, label, b.Probability, b.Rule, preview(b.Text, 50), strings.Join(steps, " → "))
	}
	return tw.Flush()
}
