//go:build !parse && !winnow && !trafilatura && !readability

package main

import "github.com/winnow-dev/winnow/bench/peers"

// contender is the baseline: read the pages, extract nothing.
func contender() (peers.Extractor, error) {
	return peers.Extractor{Name: "none", Extract: func([]byte) (string, error) { return "", nil }}, nil
}
