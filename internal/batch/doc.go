// Package batch runs winnow extract's pages: many inputs (files, folders
// expanded by the caller, URLs, standard input) read and extracted on
// Config.Jobs goroutines, their results handed on in input order.
//
// Run reads each input with package internal/input, extracts it (parsing a
// fetched page with its Content-Type so that its charset is the one
// decoded), optionally writes its highlight view, and calls emit with a
// Result per input, in order, failures included. Results wait for the
// slower pages before them in a window of Window(Jobs) pages, one per
// worker: a slow page holds the others back instead of letting their
// results pile up, so memory stays within that many pages. When ctx is
// cancelled Run hands on the results finished by then, in order up to the
// first that is not, and returns after its workers end. Summary counts the
// results by outcome for the report at the end of a run.
package batch
