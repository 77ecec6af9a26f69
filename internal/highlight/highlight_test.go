package highlight

import (
	"bytes"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
)

func TestView(t *testing.T) {
	b := []byte(`<!doctype html><html><head><meta charset="iso-8859-1"><title>T</title></head><body>
<nav><a href="/">Home</a></nav><p>` + strings.Repeat("Caf\xe9 prices rose again this week in the old town. ", 10) + `</p></body></html>`)
	a, err := winnow.Extract(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := View(b, page.Options{}, a, "cafe.html")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		`<!DOCTYPE html><html><head><meta charset="utf-8"/><title>`,
		`<body><div style="position:sticky;`,
		`— cafe.html</div>`,
		"Café prices",
		`title="block 1: content, P(content)=`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("view lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "iso-8859-1") || bytes.Count(out, []byte("charset")) != 1 {
		t.Errorf("view keeps the page's charset:\n%s", s)
	}
	if Attrs(a)(len(a.Blocks)) != nil {
		t.Error("a block the article does not have got attributes")
	}
}

// TestViewIsInert checks the view of a hostile page end to end: the
// page's handlers, scripts, redirects and loads are gone, its text and the
// verdicts' colours stay.
func TestViewIsInert(t *testing.T) {
	b := []byte(`<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/s.css"></head><body onload="alert(1)">
<nav><a href="javascript:alert(2)">Home</a></nav><p>` + strings.Repeat("The river rose again this week in the old town. ", 10) +
		`<img src="https://evil.example/pixel.gif" onerror="alert(3)"></p><svg onload="alert(4)"></svg></body></html>`)
	a, err := winnow.Extract(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := View(b, page.Options{}, a, "river.html")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, gone := range []string{"evil.example", "alert", "onload", "onerror", "<base", "<link", "refresh", "<svg", "javascript"} {
		if strings.Contains(s, gone) {
			t.Errorf("view has %q:\n%s", gone, s)
		}
	}
	for _, want := range []string{"The river rose again", contentStyle, `— river.html</div>`} {
		if !strings.Contains(s, want) {
			t.Errorf("view lacks %q:\n%s", want, s)
		}
	}
}
