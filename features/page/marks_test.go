package page

import (
	"strings"
	"testing"
)

// TestMarkedText checks that MarkedText keeps the text under the marks
// content accepts, nearest mark first, leaves out unmarked text and
// scripts, and starts block elements on a new line.
func TestMarkedText(t *testing.T) {
	const doc = `<html><head><title>not this</title></head><body>` +
		`<div class="x-nc-sel2"><p>Main text</p><script>var x;</script>` +
		`<p>more <span class="x-nc-sel0">but not this</span> and this</p></div>` +
		`<p>loose</p><li class="x-nc-sel1">kept too</li></body></html>`
	content := func(mark string) bool { return mark != "x-nc-sel0" }
	got, err := MarkedText([]byte(doc), "x-nc-sel", content)
	if err != nil {
		t.Fatal(err)
	}
	if want := "\n\nMain text\nmore  and this\n\nkept too"; got != want {
		t.Errorf("MarkedText = %q, want %q", got, want)
	}
	if _, err := MarkedText([]byte("\x89PNG\r\n\x1a\nrest"), "x-nc-sel", content); err == nil || !strings.Contains(err.Error(), "PNG") {
		t.Errorf("MarkedText of a PNG: err = %v, want ErrNotHTML", err)
	}
}
