package main

import (
	"flag"
	"fmt"

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
