// Package wn runs winnow as a contender: the embedded model, default
// options, one Extractor built once and reused for every page.
package wn

import (
	"errors"
	"fmt"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/bench/peers"
)

// New returns the "winnow" contender. A page where winnow keeps nothing
// (winnow.ErrNoContent) counts as empty; any other error is a refusal.
func New() (peers.Extractor, error) {
	x, err := winnow.New()
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
