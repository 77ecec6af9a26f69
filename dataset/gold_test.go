package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCleanEvalGold(t *testing.T) {
	tests := []struct {
		name, file, gold, url, reason string
	}{
		{"plain", "URL: http://a.example/x\n<p>One para.\n<h>Head\n<l> item", "\nOne para.\n\nHead\n\n item", "http://a.example/x", "markers become line breaks"},
		{"blank first line", "\r\nURL: http://tv.example/y\r\n<p>Text", "\nText", "http://tv.example/y", "CleanPortalEval files start with a blank line"},
		{"entities", "URL: u\n<p>BBC&#039;s Kate &amp; co", "\nBBC's Kate & co", "u", "CleanPortalEval leaves entities in the gold"},
		{"comment", "\nURL: http://bbc.co.uk/news/health\n\n<!-- this page contains no article -->\n", "\n\n", "http://bbc.co.uk/news/health", "an HTML comment is not gold text: the page has none"},
		{"no url", "<p>Just text", "\nJust text", "", "a file without URL line keeps all its text"},
		{"cp1252", "URL: u\n<p>caf\xe9 \x93quoted\x94", "\ncafé “quoted”", "u", "MSVCode-style cp1252 bytes decode"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "g.txt")
			if err := os.WriteFile(path, []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
			gold, u, err := cleanEvalGold(path)
			if err != nil {
				t.Fatal(err)
			}
			gold = strings.ReplaceAll(gold, "\r", "")
			if gold != tc.gold || u != tc.url {
				t.Errorf("cleanEvalGold = %q, %q; want %q, %q (%s)", gold, u, tc.gold, tc.url, tc.reason)
			}
		})
	}
}
