package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlags makes a command's flag set. Its help, asked for with -h, goes
// to standard output (see parseFlags); flag mistakes are returned by
// parseFlags, not printed.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	help := &helpOutput{w: e.stdout}
	fs.SetOutput(help)
	fs.Usage = func() {
		help.Reset()
		fmt.Fprintf(help, "usage: winnow %s [flags] %s\n\nflags (before or after the arguments; -- ends them):\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// helpOutput holds a flag set's help until parseFlags knows whether it
// was asked for (it is then written to w) or follows a mistake (it is
// dropped: the mistake is reported once, by main).
type helpOutput struct {
	bytes.Buffer
	w io.Writer
}

// renamed maps flags that were renamed to their new names, so that the
// old spelling gets a message saying what to write instead.
var renamed = map[string]string{
	"max-depth": "-tree-depth",      // train, eval -cv: tree depth
	"threshold": "-align-threshold", // train, data: gold-text alignment
	"workers":   "-j",               // train, data: pages at once
	"test":      "-test-frac",       // train: share of held-back sites
}

// parseFlags parses args with fs, accepting flags after the positional
// arguments too (winnow extract page.html -format json); "--" ends the
// flags. It returns the positional arguments. -h gives flag.ErrHelp
// after printing the help; a flag mistake is an error wrapping errUsage.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				if h, ok := fs.Output().(*helpOutput); ok {
					h.w.Write(h.Bytes())
				}
				return nil, err
			}
			msg := err.Error()
			if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
				if to, ok := renamed[strings.TrimPrefix(name, "-")]; ok && fs.Lookup(strings.TrimPrefix(to, "-")) != nil {
					msg += fmt.Sprintf(" (renamed %s)", to)
				}
			}
			return nil, fmt.Errorf("%w: %s", errUsage, msg)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" && !isFlagValue(fs, args[:consumed-1]) {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// isFlagValue reports whether the argument after args would be the value
// of the flag args ends with (as in -o -- FILE).
func isFlagValue(fs *flag.FlagSet, args []string) bool {
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	name, ok := strings.CutPrefix(last, "-")
	if !ok || strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(strings.TrimPrefix(name, "-"))
	if f == nil {
		return false
	}
	b, isBool := f.Value.(interface{ IsBoolFlag() bool })
	return !isBool || !b.IsBoolFlag()
}
