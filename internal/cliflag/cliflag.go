package cliflag

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// New makes the flag set of command name, whose positional arguments are
// described by args. Its help, asked for with -h, goes to stdout (see
// Parse); flag mistakes are returned by Parse, not printed.
func New(stdout io.Writer, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	help := &helpOutput{w: stdout}
	fs.SetOutput(help)
	fs.Usage = func() {
		help.Reset()
		fmt.Fprintf(help, "usage: winnow %s [flags] %s\n\nflags (before or after the arguments; -- ends them):\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// helpOutput holds a flag set's help until Parse knows whether it was
// asked for (it is then written to w) or follows a mistake (it is dropped:
// the mistake is reported once, by the caller).
type helpOutput struct {
	bytes.Buffer
	w io.Writer
}

// UsageError is a flag mistake; its text is the flag package's message.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Parse parses args with fs, accepting flags after the positional
// arguments too (winnow extract page.html -format json); "--" ends the
// flags. It returns the positional arguments. -h gives flag.ErrHelp after
// writing the help (of a set made by New) to its stdout; a flag mistake is
// a *UsageError. renamed maps old flag names to their new spelling ("-j"):
// an old name that fs no longer defines gets " (renamed -j)" added.
func Parse(fs *flag.FlagSet, args []string, renamed map[string]string) ([]string, error) {
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
			return nil, &UsageError{msg}
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
