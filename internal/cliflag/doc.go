// Package cliflag parses a subcommand's flags the way winnow's command line
// does: flags may come before or after the positional arguments ("--" ends
// them), help asked for with -h goes to the command's standard output, and
// a flag mistake is returned (a *UsageError) rather than printed, naming
// the new spelling of a renamed flag.
package cliflag
