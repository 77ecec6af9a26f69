package articleout

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow"
)

func TestYAMLScalar(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"Plain headline", "Plain headline", "plain"},
		{"Q&A: what next", `"Q&A: what next"`, "a colon and space would start a mapping"},
		{"2024", `"2024"`, "a number"},
		{"yes", `"yes"`, "a boolean"},
		{`"Quoted"`, `"\"Quoted\""`, "a leading quote"},
		{"https://example.com/a#b", "https://example.com/a#b", "a URL stays plain"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, yamlScalar(tt.in)); diff != "" {
			t.Errorf("yamlScalar(%q) (%s):\n%s", tt.in, tt.reason, diff)
		}
	}
}

// TestWriter checks the batch framing of each format: the text header per
// page, the JSON array, one jsonl line per page with its source, and a
// failed page in JSON only, with its status and error.
func TestWriter(t *testing.T) {
	a := &winnow.Article{Title: "A <b>", Text: "Body & more", Author: "Ann"}
	pages := []Page{{Name: "a.html", Article: a}, {Name: "b.html", Err: errors.New("b.html: no such file")}}
	for _, tc := range []struct{ format, want string }{
		{"text", "==> a.html <==\nBody & more\n\n"},
		{"jsonl", `{"source":"a.html","url":"","status":"ok","title":"A <b>","author":"Ann","date":"","date_text":"","text":"Body & more","captions":[],"comments":"","language":"","site_name":"","page_type":""}` + "\n" +
			`{"source":"b.html","url":"","status":"error","error":"b.html: no such file","title":"","author":"","date":"","date_text":"","text":"","captions":[],"comments":"","language":"","site_name":"","page_type":""}` + "\n"},
	} {
		var sb strings.Builder
		w := New(&sb, Options{Format: tc.format, Batch: true})
		for _, p := range pages {
			if err := w.Write(p); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, sb.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.format, diff)
		}
	}
	var sb strings.Builder
	w := New(&sb, Options{Format: "json", Batch: true})
	for _, p := range pages {
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var got []JSON
	if err := json.Unmarshal([]byte(sb.String()), &got); err != nil {
		t.Fatalf("%v:\n%s", err, sb.String())
	}
	if len(got) != 2 || got[0].Status != StatusOK || got[0].Title != "A <b>" || got[1].Status != StatusError {
		t.Errorf("json batch = %+v", got)
	}
	sb.Reset()
	w = New(&sb, Options{Format: "json", Batch: true})
	if err := w.Close(); err != nil || sb.String() != "[]\n" {
		t.Errorf("empty batch = %q, %v; want []", sb.String(), err)
	}
	sb.Reset()
	w = New(&sb, Options{Format: "markdown", WithMetadata: true})
	if err := w.Write(pages[0]); err != nil {
		t.Fatal(err)
	}
	// The title is escaped in the Markdown (not in the YAML, which quotes
	// what needs it), and written once.
	if want := "---\ntitle: A <b>\nauthor: Ann\n---\n\n# A &lt;b>\n"; !strings.HasPrefix(sb.String(), want) || strings.Count(sb.String(), "# ") != 1 {
		t.Errorf("markdown with metadata = %q, want it to start %q, with one heading", sb.String(), want)
	}
}

func TestPageErrorAndPreview(t *testing.T) {
	if got := PageError("a.html", errors.New("a.html: gone")); got != "a.html: gone" {
		t.Errorf("PageError named the page twice: %q", got)
	}
	if got := PageError("a.html", errors.New("timeout")); got != "a.html: timeout" {
		t.Errorf("PageError = %q", got)
	}
	if got := Preview("ab\ncdé", 4); got != "ab c…" {
		t.Errorf("Preview = %q", got)
	}
}
