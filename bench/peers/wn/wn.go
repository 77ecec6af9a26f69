// Package wn runs winnow as a contender: the embedded model and default
// options unless given others, one Extractor built once and reused for
// every page.
package wn

import (
	"errors"
	"fmt"
	"strings"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/bench/peers"
)

// New returns the "winnow" contender with the embedded model and default
// options. A page where winnow keeps nothing (winnow.ErrNoContent) counts
// as empty; any other error is a refusal.
func New() (peers.Extractor, error) { return NewWith() }

// NewWith returns the "winnow" contender built with winnow.New(opts...).
func NewWith(opts ...winnow.Option) (peers.Extractor, error) {
	return newContender("winnow", func(a *winnow.Article) string { return a.Text }, opts)
}

// NewParts returns the "winnow-parts" contender, built as NewWith builds
// "winnow", whose text is the article's parts in page order: the headline,
// the bylines, the captions and the body (Parts). It is the measure for
// gold that holds them, as Dragnet's article part does (the headline and
// the dates and captions its annotators chose), where "winnow" scores the
// body alone.
func NewParts(opts ...winnow.Option) (peers.Extractor, error) {
	return newContender("winnow-parts", Parts, opts)
}

// Parts is the text of a's blocks whose role is title, byline, caption or
// body, in page order, one paragraph each: the headline whether or not
// the block model kept it, the others when kept.
func Parts(a *winnow.Article) string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		switch {
		case bl.Role == winnow.RoleTitle,
			bl.Content && (bl.Role == winnow.RoleByline || bl.Role == winnow.RoleCaption || bl.Role == winnow.RoleBody):
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(bl.Text)
		}
	}
	return b.String()
}

func newContender(name string, text func(*winnow.Article) string, opts []winnow.Option) (peers.Extractor, error) {
	x, err := winnow.New(opts...)
	if err != nil {
		return peers.Extractor{}, fmt.Errorf("%s: %w", name, err)
	}
	return peers.Extractor{Name: name, Extract: func(page []byte) (string, error) {
		a, err := x.ExtractBytes(page)
		if errors.Is(err, winnow.ErrNoContent) {
			return "", fmt.Errorf("%w: %w", peers.ErrEmpty, err)
		}
		if err != nil {
			return "", err
		}
		return text(a), nil
	}}, nil
}
