// Package tf runs github.com/markusmobius/go-trafilatura as a contender.
package tf

import (
	"bytes"
	"fmt"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/winnow-dev/winnow/bench/peers"
)

// Options is go-trafilatura's configuration in the comparison: main content
// only (no comments), no fallback to readability or dom-distiller, and no
// publish-date search (HtmlDateMode Disabled; the search is go-htmldate
// over the whole document). Metadata from <meta>, OpenGraph and JSON-LD is
// still read: no option turns it off.
var Options = trafilatura.Options{
	ExcludeComments: true,
	EnableFallback:  false,
	Focus:           trafilatura.Balanced,
	HtmlDateMode:    trafilatura.Disabled,
}

// New returns the "trafilatura" contender: trafilatura.Extract over the
// raw bytes with Options, returning ContentText.
func New() (peers.Extractor, error) {
	return peers.Extractor{Name: "trafilatura", Extract: func(page []byte) (string, error) {
		res, err := trafilatura.Extract(bytes.NewReader(page), Options)
		if err != nil {
			// trafilatura says "nothing found" only in a message ("text
			// and comments are not long enough"), so every error counts
			// as empty.
			return "", fmt.Errorf("%w: %v", peers.ErrEmpty, err)
		}
		return res.ContentText, nil
	}}, nil
}
