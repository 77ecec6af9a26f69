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

// checkRange returns a usage error naming flag when v is not a number
// in [lo, hi] ([lo, hi) when hiOpen): NaN and the infinities never are.
// Commands check their float flags with it right after parsing, before
// reading anything.
func checkRange(flag string, v, lo, hi float64, hiOpen bool) error {
	if v >= lo && (v < hi || !hiOpen && v == hi) {
		return nil
	}
	closing := "]"
	if hiOpen {
		closing = ")"
	}
	return fmt.Errorf("%w: -%s %v is not a number in [%v, %v%s", errUsage, flag, v, lo, hi, closing)
}
