package main

import (
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/winnow-dev/winnow/internal/fetch"
	"github.com/winnow-dev/winnow/internal/input"
	"github.com/winnow-dev/winnow/warc"
)

// fetchFlags configure how URLs given as inputs are fetched (package
// internal/fetch).
type fetchFlags struct{ fetch.Config }

func (f *fetchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.UserAgent, "user-agent", fetch.DefaultUserAgent, "User-Agent header sent when fetching a URL")
	fs.DurationVar(&f.Timeout, "fetch-timeout", 30*time.Second, "time allowed to fetch a URL, redirects and body included")
	fs.IntVar(&f.MaxRedirects, "max-redirects", 10, "redirects followed when fetching a URL")
}

func (f *fetchFlags) check() error {
	if f.Timeout <= 0 || f.MaxRedirects < 0 {
		return fmt.Errorf("%w: -fetch-timeout must be positive and -max-redirects not negative", errUsage)
	}
	return nil
}

// expandInputs is input.Expand with web archives found in folders too; a
// malformed glob is a usage mistake. Files left out because they are not
// regular files (a named pipe in a folder) are named on stderr.
func expandInputs(e *env, names []string) ([]string, error) {
	inputs, skipped, err := input.Expand(names, warc.IsName)
	if _, ok := errors.AsType[*input.PatternError](err); ok {
		return nil, fmt.Errorf("%w: %w", errUsage, err)
	}
	for _, s := range skipped {
		fmt.Fprintf(e.stderr, "winnow extract: %v\n", s)
	}
	return inputs, err
}
