package dataset

import (
	"bytes"
	"compress/gzip"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenSample copies the WCXB sample to a temporary data folder with one
// page replaced by a PNG image and another's gold by broken JSON, and
// returns the folder and the two files.
func brokenSample(t *testing.T) (dir, png, gold string) {
	t.Helper()
	dir = t.TempDir()
	src := filepath.Join(sampleDir, SetWCXB)
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		to := filepath.Join(dir, SetWCXB, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	png = filepath.Join(dir, SetWCXB, "dev", "html", "0437.html.gz")
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	zw.Close()
	if err := os.WriteFile(png, z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	gold = filepath.Join(dir, SetWCXB, "dev", "ground-truth", "4169.json")
	if err := os.WriteFile(gold, []byte(`{"ground_truth": `), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, png, gold
}

// TestSkipsNamed checks that a skipped page's record and WriteSkips name
// the page, its file and the whole error, not only a count per reason.
func TestSkipsNamed(t *testing.T) {
	dir, png, gold := brokenSample(t)
	c, err := Load(dir, Options{Sets: []string{SetWCXB}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Skipped) != 2 || len(c.Pages) != 1 {
		t.Fatalf("%d pages, %d skipped; want 1 and 2", len(c.Pages), len(c.Skipped))
	}
	var out strings.Builder
	if err := c.WriteSkips(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"skipped 2 pages", "wcxb/0437", png, "PNG", "wcxb/4169", gold} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("WriteSkips does not say %q:\n%s", want, out.String())
		}
	}
}

// TestLoadThresholdChecked: an alignment threshold that is not a share
// (NaN labels every gold-text block boilerplate, as no comparison with it
// holds) is an error, not a corpus.
func TestLoadThresholdChecked(t *testing.T) {
	for _, th := range []float64{math.NaN(), math.Inf(1), -0.5, 1.5} {
		if _, err := Load(sampleDir, Options{Sets: []string{SetWCXB}, Threshold: th}); err == nil {
			t.Errorf("Threshold %v: no error", th)
		}
	}
}
