//go:build parse

package main

import (
	"github.com/winnow-dev/winnow/bench/peers"
)

func contender() (peers.Extractor, error) { return peers.Floor(), nil }
