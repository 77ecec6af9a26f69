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
func New() (peers.Extractor, error) { return contender("trafilatura", Options), nil }

// NewFallback returns the "trafilatura+fallback" contender: Options with
// EnableFallback, so that trafilatura also runs go-readability and
// go-domdistiller and keeps the better of the three outputs, as Python
// trafilatura does by default. The accuracy comparison runs it; the speed
// benchmarks do not.
func NewFallback() (peers.Extractor, error) {
	o := Options
	o.EnableFallback = true
	return contender("trafilatura+fallback", o), nil
}

func contender(name string, o trafilatura.Options) peers.Extractor {
	return peers.Extractor{Name: name, Extract: func(page []byte) (string, error) {
		res, err := trafilatura.Extract(bytes.NewReader(page), o)
		if err != nil {
			// trafilatura says "nothing found" only in a message ("text
			// and comments are not long enough"), so every error counts
			// as empty.
			return "", fmt.Errorf("%w: %v", peers.ErrEmpty, err)
		}
		return res.ContentText, nil
	}}
}
