//go:build readability

package main

import (
	"github.com/winnow-dev/winnow/bench/peers"
	"github.com/winnow-dev/winnow/bench/peers/rd"
)

func contender() (peers.Extractor, error) { return rd.New() }
