package winnow

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/internal/gzfile"
	"github.com/winnow-dev/winnow/internal/shareddata"
)

// emptyGoldPages returns the WCXB pages whose gold main content is empty
// (the loader skips them: there is nothing to score), by file name.
func emptyGoldPages(t *testing.T) []string {
	t.Helper()
	dir := shareddata.Dir(t, "wcxb", "dev")
	jsons, err := filepath.Glob(filepath.Join(dir, "ground-truth", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, j := range jsons {
		b, err := os.ReadFile(j)
		if err != nil {
			t.Fatal(err)
		}
		var gt struct {
			GroundTruth struct {
				MainContent string `json:"main_content"`
			} `json:"ground_truth"`
		}
		if err := json.Unmarshal(b, &gt); err != nil {
			t.Fatalf("%s: %v", j, err)
		}
		if strings.TrimSpace(gt.GroundTruth.MainContent) == "" {
			name := strings.TrimSuffix(filepath.Base(j), ".json")
			pages = append(pages, filepath.Join(dir, "html", name+".html.gz"))
		}
	}
	return pages
}

// skipLink matches a line of text that is a skip link's ("Skip to main
// content", "Skip to content", "Skip navigation").
var skipLink = regexp.MustCompile(`(?i)^\s*skip (to (main )?content|navigation)\s*$`)

// TestEmptyGoldOutput extracts the WCXB pages whose gold is empty (there
// is no main content to give) and fails if any output holds a skip link's
// line, the boilerplate a fallback to the most probable blocks used to
// keep; it logs how many of the pages give any text (the model's
// verdicts: there is no fallback).
func TestEmptyGoldOutput(t *testing.T) {
	pages := emptyGoldPages(t)
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	out := 0
	for _, p := range pages {
		b, _, err := gzfile.ReadFile(p, 64<<20)
		if err != nil {
			t.Fatal(err)
		}
		a, err := x.ExtractBytes(b)
		if err != nil && !errors.Is(err, ErrNoContent) {
			t.Fatalf("%s: %v", p, err)
		}
		if strings.TrimSpace(a.Text) == "" {
			continue
		}
		out++
		for line := range strings.Lines(a.Text) {
			if skipLink.MatchString(line) {
				t.Errorf("%s: output holds the skip link %q", p, strings.TrimSpace(line))
			}
		}
	}
	t.Logf("%d of %d WCXB pages with an empty gold give text", out, len(pages))
}
