//go:build winnow

package main

import (
	"github.com/winnow-dev/winnow/bench/peers"
	"github.com/winnow-dev/winnow/bench/peers/wn"
)

func contender() (peers.Extractor, error) { return wn.New() }
