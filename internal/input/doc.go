// Package input reads the pages the command line names: files (gzip data,
// .gz or not, decompressed), standard input ("-") and URLs (fetched with
// package fetch), each within a byte limit, so that a gzip bomb costs at
// most the limit in memory.
//
// Expand turns command-line arguments (files, folders, globs, URLs, "-")
// into page names, leaving out (and reporting) what a folder or a glob
// holds that is not a regular file; ReadList reads an -i list of them.
// Read reads one name into a Doc: its bytes, and the URL and Content-Type
// its source gave. Reading standard input or a pipe gives way to a
// cancelled context at once.
// Errors name the input; a page over the limit is an error wrapping
// page.ErrTooLarge.
package input
