package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/winnow-dev/winnow/internal/cliflag"
)

// newFlags makes a command's flag set (internal/cliflag): help asked for
// with -h goes to standard output.
func newFlags(e *env, name, args string) *flag.FlagSet { return cliflag.New(e.stdout, name, args) }

// renamed maps flags that were renamed to their new names, so that the
// old spelling gets a message saying what to write instead.
var renamed = map[string]string{
	"max-depth": "-tree-depth",      // train, eval -cv: tree depth
	"threshold": "-align-threshold", // train, data: gold-text alignment
	"workers":   "-j",               // train, data: pages at once
	"test":      "-test-frac",       // train: share of held-back sites
}

// parseFlags parses args with fs, flags before or after the positional
// arguments, which it returns; a flag mistake is an error wrapping
// errUsage.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	pos, err := cliflag.Parse(fs, args, renamed)
	if _, ok := errors.AsType[*cliflag.UsageError](err); ok {
		return nil, fmt.Errorf("%w: %w", errUsage, err)
	}
	return pos, err
}
