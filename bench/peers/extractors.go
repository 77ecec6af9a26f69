package peers

import (
	"bytes"
	"errors"

	"golang.org/x/net/html"
)

// Extractor is one contender. Extract gets the raw bytes of a page as
// stored, in whatever charset the page uses, and returns its main text.
// Every contender gets the same bytes: winnow, go-trafilatura and
// go-readability detect and decode the charset themselves (trafilatura and
// readability through go-shiori/dom.Parse: chardet, then a decoder and NFC
// normalisation); the bare parser does not and reads the bytes as UTF-8.
//
// Each contender lives in its own package (wn, tf, rd; the floor here) so
// that a program measuring one of them links, and initialises, only that
// one.
type Extractor struct {
	Name string
	// Extract returns the page's main text. An error wrapping ErrEmpty
	// means the extractor ran and found nothing, a normal outcome. Calls
	// are sequential: no Extract here is shared across goroutines.
	Extract func(page []byte) (string, error)
}

// ErrEmpty is the outcome of an extractor that ran and kept no text.
var ErrEmpty = errors.New("no text extracted")

// Floor returns the floor contender, "parse": golang.org/x/net/html.Parse
// over the raw bytes, with no charset decoding and no extraction.
func Floor() Extractor {
	return Extractor{Name: "parse", Extract: parseOnly}
}

// parseOnly returns no text; checking the root's first child keeps the tree
// in use.
func parseOnly(page []byte) (string, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return "", err
	}
	if doc.FirstChild == nil {
		return "", ErrEmpty
	}
	return "", nil
}
