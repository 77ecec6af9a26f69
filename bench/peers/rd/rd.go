// Package rd runs codeberg.org/readeck/go-readability/v2 as a contender.
package rd

import (
	"bytes"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/winnow-dev/winnow/bench/peers"
)

// New returns the "readability" contender: readability.FromReader over the
// raw bytes with the default parser and no page URL, then the article
// rendered to plain text (Article.RenderText), as winnow and trafilatura
// return text.
func New() (peers.Extractor, error) {
	return peers.Extractor{Name: "readability", Extract: func(page []byte) (string, error) {
		art, err := readability.FromReader(bytes.NewReader(page), nil)
		if err != nil {
			return "", err
		}
		if art.Node == nil {
			return "", peers.ErrEmpty
		}
		var sb strings.Builder
		if err := art.RenderText(&sb); err != nil {
			return "", err
		}
		return sb.String(), nil
	}}, nil
}
