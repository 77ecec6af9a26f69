package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

var approx = cmpopts.EquateApprox(0, 1e-9)

func TestROCAUC(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		scores []float64
		truth  []bool
		want   float64
		ok     bool
	}{
		{"perfect", "every content block scores above every boilerplate block",
			[]float64{0.9, 0.8, 0.2, 0.1}, []bool{true, true, false, false}, 1, true},
		{"inverted", "every content block scores below",
			[]float64{0.1, 0.2, 0.8, 0.9}, []bool{true, true, false, false}, 0, true},
		{"all tied", "one score for all is chance",
			[]float64{0.5, 0.5, 0.5, 0.5}, []bool{true, false, true, false}, 0.5, true},
		{"one swap", "3 of 4 positive-negative pairs ordered right",
			[]float64{0.9, 0.4, 0.6, 0.1}, []bool{true, true, false, false}, 0.75, true},
		{"tie counts half", "a tied pair counts 1/2: (3 + 0.5) / 4",
			[]float64{0.9, 0.5, 0.5, 0.1}, []bool{true, true, false, false}, 0.875, true},
		{"one class", "undefined without both classes",
			[]float64{0.9, 0.1}, []bool{true, true}, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := rocAUC(tc.scores, tc.truth)
			if ok != tc.ok || math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("%s: rocAUC = %v, %v; want %v, %v", tc.reason, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestThresholdTableAndPRCurve(t *testing.T) {
	scores := []float64{0.95, 0.8, 0.6, 0.4, 0.2, 0.05}
	truth := []bool{true, true, false, true, false, false}
	got := thresholdTable(scores, truth, []float64{0.1, 0.5, 0.9, 0.99})
	want := []thresholdRow{
		{Threshold: 0.1, Precision: 3.0 / 5, Recall: 1, F1: 0.75, Kept: 5.0 / 6},
		{Threshold: 0.5, Precision: 2.0 / 3, Recall: 2.0 / 3, F1: 2.0 / 3, Kept: 0.5},
		{Threshold: 0.9, Precision: 1, Recall: 1.0 / 3, F1: 0.5, Kept: 1.0 / 6},
		{Threshold: 0.99, Precision: 1, Recall: 0, F1: 0, Kept: 0}, // nothing kept: no false positive possible
	}
	if d := cmp.Diff(want, got, approx); d != "" {
		t.Errorf("threshold table (-want +got):\n%s", d)
	}
	curve := prCurve([]float64{0.9, 0.5, 0.5, 0.1}, []bool{true, true, false, false})
	wantCurve := []prPoint{{0.9, 1, 0.5}, {0.5, 2.0 / 3, 1}, {0.1, 0.5, 1}}
	if d := cmp.Diff(wantCurve, curve, approx); d != "" {
		t.Errorf("PR curve groups tied scores into one point (-want +got):\n%s", d)
	}
}

func TestMeanStd(t *testing.T) {
	if d := cmp.Diff(meanStd{Mean: 2, Std: 1}, meanStdOf([]float64{1, 2, 3}), approx); d != "" {
		t.Errorf("sample standard deviation (-want +got):\n%s", d)
	}
	if d := cmp.Diff(meanStd{Mean: 4}, meanStdOf([]float64{4})); d != "" {
		t.Errorf("one fold has no spread (-want +got):\n%s", d)
	}
}

// goldPage writes a small news-like page and its gold text.
func goldPage(t *testing.T, dir string, i int) {
	t.Helper()
	var body, gold strings.Builder
	title := fmt.Sprintf("Council approves the new harbour plan number %d", i)
	body.WriteString(`<html><head><title>` + title + `</title></head><body>`)
	body.WriteString(`<div class="nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/about">About us and our team</a></li></ul></div>`)
	body.WriteString(`<div class="content"><h1>` + title + `</h1>`)
	gold.WriteString(title + "\n\n")
	for k := range 5 {
		p := fmt.Sprintf("The council met on day %d and voted on the harbour plan after a long debate, which lasted until late in the evening. Residents said the plan would change the shape of the old town for years, and several asked for more time to read the proposal before building starts in spring.", k+i)
		body.WriteString("<p>" + p + "</p>")
		gold.WriteString(p + "\n\n")
	}
	body.WriteString(`</div><div class="related"><h3>Related stories</h3><ul><li><a href="/a">Storm closes the bridge</a></li><li><a href="/b">Mayor opens the market</a></li><li><a href="/c">School wins the regional prize</a></li></ul></div>`)
	body.WriteString(`<div class="footer">Copyright 2024 The Harbour Times. All rights reserved. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></div></body></html>`)
	name := fmt.Sprintf("page%02d", i)
	if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte(body.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(gold.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// trainOnGold trains a model on the aligned blocks of a gold folder and
// writes it to a file, so the test needs neither the embedded model nor
// the shared data.
func trainOnGold(t *testing.T, dir string) string {
	t.Helper()
	pages, err := loadGoldDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	x, y := rows(pages)
	m, err := train.Fit(winnow.Schema(), x, y, model.Config{MaxDepth: 4, MinLeaf: 1, Trees: 1})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "m.json")
	if err := model.WriteFile(path, m, false); err != nil {
		t.Fatal(err)
	}
	return path
}

func runEvalCmd(t *testing.T, getenv func(string) string, args ...string) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader(""), getenv: getenv}
	if code := run(context.Background(), e, append([]string{"eval"}, args...)); code != 0 {
		t.Fatalf("winnow eval %v: exit %d\nstderr:\n%s", args, code, errb.String())
	}
	return out.String(), errb.String()
}

// unitKeys are the JSON keys whose numbers are shares or scores in [0, 1].
var unitKeys = map[string]bool{
	"precision": true, "recall": true, "f1": true, "accuracy": true, "with_share": true, "leaked_share": true,
	"mean": true, "median": true, "p10": true, "roc_auc": true, "kept": true, "threshold": true,
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

func TestEvalGoldDir(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		goldPage(t, dir, i)
	}
	modelPath := trainOnGold(t, dir)

	t.Run("json", func(t *testing.T) {
		out, _ := runEvalCmd(t, nil, "-gold", dir, "-model", modelPath, "-format", "json")
		var r map[string]any
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, out)
		}
		for _, k := range []string{"split", "threshold", "pages", "models", "systems", "groups", "worst", "importances"} {
			if _, ok := r[k]; !ok {
				t.Errorf("report has no key %q", k)
			}
		}
		if r["split"] != "gold" || r["pages"] != 3.0 {
			t.Errorf("split %v, pages %v; want gold, 3", r["split"], r["pages"])
		}
		groups := r["groups"].([]any)
		g := groups[0].(map[string]any)
		if g["name"] != goldSet {
			t.Errorf("group %v, want %s", g["name"], goldSet)
		}
		systems := g["systems"].([]any)
		var names []string
		for _, s := range systems {
			names = append(names, s.(map[string]any)["system"].(string))
		}
		if d := cmp.Diff([]string{"model", "keep-everything", "boilerpipe-numwords", "boilerpipe-density"}, names); d != "" {
			t.Errorf("systems (-want +got):\n%s", d)
		}
		m := systems[0].(map[string]any)
		for _, k := range []string{"block", "text", "thresholds"} {
			if m[k] == nil {
				t.Errorf("model scores have no %q", k)
			}
		}
		text := m["text"].(map[string]any)
		if f1 := text["shingles"].(map[string]any)["f1"].(float64); f1 < 0.5 {
			t.Errorf("model trained on these pages scores text F1 %v; want it to find most of the gold", f1)
		}
		if n := checkUnit(t, "report", r); n < 50 {
			t.Errorf("only %d unit numbers checked; the report looks incomplete", n)
		}
	})

	t.Run("text", func(t *testing.T) {
		out, _ := runEvalCmd(t, nil, "-gold", dir, "-model", modelPath)
		for _, s := range []string{"Text F1 per group", "Text level", "Block level", "Thresholds", "ROC AUC", "Worst", "Feature importances", "boilerpipe-numwords", "keep-everything"} {
			if !strings.Contains(out, s) {
				t.Errorf("text report lacks %q:\n%s", s, out)
			}
		}
	})

	t.Run("two models", func(t *testing.T) {
		out, _ := runEvalCmd(t, nil, "-gold", dir, "-model", modelPath, "-model", modelPath)
		if !strings.Contains(out, "Difference m#2 − m#1") || !strings.Contains(out, "+0.000") {
			t.Errorf("two equal models should print a zero difference:\n%s", out)
		}
	})

	t.Run("html", func(t *testing.T) {
		html := filepath.Join(t.TempDir(), "report.html")
		runEvalCmd(t, nil, "-gold", dir, "-model", modelPath, "-html", html)
		b, err := os.ReadFile(html)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
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
		screenshot(t, html)
	})

	t.Run("deterministic", func(t *testing.T) {
		one, _ := runEvalCmd(t, nil, "-gold", dir, "-model", modelPath, "-format", "json", "-j", "1")
		three, _ := runEvalCmd(t, nil, "-gold", dir, "-model", modelPath, "-format", "json", "-j", "3")
		if d := cmp.Diff(one, three); d != "" {
			t.Errorf("the report depends on the number of workers (-j1 +j3):\n%s", d)
		}
	})

	t.Run("cv by page", func(t *testing.T) {
		out, _ := runEvalCmd(t, nil, "-gold", dir, "-cv", "3", "-format", "json")
		var r struct {
			CV *cvReport `json:"cv"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if r.CV == nil || r.CV.K != 3 || len(r.CV.Folds) != 3 || len(r.CV.Summary) == 0 {
			t.Fatalf("cv report = %+v; want 3 folds and a summary", r.CV)
		}
	})
}

// screenshot renders the HTML report in headless Chromium when it is
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

func TestEvalUsage(t *testing.T) {
	tests := []struct {
		name, reason string
		args         []string
	}{
		{"format", "unknown formats are refused", []string{"-format", "xml", "-gold", "x"}},
		{"split", "only test and all", []string{"-split", "train", "-gold", "x"}},
		{"cv with model", "cross-validation trains its own models", []string{"-cv", "3", "-model", "a.json", "-gold", "x"}},
		{"three models", "at most two models side by side", []string{"-model", "a", "-model", "b", "-model", "c", "-gold", "x"}},
		{"no data", "without -data, $WINNOW_DATA or -gold there is nothing to evaluate", []string{"-sets", "l3s-gn1"}},
		{"gold and sets", "a -gold folder is not one of the sets", []string{"-gold", "x", "-sets", "l3s-gn1"}},
		{"unknown set", "set names are checked", []string{"-data", "x", "-sets", "nosuchset", "-model", "x.json"}},
		{"trainer flags without cv", "trainer flags configure -cv's models only", []string{"-trees", "3", "-gold", "x"}},
		{"unknown trainer", "the -cv trainer is checked before any page is read", []string{"-cv", "3", "-trainer", "c4.5", "-gold", "x"}},
		{"unknown criterion", "the -cv criterion is checked before any page is read", []string{"-cv", "3", "-criterion", "chi2", "-gold", "x"}},
		{"unknown rule", "post-processing rule names are checked", []string{"-rules", "gap,smoothing", "-gold", "x"}},
		{"no-smooth with rules", "-no-smooth is -rules none: both at once is ambiguous", []string{"-no-smooth", "-rules", "gap", "-gold", "x"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			e := &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
			if code := run(context.Background(), e, append([]string{"eval"}, tc.args...)); code != 2 {
				t.Errorf("%s: exit %d, want 2 (usage); stderr: %s", tc.reason, code, errb.String())
			}
		})
	}
}

// TestEvalData runs eval on one small shared set: cross-validation by site
// over cleanportaleval's four sites, so no trained model file is needed.
func TestEvalData(t *testing.T) {
	dir := os.Getenv("WINNOW_DATA")
	if dir == "" {
		t.Skip("WINNOW_DATA is not set: skipping the run on the shared labelled sets")
	}
	if _, err := os.Stat(filepath.Join(dir, dataset.SetCleanPortalEval)); err != nil {
		t.Fatalf("WINNOW_DATA=%s but the set is missing: %v", dir, err)
	}
	out, _ := runEvalCmd(t, os.Getenv, "-sets", dataset.SetCleanPortalEval, "-cv", "2", "-format", "json")
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r["pages"].(float64) < 50 {
		t.Errorf("evaluated %v pages of cleanportaleval, want about 70", r["pages"])
	}
	checkUnit(t, "report", r)
	groups := r["groups"].([]any)
	m := groups[0].(map[string]any)["systems"].([]any)[0].(map[string]any)
	if f1 := m["text"].(map[string]any)["shingles"].(map[string]any)["f1"].(float64); f1 < 0.5 {
		t.Errorf("cross-validated text F1 on cleanportaleval = %.3f; a working model scores far above 0.5", f1)
	}
	// Trainer flags reach the folds' models.
	out, _ = runEvalCmd(t, os.Getenv, "-sets", dataset.SetCleanPortalEval, "-cv", "2", "-format", "json", "-trainer", "cart", "-trees", "3", "-max-depth", "4")
	var cv struct {
		CV struct {
			Trainer string
			Folds   []struct{ Trees, Depth int }
		}
	}
	if err := json.Unmarshal([]byte(out), &cv); err != nil {
		t.Fatal(err)
	}
	if cv.CV.Trainer != train.TrainerCART || len(cv.CV.Folds) != 2 {
		t.Fatalf("-cv 2 -trainer cart: trainer %q, %d folds", cv.CV.Trainer, len(cv.CV.Folds))
	}
	for i, f := range cv.CV.Folds {
		if f.Trees != 3 || f.Depth > 4 {
			t.Errorf("fold %d: %d trees of depth %d, want 3 of depth at most 4 (-trees 3 -max-depth 4)", i+1, f.Trees, f.Depth)
		}
	}
}

// The features package must give the gold pages several blocks, or the
// end-to-end test proves nothing.
func TestGoldPageHasBlocks(t *testing.T) {
	dir := t.TempDir()
	goldPage(t, dir, 0)
	b, err := os.ReadFile(filepath.Join(dir, "page00.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := page.ParseBytes(b, page.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Blocks) < 8 {
		t.Errorf("test page has %d blocks, want at least 8", len(p.Blocks))
	}
}

func TestNormalizeSnippet(t *testing.T) {
	tests := []struct {
		name, reason  string
		text, snippet string
		found         bool
	}{
		{"quotes", "typographic and ASCII apostrophes match", "Nutritionists say they’re largely positive—and good.", "they're largely positive—and good", true},
		{"spacing", "a space before punctuation does not matter", "in our annual Benchmarks Report .", "Benchmarks Report.", true},
		{"lines", "line breaks between blocks are spaces", "first block ends\n\nsecond block", "ends second", true},
		{"case", "capitalisation does not matter", "THE QUICK fox", "the quick", true},
		{"whole words", "a snippet does not match inside a longer word", "the category list", "cat", false},
		{"absent", "missing text is not found", "one two three", "four", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Contains(normalizeSnippet(tc.text), normalizeSnippet(tc.snippet))
			if got != tc.found {
				t.Errorf("%s: found %q in %q = %v, want %v", tc.reason, tc.snippet, tc.text, got, tc.found)
			}
		})
	}
}

func TestGroupScores(t *testing.T) {
	page := func(set, typ string) *dataset.LabelledPage {
		return &dataset.LabelledPage{Set: set, PageType: typ}
	}
	keepAll := &evalSystem{name: "keep-everything"}
	pe := func(p *dataset.LabelledPage) pageEval { return pageEval{page: p, sys: make([]pageScore, 1)} }
	evals := []pageEval{
		pe(page(dataset.SetL3S, "article")), pe(page(dataset.SetL3S, "article")),
		pe(page(dataset.SetWCXB, "forum")), pe(page(dataset.SetWCXB, "product")), pe(page(dataset.SetWCXB, "forum")),
		pe(page(dataset.SetReadability, "")),
	}
	type row struct {
		Name, Kind, Note string
		Pages            int
	}
	var got []row
	for _, g := range groupScores(evals, []*evalSystem{keepAll}) {
		got = append(got, row{g.Name, g.Kind, g.Note, g.Pages})
	}
	want := []row{
		{"l3s-gn1", "set", "", 2},
		{"wcxb", "set", "", 3},
		{"wcxb/forum", "page-type", "", 2}, // most pages first
		{"wcxb/product", "page-type", "", 1},
		{"readability", "set", regressionNote, 1},
		{"all", "pooled", "", 5}, // the regression set is not pooled with human gold
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("groups (-want +got):\n%s", d)
	}
}

func TestSplitOnlySets(t *testing.T) {
	tests := []struct {
		name, reason string
		sets         []string
		trained      []string
		want         []string
	}{
		{"first set", "nothing precedes l3s-gn1", []string{"l3s-gn1"}, nil, nil},
		{"victor", "CleanEval-Victor's sites are placed by the sets before it",
			[]string{"cleaneval-victor"}, nil, []string{"l3s-gn1", "cleaneval"}},
		{"model's sets", "only sets the model was trained on shape its split",
			[]string{"wcxb"}, []string{"l3s-gn1", "wcxb"}, []string{"l3s-gn1"}},
		{"regression only", "readability is never split", []string{"readability"}, nil, nil},
		{"already asked", "requested sets are not loaded twice", []string{"l3s-gn1", "cleaneval-victor"}, nil, []string{"cleaneval"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var m *model.Model
			if tc.trained != nil {
				m = &model.Model{Summary: model.TrainingSummary{Sets: tc.trained, TestFraction: evalTestFraction}}
			}
			e := &env{stdout: io.Discard, stderr: io.Discard}
			if d := cmp.Diff(tc.want, splitOnlySets(tc.sets, m, e)); d != "" {
				t.Errorf("%s (-want +got):\n%s", tc.reason, d)
			}
		})
	}
}

// TestCVConfigIsTrainDefault keeps -cv training as winnow train does by
// default: it reads the defaults from train's own usage text.
// TestTrainerFlagsShared checks that winnow eval offers winnow train's
// trainer flags with the same defaults and usage, so that -cv with no
// trainer flag trains as winnow train does by default.
func TestTrainerFlagsShared(t *testing.T) {
	usage := func(cmd string) map[string]string {
		var out, errb bytes.Buffer
		e := &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
		if code := run(context.Background(), e, []string{cmd, "-h"}); code != 0 {
			t.Fatalf("winnow %s -h: exit %d\n%s", cmd, code, errb.String())
		}
		// Each flag's usage runs from its "  -name" line to the next flag.
		flags := map[string]string{}
		re := regexp.MustCompile(`(?m)^  -([\w-]+)((?:.|\n    )*)`)
		for _, m := range re.FindAllStringSubmatch(errb.String(), -1) {
			flags[m[1]] = m[2]
		}
		return flags
	}
	train, eval := usage("train"), usage("eval")
	for _, name := range trainerFlagNames {
		if train[name] == "" {
			t.Errorf("winnow train has no -%s", name)
		}
		if eval[name] != train[name] {
			t.Errorf("-%s: winnow eval's usage %q, winnow train's %q", name, eval[name], train[name])
		}
	}
}

// TestKindErrors checks the breakdown of block mistakes by fine label:
// a wrong block counts under its own kind, Unknown blocks and pages without
// fine labels are left out, and the shares are of blocks and of mistakes.
func TestKindErrors(t *testing.T) {
	C, B, U := dataset.Content, dataset.Boilerplate, dataset.Unknown
	fined := &dataset.LabelledPage{
		Page: &page.Page{Blocks: make([]page.Block, 7)},
		//                    kept wrongly           dropped wrongly               kept wrongly    Unknown: skipped
		Fine:   []dataset.FineLabel{dataset.None, dataset.Headline, dataset.FullText, dataset.Supplemental, dataset.Comments, dataset.FullText, dataset.Comments},
		Labels: []dataset.Label{B, C, C, C, B, C, U},
	}
	plain := &dataset.LabelledPage{Page: &page.Page{Blocks: make([]page.Block, 2)}, Labels: []dataset.Label{C, B}}
	article := func(keep ...bool) *winnow.Article {
		a := &winnow.Article{}
		for _, k := range keep {
			a.Blocks = append(a.Blocks, winnow.Block{Content: k})
		}
		return a
	}
	evals := []pageEval{
		{page: fined, sys: []pageScore{scorePage(fined, article(true, true, true, false, true, true, true), true)}},
		{page: plain, sys: []pageScore{scorePage(plain, article(false, true), true)}},
	}
	got, ok := kindErrorsOf(evals, 0, "model")
	if !ok {
		t.Fatal("kindErrorsOf found no page with fine labels")
	}
	want := kindErrors{System: "model", Pages: 1, Kinds: []kindRow{
		{Kind: "none", Blocks: 1, Wrong: 1, WrongShare: 1, MistakeShare: 1.0 / 3},
		{Kind: "headline", Content: true, Blocks: 1},
		{Kind: "fulltext", Content: true, Blocks: 2},
		{Kind: "supplemental", Content: true, Blocks: 1, Wrong: 1, WrongShare: 1, MistakeShare: 1.0 / 3},
		{Kind: "related"},
		{Kind: "comments", Blocks: 1, Wrong: 1, WrongShare: 1, MistakeShare: 1.0 / 3},
	}}
	if d := cmp.Diff(want, got, approx); d != "" {
		t.Errorf("kind errors (-want +got):\n%s", d)
	}
	if _, ok := kindErrorsOf(evals[1:], 0, "model"); ok {
		t.Error("kindErrorsOf reported a breakdown for pages without fine labels")
	}
}

func TestRuleEffects(t *testing.T) {
	C, B, U := dataset.Content, dataset.Boilerplate, dataset.Unknown
	page := func(labels ...dataset.Label) *dataset.LabelledPage {
		return &dataset.LabelledPage{Page: &page.Page{Blocks: make([]page.Block, len(labels))}, Labels: labels}
	}
	type verdict struct {
		keep bool
		rule winnow.Rule
	}
	article := func(vs ...verdict) *winnow.Article {
		a := &winnow.Article{}
		for _, v := range vs {
			a.Blocks = append(a.Blocks, winnow.Block{Content: v.keep, Rule: v.rule})
		}
		return a
	}
	p1 := page(C, B, C, B, U)
	a1 := article(
		verdict{true, winnow.RuleGap},        // right
		verdict{true, winnow.RuleGap},        // wrong: boilerplate kept
		verdict{false, winnow.RulePromotion}, // wrong: content dropped
		verdict{false, winnow.RuleThreshold}, // the threshold's: not counted
		verdict{true, winnow.RuleFallback},   // Unknown: not counted
	)
	p2 := page(B, C, C)
	a2 := article(verdict{false, winnow.RulePromotion}, verdict{true, winnow.RuleGap}, verdict{true, winnow.RuleTable})
	evals := []pageEval{
		{page: p1, sys: []pageScore{scorePage(p1, a1, true)}},
		{page: p2, sys: []pageScore{scorePage(p2, a2, true)}},
	}
	got := ruleEffectsOf(evals, 0, "model", winnow.Rules())
	want := ruleEffects{System: "model", Rules: []ruleRow{
		{Rule: "promotion", Pages: 2, Blocks: 2, Right: 1, Wrong: 1},
		{Rule: "gap", Pages: 2, Blocks: 3, Right: 2, Wrong: 1},
		{Rule: "table", Pages: 1, Blocks: 1, Right: 1},
		{Rule: "byline"},
		{Rule: "fallback"},
	}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rule effects (-want +got):\n%s", d)
	}
}
