// Package output gives the command line its output files: checked before
// any work is done (Check), written atomically through package
// internal/atomicfile so that a failed run leaves no file or the old one
// (Finish(false)), and never replacing an existing file unless forced.
//
// Distinct refuses two output flags that name one file, however spelled.
// A character device or a named pipe is written in place, not replaced
// (see internal/atomicfile), and needs no -force.
//
// Its errors are for the command line: a file that exists is an error
// wrapping atomicfile.ErrExists that says to use -force. Open gives
// standard output for "" and "-", so a command writes to a File whatever
// the -o flag said, and calls Finish when done.
package output
