// Package output gives the command line its output files: checked before
// any work is done (Check), written atomically through package
// internal/atomicfile so that a failed or interrupted run leaves no file or
// the old one, and never replacing an existing file unless forced.
//
// Its errors are for the command line: a file that exists is an error
// wrapping atomicfile.ErrExists that says to use -force. Open gives
// standard output for "" and "-", so a command writes to a File whatever
// the -o flag said, and calls Finish when done.
package output
