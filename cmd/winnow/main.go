// Command winnow trains, evaluates and runs a model that separates a web
// page's main content from its boilerplate.
//
//	winnow extract page.html        # main text with the embedded model
//	winnow blocks page.html         # the page's text blocks and features
//	winnow data stats               # the labelled sets
//	winnow train -o model.json      # train a model
//	winnow eval -model model.json   # evaluate it
//	winnow tree -model model.json   # print it as rules
//
// Exit codes: 0 success, 1 a failure (in batch mode: at least one page
// failed), 2 a usage mistake, 128 plus the signal's number when stopped by
// SIGINT (130), SIGHUP (129) or SIGTERM (143). Help that is asked for goes
// to standard output; help printed because of a mistake goes to standard
// error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/winnow-dev/winnow/internal/articleout"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"

	"github.com/winnow-dev/winnow/internal/atomicfile"
	"github.com/winnow-dev/winnow/internal/progress"
)

// command is one subcommand: it parses its own flags and runs.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// env is what a command may touch of the outside world, so that tests can
// run commands without swapping os.Stdout.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	getenv         func(string) string
	// tty says stderr is a terminal: progress is drawn as bars.
	tty bool
}

var commands = []command{
	{"extract", "print the main content of pages (files, folders, globs, URLs, -)", runExtract},
	{"blocks", "print a page's text blocks and their features", runBlocks},
	{"data", "describe or export the labelled sets (stats, export)", runData},
	{"train", "train a model on the labelled sets", runTrain},
	{"eval", "evaluate a model on labelled pages", runEval},
	{"tree", "print a model's tree as rules", runTree},
	{"version", "print winnow's version", nil},
	{"help", "print help for a command: winnow help extract", nil},
}

// errUsage marks a command-line mistake; main exits 2 on it.
var errUsage = errors.New("usage")

// errReported ends a command whose failures were reported already: main
// exits 1 and says nothing more.
var errReported = errors.New("failed")

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	if c := caught(signal.Ignored); len(c) > 0 {
		signal.Notify(sigs, c...)
	}
	go onSignals(sigs, cancel, func(code int) {
		atomicfile.RemoveTemporary()
		os.Exit(code)
	})
	e := &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin, getenv: os.Getenv, tty: progress.IsTerminal(os.Stderr)}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run dispatches to a subcommand and returns the exit code: 0, 1 for a
// failure, 2 for a usage mistake.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(e.stdout)
		return 0
	case "help":
		if len(args) == 1 {
			usage(e.stdout)
			return 0
		}
		// winnow help extract is winnow extract -h; winnow help data
		// export is winnow data export -h.
		return run(ctx, e, append(append([]string(nil), args[1:]...), "-h"))
	case "version", "-version", "--version", "-v":
		fmt.Fprintln(e.stdout, version())
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] || c.run == nil {
			continue
		}
		err := c.run(ctx, e, args[1:])
		if sig, ok := errors.AsType[signalError](context.Cause(ctx)); ok && err != nil {
			fmt.Fprintf(e.stderr, "winnow %s: %v\n", c.name, sig)
			return sig.exitCode()
		}
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errReported):
			return 1
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "winnow %s: %s\nRun 'winnow help %s' for usage.\n", c.name, articleout.Printable(usageMessage(err)), c.name)
			return 2
		default:
			// An error may quote the page or the server (an HTTP status
			// line): its controls stay off the terminal.
			fmt.Fprintf(e.stderr, "winnow %s: %s\n", c.name, articleout.Printable(err.Error()))
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "winnow: unknown command %q\n", args[0])
	usage(e.stderr)
	return 2
}

// usageMessage is the text of a usage error without its "usage: " prefix.
func usageMessage(err error) string {
	msg := err.Error()
	if p := errUsage.Error() + ": "; len(msg) > len(p) && msg[:len(p)] == p {
		return msg[len(p):]
	}
	return msg
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: winnow <command> [flags] [args]\n\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'winnow help <command>' for a command's flags. Flags may follow the file names; -- ends them.")
}

// version is the module version and VCS revision the binary was built
// from, as the Go toolchain recorded them.
func version() string {
	v := "winnow"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v + " (no build information) " + runtime.Version()
	}
	v += " " + bi.Main.Version
	var rev, at, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (revision %s, %s%s)", rev, at, modified)
	}
	return v + " " + bi.GoVersion + " " + runtime.GOOS + "/" + runtime.GOARCH
}
