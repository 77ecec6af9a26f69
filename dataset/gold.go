package dataset

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// decodeText decodes a gold text file: UTF-8 when it is valid UTF-8 (a
// byte order mark is dropped), Windows-1252 otherwise (MSVCode's gold is
// cp1252 / latin-1, and Windows-1252 is a superset of latin-1's printable
// range).
func decodeText(b []byte) string {
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		b = b[3:]
	}
	if utf8.Valid(b) {
		return string(b)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		// The Windows-1252 decoder maps every byte; this is unreachable.
		return string(b)
	}
	return string(out)
}
