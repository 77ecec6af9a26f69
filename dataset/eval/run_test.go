package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/internal/shareddata"
	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

// goldPages writes n gold pages to a temporary folder and loads them as
// LoadPages does (every page, whatever the other fields say).
func goldPages(t *testing.T, n int) []*dataset.LabelledPage {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		goldPage(t, dir, i)
	}
	c, warnings, err := LoadPages(Selection{Gold: dir, Dir: "ignored", HeldBack: true})
	if err != nil || len(warnings) > 0 || len(c.Skipped) > 0 {
		t.Fatalf("LoadPages of a gold folder: %v, warnings %q, skipped %v", err, warnings, c.Skipped)
	}
	return c.Pages
}

// fitSmall is a Trainer of small trees, so the tests need neither the
// embedded model nor the shared data.
func fitSmall(x [][]float64, y []model.Label) (*model.Model, error) {
	return train.Fit(winnow.Schema(), x, y, model.Config{Trees: 1, MaxDepth: 4, MinLeaf: 1})
}

// testOptions are the extractor's defaults.
func testOptions(split string, workers int) Options {
	return Options{Threshold: winnow.DefaultThreshold, Rules: winnow.Rules(), Split: split, Seed: 1, Workers: workers}
}

// runGold evaluates models trained on the gold pages themselves.
func runGold(t *testing.T, pages []*dataset.LabelledPage, nmodels, workers int) *Report {
	t.Helper()
	m, err := fitSmall(Rows(pages))
	if err != nil {
		t.Fatal(err)
	}
	o := testOptions("gold", workers)
	var models []*System
	for _, name := range ModelNames(make([]string, nmodels)) {
		s, err := NewModelSystem(name, "m.json", m, o)
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, s)
	}
	r, err := Run(context.Background(), pages, models, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// unitKeys are the JSON keys whose numbers are shares or scores in [0, 1].
var unitKeys = map[string]bool{
	"precision": true, "recall": true, "f1": true, "accuracy": true, "with_share": true, "leaked_share": true,
	"mean": true, "median": true, "p10": true, "roc_auc": true, "kept": true, "threshold": true, "kept_share": true,
}

// checkUnit walks decoded JSON and fails on a unit key outside [0, 1].
func checkUnit(t *testing.T, path string, v any) int {
	t.Helper()
	n := 0
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if f, ok := c.(float64); ok && unitKeys[k] {
				n++
				if f < 0 || f > 1 || math.IsNaN(f) {
					t.Errorf("%s.%s = %v, outside [0, 1]", path, k, f)
				}
			}
			n += checkUnit(t, path+"."+k, c)
		}
	case []any:
		for i, c := range x {
			n += checkUnit(t, fmt.Sprintf("%s[%d]", path, i), c)
		}
	}
	return n
}

func reportJSON(t *testing.T, r *Report) map[string]any {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRunGold(t *testing.T) {
	pages := goldPages(t, 3)
	r := runGold(t, pages, 1, 2)

	t.Run("json", func(t *testing.T) {
		j := reportJSON(t, r)
		for _, k := range []string{"split", "threshold", "pages", "models", "systems", "groups", "worst", "importances", "post_rules"} {
			if _, ok := j[k]; !ok {
				t.Errorf("report has no key %q", k)
			}
		}
		if r.Split != "gold" || r.Pages != 3 || len(r.Groups) != 1 || r.Groups[0].Name != dataset.GoldSet {
			t.Errorf("split %q, %d pages, groups %+v; want gold, 3, one group %q", r.Split, r.Pages, r.Groups, dataset.GoldSet)
		}
		if d := cmp.Diff([]string{"default", "keep-everything", "boilerpipe-numwords", "boilerpipe-density"}, r.Systems); d != "" {
			t.Errorf("systems (-want +got):\n%s", d)
		}
		m := r.Groups[0].Systems[0]
		if m.Text == nil || m.Ranking == nil {
			t.Fatalf("model scores lack text or threshold scores: %+v", m)
		}
		if m.Text.Shingles.F1 < 0.5 {
			t.Errorf("model trained on these pages scores text F1 %v; want it to find most of the gold", m.Text.Shingles.F1)
		}
		keep := r.Groups[0].Systems[1]
		if keep.Block.Recall != 1 || keep.Block.FN != 0 {
			t.Errorf("keep-everything drops content: %+v", keep.Block)
		}
		if n := checkUnit(t, "report", j); n < 50 {
			t.Errorf("only %d unit numbers checked; the report looks incomplete", n)
		}
		if !r.PostProcessing || !slices.Equal(r.PostRules, winnow.RuleNames()) || len(r.Rules) != 1 || len(r.Rules[0].Rules) != len(winnow.Rules()) {
			t.Errorf("post-processing %v, rules %v, rule effects %+v; want every post-processing rule run and reported", r.PostProcessing, r.PostRules, r.Rules)
		}
	})

	t.Run("text", func(t *testing.T) {
		var buf bytes.Buffer
		if err := WriteText(&buf, r); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, s := range []string{"Text F1 per group", "Text level", "Block level", "Thresholds", "ROC AUC", "Worst", "Feature importances", "boilerpipe-numwords", "keep-everything"} {
			if !strings.Contains(out, s) {
				t.Errorf("text report lacks %q:\n%s", s, out)
			}
		}
	})

	t.Run("two models", func(t *testing.T) {
		two := runGold(t, pages, 2, 2)
		if len(two.Diffs) != 1 || two.Diffs[0].BlockF1 != 0 || two.Diffs[0].ShingleF1 != 0 {
			t.Errorf("two equal models: diffs %+v, want one zero row", two.Diffs)
		}
		var buf bytes.Buffer
		if err := WriteText(&buf, two); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "Difference default#2 − default#1") {
			t.Errorf("text report lacks the difference table:\n%s", buf.String())
		}
	})

	t.Run("html", func(t *testing.T) {
		var buf bytes.Buffer
		if err := WriteHTML(&buf, r); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		if n := strings.Count(s, "<svg"); n < 3 {
			t.Errorf("HTML report has %d inline SVG plots, want at least 3", n)
		}
		for _, bad := range []string{"<script", "<?xml"} {
			if strings.Contains(s, bad) {
				t.Errorf("HTML report contains %q", bad)
			}
		}
		if strings.Contains(s, `src="http`) || strings.Contains(s, `href="http`) {
			t.Errorf("HTML report loads something from the network")
		}
		path := filepath.Join(t.TempDir(), "report.html")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		screenshot(t, path)
	})

	t.Run("deterministic", func(t *testing.T) {
		one, three := reportJSON(t, runGold(t, pages, 1, 1)), reportJSON(t, runGold(t, pages, 1, 3))
		if d := cmp.Diff(one, three); d != "" {
			t.Errorf("the report depends on the number of workers (-1 worker +3):\n%s", d)
		}
	})
}

func TestCVGold(t *testing.T) {
	pages := goldPages(t, 3)
	fits, rows := 0, 0
	distinct := map[*float64]bool{} // the training rows' backing arrays
	o := CVOptions{Options: testOptions("all", 2), K: 3, Trainer: "test",
		Train: func(x [][]float64, y []model.Label) (*model.Model, error) {
			fits++
			rows += len(x)
			for _, v := range x {
				distinct[&v[0]] = true
			}
			return fitSmall(x, y)
		},
		Describe: func(cfg model.Config) string { return fmt.Sprintf("depth %d", cfg.MaxDepth) }}
	ticks := 0
	o.Tick = func() { ticks++ }
	r, err := CV(context.Background(), pages, o)
	if err != nil {
		t.Fatal(err)
	}
	if r.CV == nil || r.CV.K != 3 || len(r.CV.Folds) != 3 || len(r.CV.Summary) == 0 {
		t.Fatalf("cv report = %+v; want 3 folds and a summary", r.CV)
	}
	if fits != 3 || ticks != 3 {
		t.Errorf("%d fits and %d ticks, want one fit per fold and one tick per page", fits, ticks)
	}
	// Each page trains two of the three folds, on the same vectors: they
	// are computed once per run, not once per fold.
	if x, _ := Rows(pages); rows != 2*len(x) || len(distinct) != len(x) {
		t.Errorf("folds trained on %d rows in %d distinct vectors; want %d rows in %d (each page's vectors computed once)", rows, len(distinct), 2*len(x), len(x))
	}
	for _, f := range r.CV.Folds {
		if f.TrainPages != 2 || f.TestPages != 1 {
			t.Errorf("fold %d: %d training pages, %d test pages; want 2 and 1 (one site per page)", f.Fold, f.TrainPages, f.TestPages)
		}
	}
	if want := "trained per fold: depth 4; each page scored by the model that did not see its site"; r.Models[0].Path != want {
		t.Errorf("model description %q, want %q", r.Models[0].Path, want)
	}
	if r.Split != "cv" || r.Pages != 3 {
		t.Errorf("split %q, %d pages; want cv, 3", r.Split, r.Pages)
	}
	if _, err := CV(context.Background(), pages, CVOptions{Options: o.Options, K: 4, Train: fitSmall}); err == nil {
		t.Error("4 folds over 3 sites: no error")
	}
}

// screenshot renders an HTML report in headless Chromium when it is
// installed (Debian's chromium package), and checks a picture came out.
func screenshot(t *testing.T, html string) {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil || testing.Short() {
		t.Log("chromium not installed (or -short): not rendering the HTML report")
		return
	}
	png := filepath.Join(t.TempDir(), "report.png")
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--screenshot="+png, "--window-size=1200,3000", "file://"+html)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	fi, err := os.Stat(png)
	if err != nil {
		t.Fatalf("chromium wrote no screenshot: %v", err)
	}
	if fi.Size() < 10_000 {
		t.Errorf("screenshot is %d bytes: the page looks blank", fi.Size())
	}
}

// TestCVData cross-validates on one small shared set, cleanportaleval's
// four sites, through LoadPages.
func TestCVData(t *testing.T) {
	dir := shareddata.Dir(t)
	c, _, err := LoadPages(Selection{Dir: dir, Sets: []string{dataset.SetCleanPortalEval}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	r, err := CV(context.Background(), c.Pages, CVOptions{Options: testOptions("all", 2), K: 2, Trainer: "test", Train: fitSmall})
	if err != nil {
		t.Fatal(err)
	}
	if r.Pages < 50 {
		t.Errorf("evaluated %d pages of cleanportaleval, want about 70", r.Pages)
	}
	checkUnit(t, "report", reportJSON(t, r))
	if f1 := r.Groups[0].Systems[0].Text.Shingles.F1; f1 < 0.5 {
		t.Errorf("cross-validated text F1 on cleanportaleval = %.3f; a working model scores far above 0.5", f1)
	}
	held, _, err := LoadPages(Selection{Dir: dir, Sets: []string{dataset.SetCleanPortalEval}, HeldBack: true, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(held.Pages); n == 0 || n >= len(c.Pages) {
		t.Errorf("held back %d of %d pages, want some but not all", n, len(c.Pages))
	}
}

func TestModelSystems(t *testing.T) {
	m, err := fitSmall(Rows(goldPages(t, 2)))
	if err != nil {
		t.Fatal(err)
	}
	var loaded []string
	load := func(path string) (*model.Model, error) {
		loaded = append(loaded, path)
		if path == "bad.json" {
			return nil, errors.New("corrupt")
		}
		return m, nil
	}
	got, err := ModelSystems([]string{"default", "/x/a.json"}, load, testOptions("test", 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name() != "default" || got[1].Name() != "a" || got[1].Model() != m {
		t.Errorf("systems %+v, want default and a, with the loaded model", got)
	}
	if _, err := ModelSystems([]string{"a.json", "bad.json"}, load, testOptions("test", 1)); err == nil || err.Error() != "corrupt" {
		t.Errorf("a model that does not load: error %v, want the loader's", err)
	}
	if want := []string{"default", "/x/a.json", "a.json", "bad.json"}; !slices.Equal(loaded, want) {
		t.Errorf("loaded %q, want %q", loaded, want)
	}
}

// TestCVThresholdChecked: CV refuses a threshold that is not a
// probability before it trains a fold.
func TestCVThresholdChecked(t *testing.T) {
	pages := goldPages(t, 3)
	for _, th := range []float64{math.NaN(), 1.5} {
		fits := 0
		o := CVOptions{Options: testOptions("all", 2), K: 3, Trainer: "test",
			Train: func(x [][]float64, y []model.Label) (*model.Model, error) {
				fits++
				return fitSmall(x, y)
			},
			Describe: func(cfg model.Config) string { return "" }}
		o.Threshold = th
		if _, err := CV(context.Background(), pages, o); err == nil || fits != 0 {
			t.Errorf("threshold %v: error %v after %d fits; want an error before any", th, err, fits)
		}
	}
}
