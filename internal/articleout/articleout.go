package articleout

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/model"
)

// Options say how a Writer writes.
type Options struct {
	// Format is text, markdown, html, json or jsonl; anything else is
	// written as text.
	Format string
	// Explain writes every block's verdict: a table in text formats, a
	// "blocks" field in json and jsonl.
	Explain bool
	// Batch says the run has several pages (see the package doc).
	Batch bool
	// WithMetadata puts the front matter header before text and Markdown.
	WithMetadata bool
}

// Page is one page's outcome: the article, or the error that stopped it,
// or both when the page has no main content (winnow.ErrNoContent).
type Page struct {
	Name    string // the input as given
	URL     string // the URL the page came from, if fetched
	Article *winnow.Article
	Err     error
}

// Writer writes pages in one format; see the package doc.
type Writer struct {
	w io.Writer
	Options
	n int // records written
}

// New returns a Writer to w.
func New(w io.Writer, o Options) *Writer {
	return &Writer{w: w, Options: o}
}

// Status values of a page in JSON output.
const (
	StatusOK        = "ok"
	StatusNoContent = "no-content" // extracted, but nothing was kept (winnow.ErrNoContent)
	StatusError     = "error"      // not extracted: see error
)

// JSON is one page in -format json and jsonl.
type JSON struct {
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
	PageType string   `json:"page_type"` // winnow.Article.PageType
	Encoding string   `json:"encoding,omitempty"`
	// Blocks are every block's verdict, with -explain only.
	Blocks []BlockJSON `json:"blocks,omitempty"`
}

// BlockJSON is one block of -explain -format json.
type BlockJSON struct {
	Index       int          `json:"index"`
	Content     bool         `json:"content"`
	Probability float64      `json:"probability"`
	Rule        string       `json:"rule"`
	Role        string       `json:"role"` // winnow.Role: body, title, byline, caption, comment or boilerplate
	Tag         string       `json:"tag"`
	Text        string       `json:"text"`
	Path        []model.Step `json:"path"`
}

// Write writes one page.
func (aw *Writer) Write(r Page) error {
	switch aw.Format {
	case "json", "jsonl":
		return aw.writeJSON(r)
	}
	if r.Article == nil {
		return nil // reported on stderr
	}
	if aw.Explain {
		return printExplain(aw.w, r.Article)
	}
	a := r.Article
	switch aw.Format {
	case "markdown":
		return aw.writeText(r.Name, header(a, aw.WithMetadata)+a.Markdown()) // Markdown starts with the title
	case "html":
		return aw.writeText(r.Name, a.HTML())
	}
	return aw.writeText(r.Name, header(a, aw.WithMetadata)+a.Text)
}

// writeText writes body, the page named name in a text format, without
// the controls and escape sequences of its text (Printable): text, Markdown
// and HTML are for reading, in a terminal or from a file, and the page's
// controls show as nothing in a browser.
func (aw *Writer) writeText(name, body string) error {
	name, body = Printable(name), Printable(body)
	if aw.Batch {
		if _, err := fmt.Fprintf(aw.w, "==> %s <==\n", name); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(aw.w, body)
	if aw.Batch && err == nil {
		_, err = fmt.Fprintln(aw.w)
	}
	return err
}

func (aw *Writer) writeJSON(r Page) error {
	j := JSON{Status: StatusOK, URL: r.URL, Captions: []string{}}
	if aw.Batch || aw.Format == "jsonl" {
		j.Source = r.Name
	}
	if r.Err != nil {
		j.Status, j.Error = StatusError, PageError(r.Name, r.Err)
		if r.Article != nil {
			j.Status = StatusNoContent
		}
	}
	if a := r.Article; a != nil {
		j.Title, j.Text, j.Encoding = a.Title, a.Text, a.Encoding
		j.Author, j.Date, j.DateText, j.Comments = a.Author, a.Date, a.DateText, a.Comments
		if a.Captions != nil {
			j.Captions = a.Captions
		}
		j.Language, j.SiteName, j.PageType = a.Language, a.SiteName, a.PageType
		if j.URL == "" {
			j.URL = a.URL // the page's canonical or og:url; a fetched page keeps the URL it came from
		}
		if aw.Explain {
			j.Blocks = explainBlocks(a)
		}
	}
	if aw.Format == "jsonl" {
		return EncodeJSON(aw.w, j, "", "")
	}
	if !aw.Batch {
		return EncodeJSON(aw.w, j, "", "  ")
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

// Close ends the JSON array of a batch; it writes nothing otherwise.
func (aw *Writer) Close() error {
	if aw.Format != "json" || !aw.Batch {
		return nil
	}
	end := "\n]\n"
	if aw.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(aw.w, end)
	return err
}

// EncodeJSON writes v as JSON without escaping <, > and &, with the
// prefix and indent of json.Encoder.SetIndent. Control characters are
// escaped, the C1 controls too (which encoding/json leaves raw).
func EncodeJSON(w io.Writer, v any, prefix, indent string) error {
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
	return escapeC1([]byte(sb.String())), nil
}

// escapeC1 writes the C1 controls (U+0080-U+009F) in the JSON b as \u00XX
// escapes, which encoding/json leaves raw and a terminal may obey (0x9B is
// CSI); the JSON means the same. b is valid UTF-8, in which the two bytes
// C2 80-9F are such a control and nothing else.
func escapeC1(b []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 0xc2 && b[i+1] >= 0x80 && b[i+1] <= 0x9f {
			out = append(out, b[last:i]...)
			out = append(out, `\u00`...)
			out = append(out, "0123456789abcdef"[b[i+1]>>4], "0123456789abcdef"[b[i+1]&15])
			i++
			last = i + 1
		}
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

func explainBlocks(a *winnow.Article) []BlockJSON {
	out := make([]BlockJSON, len(a.Blocks))
	for i, b := range a.Blocks {
		path := b.Path
		if path == nil {
			path = []model.Step{}
		}
		out[i] = BlockJSON{Index: i, Content: b.Content, Probability: b.Probability, Rule: b.Rule.String(), Role: b.Role.String(), Tag: b.Tag, Text: b.Text, Path: path}
	}
	return out
}

func printExplain(w io.Writer, a *winnow.Article) error {
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintf(tw, "#\tLABEL\tP\tBY\tROLE\tTEXT\tPATH\n")
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
		fmt.Fprintf(tw, "%d\t%s\t%.2f\t%s\t%s\t%s\t%s\n", i, label, b.Probability, b.Rule, b.Role, Preview(b.Text, 50), strings.Join(steps, " → "))
	}
	return tw.Flush()
}

// header is the -with-metadata header: YAML front matter with the title,
// author, date (as written when it did not parse) and URL that the page
// gives, or "" when it gives none or on is false.
func header(a *winnow.Article, on bool) string {
	if !on {
		return ""
	}
	d := a.Date
	if d == "" {
		d = a.DateText
	}
	var sb strings.Builder
	for _, f := range [...]struct{ key, val string }{{"title", a.Title}, {"author", a.Author}, {"date", d}, {"url", a.URL}} {
		if f.val != "" {
			sb.WriteString(f.key + ": " + yamlScalar(f.val) + "\n")
		}
	}
	if sb.Len() == 0 {
		return ""
	}
	return "---\n" + sb.String() + "---\n\n"
}

// yamlScalar writes s plain when YAML reads it back as the same string,
// else double-quoted (JSON's quoting, which YAML reads).
func yamlScalar(s string) string {
	plain := s == strings.TrimSpace(s) && !strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.ContainsAny(s, "\n\t\\")
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~":
		plain = false
	}
	if plain && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		plain = false // a number
	}
	if plain {
		return s
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// PageError is the message of a page's failure, which names the page once
// (the errors of package internal/input name it already), without control
// characters (Printable): a server's status line or a page's bytes may be
// in it.
func PageError(name string, err error) string {
	msg := err.Error()
	if !strings.HasPrefix(msg, name+": ") {
		msg = name + ": " + msg
	}
	return Printable(msg)
}

// Preview is the first n runes of s on one line (newlines and tabs as
// spaces), with an ellipsis if cut, without control characters
// (Printable).
func Preview(s string, n int) string {
	s = strings.NewReplacer("\n", " ", "\t", " ").Replace(Printable(s))
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
