package main

import (
	"strings"
	"testing"
)

// escapePage's text and tags carry terminal controls: a clear screen, a
// window title, a clipboard write, a C1 CSI, a carriage return.
const escapePage = "<html><head><title>T\x1b]0;pwned\x07</title></head><body>\n" +
	"<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n" +
	"<h1>River\x1b[2J rises</h1>\n" +
	"<p>Residents of the valley woke to water in their streets\x1b]52;c;ZXZpbA==\x07 after three days of rain swelled the river past its banks.</p>\n" +
	"<p>Officials said the crest\u009b31m would pass by the evening,\r and that the bridges would stay closed until engineers had checked them.</p>\n" +
	"<x\x1b[2J>tagged</x\x1b[2J>\n" +
	"</body></html>"

// TestNoTerminalControls checks that no command writes the page's control
// characters to standard output: text formats drop them (with their
// escape sequences), JSON escapes them.
func TestNoTerminalControls(t *testing.T) {
	page := writeFile(t, "escape.html", []byte(escapePage))
	for _, args := range [][]string{
		{"extract", page},
		{"extract", "-format", "markdown", "-with-metadata", page},
		{"extract", "-format", "html", page},
		{"extract", "-format", "json", page},
		{"extract", "-format", "jsonl", page},
		{"extract", "-explain", page},
		{"extract", "-explain", "-format", "json", page},
		{"blocks", page},
		{"blocks", "-format", "json", page},
	} {
		code, out, errOut := runWinnow(t, "", args...)
		if code != 0 {
			t.Errorf("%q: exit %d: %s", args, code, errOut)
			continue
		}
		if i := strings.IndexFunc(out, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f }); i >= 0 {
			t.Errorf("%q writes the control %q at byte %d:\n%q", args, []rune(out[i:])[0], i, out)
		}
		if !strings.Contains(out, "Residents of the valley") {
			t.Errorf("%q lost the page's text:\n%s", args, out)
		}
	}
}

// TestErrorsHaveNoTerminalControls checks that a command's error, which
// may quote what the user or a server gave (here a file name), reaches
// standard error without its control characters.
func TestErrorsHaveNoTerminalControls(t *testing.T) {
	missing := t.TempDir() + "/no\x1b]0;pwned\x07such\x1b[2J.html"
	for _, args := range [][]string{
		{"blocks", missing},
		{"extract", "-threshold", "x\x1b[2J"},
	} {
		code, _, errOut := runWinnow(t, "", args...)
		if code == 0 {
			t.Errorf("%q: exit 0, want an error", args)
		}
		if strings.ContainsAny(errOut, "\x1b\x07") {
			t.Errorf("%q writes a control to standard error: %q", args, errOut)
		}
	}
}
