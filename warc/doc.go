// Package warc reads the HTML responses of WARC files (and of the older ARC
// format) and extracts their main content with winnow, one JSON line per
// page.
//
// A Reader streams a file record by record: it decompresses the whole file
// itself (compress/gzip reads files gzipped per record and files gzipped as
// one stream alike), parses each record with github.com/nlnwa/gowarc with
// its default validation, parses the HTTP header from the record's raw
// bytes, undoes a real chunked transfer coding and a content coding (gzip,
// deflate, br, zstd) when the bytes are so coded, and hands out only HTML
// responses, with their HTTP Content-Type so that its charset reaches the
// extractor. A damaged record (cut short, of the wrong length, with broken
// chunks) is reported as a *DamagedError naming its offset, and reading goes
// on with the next record.
//
// Process runs a Reader's pages through an extractor on several goroutines
// and hands the Lines back in record order; Batch does so over several
// files, going on past a file that cannot be read. The command line (winnow
// extract) and the Beam pipeline (module beam) both write the Lines. IsName
// and Sniff tell a web archive by its name or by its first bytes.
package warc
