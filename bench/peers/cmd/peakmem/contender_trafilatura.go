//go:build trafilatura

package main

import (
	"github.com/winnow-dev/winnow/bench/peers"
	"github.com/winnow-dev/winnow/bench/peers/tf"
)

func contender() (peers.Extractor, error) { return tf.New() }
