// Command winnow trains, evaluates and runs a model that separates a web
// page's main content from its boilerplate.
//
//	winnow extract page.html        # main text with the embedded model
//	winnow blocks page.html         # the page's text blocks and features
//	winnow data stats               # the labelled sets
//	winnow train -o model.json      # train a model
//	winnow eval -model model.json   # evaluate it
//	winnow tree -model model.json   # print it as rules
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// command is one subcommand: it parses its own flags and runs.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch of the outside world, so that tests can
// run commands without swapping os.Stdout.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	getenv         func(string) string
}

var commands = []command{
	{"extract", "print the main content of pages", runExtract},
	{"blocks", "print a page's text blocks and their features", runBlocks},
	{"data", "describe or export the labelled sets (stats, export)", runData},
	{"train", "train a model on the labelled sets", runTrain},
	{"eval", "evaluate a model on labelled pages", runEval},
	{"tree", "print a model's tree as rules", runTree},
}

// errUsage marks a command-line mistake; main exits 2 on it.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	e := &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin, getenv: os.Getenv}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run dispatches to a subcommand and returns the exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(ctx, e, args[1:])
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				fmt.Fprintf(e.stderr, "winnow %s: %v\n", c.name, err)
				return 2
			default:
				fmt.Fprintf(e.stderr, "winnow %s: %v\n", c.name, err)
				return 1
			}
		}
	}
	fmt.Fprintf(e.stderr, "winnow: unknown command %q\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: winnow <command> [flags] [args]\n\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'winnow <command> -h' for a command's flags.")
}

// newFlags makes a command's flag set writing its usage to e.stderr.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: winnow %s [flags] %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}
