package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/winnow-dev/winnow"
)

// partFlags are winnow extract's flags for what the output carries besides
// the body, and the threshold presets.
type partFlags struct {
	comments, captions, withMeta bool
	precision, recall            bool
}

func (p *partFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&p.comments, "comments", false, "put the reader comments after the body in text, Markdown and HTML output")
	fs.BoolVar(&p.captions, "captions", false, "keep the figure captions in the body of text and Markdown output")
	fs.BoolVar(&p.withMeta, "with-metadata", false, "print a header (title, author, date, url) before the text or Markdown")
	fs.BoolVar(&p.precision, "precision", false, fmt.Sprintf("keep less, surer text: -threshold %g", winnow.PrecisionThreshold))
	fs.BoolVar(&p.recall, "recall", false, fmt.Sprintf("keep more text, some boilerplate with it: -threshold %g", winnow.RecallThreshold))
}

// threshold applies -precision or -recall to *t, after fs has parsed. A
// preset with -threshold, or both presets, is a usage error.
func (p *partFlags) threshold(fs *flag.FlagSet, t *float64) error {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "threshold" })
	switch {
	case p.precision && p.recall:
		return fmt.Errorf("%w: -precision and -recall: give one of them", errUsage)
	case (p.precision || p.recall) && set:
		return fmt.Errorf("%w: -precision and -recall set the threshold: give no -threshold with them", errUsage)
	case p.precision:
		*t = winnow.PrecisionThreshold
	case p.recall:
		*t = winnow.RecallThreshold
	}
	return nil
}

func (p *partFlags) options() []winnow.Option {
	return []winnow.Option{winnow.WithComments(p.comments), winnow.WithCaptions(p.captions)}
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
