// Package wn runs winnow as a contender: the embedded model and default
// options unless given others, one Extractor built once and reused for
// every page.
package wn

import (
	"errors"
	"fmt"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/bench/peers"
)

// New returns the "winnow" contender with the embedded model and default
// options. A page where winnow keeps nothing (winnow.ErrNoContent) counts
// as empty; any other error is a refusal.
func New() (peers.Extractor, error) { return NewWith() }

// NewWith returns the "winnow" contender built with winnow.New(opts...).
func NewWith(opts ...winnow.Option) (peers.Extractor, error) {
	x, err := winnow.New(opts...)
	if err != nil {
		return peers.Extractor{}, fmt.Errorf("winnow: %w", err)
	}
	return peers.Extractor{Name: "winnow", Extract: func(page []byte) (string, error) {
		a, err := x.ExtractBytes(page)
		if errors.Is(err, winnow.ErrNoContent) {
			return "", fmt.Errorf("%w: %w", peers.ErrEmpty, err)
		}
		if err != nil {
			return "", err
		}
		return a.Text, nil
	}}, nil
}
