// Package progress shows how a long command is getting on, on standard
// error: a Bar over a known number of items, a Counter over items whose
// number is not known in advance, and Stages that time the named stages of
// a command and say where the time went.
//
// On a terminal (IsTerminal) bars and clocks are redrawn in place; anywhere
// else a Bar and a Counter draw nothing and Stages print one line as each
// stage starts, so that logs and pipes stay clean. None of the types is
// safe for concurrent use.
package progress
