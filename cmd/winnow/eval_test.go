package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/dataset/eval"
	"github.com/winnow-dev/winnow/internal/shareddata"
	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

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
	pages, err := dataset.LoadGoldDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	x, y := eval.Rows(pages)
	m, err := train.Fit(winnow.Schema(), x, y, model.Config{Trees: 1, MaxDepth: 4, MinLeaf: 1})
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
		if ms := r["models"].([]any); len(ms) != 1 || ms[0].(map[string]any)["path"] != modelPath {
			t.Errorf("models %v, want the one read from %s", r["models"], modelPath)
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
		if !strings.Contains(string(b), "<svg") {
			t.Errorf("HTML report has no plot")
		}
		if fi, err := os.Stat(html); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("report file mode %v (%v), want 0644: a report is meant to be shared", fi.Mode(), err)
		}
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
			CV *eval.CVReport `json:"cv"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if r.CV == nil || r.CV.K != 3 || len(r.CV.Folds) != 3 || len(r.CV.Summary) == 0 {
			t.Fatalf("cv report = %+v; want 3 folds and a summary", r.CV)
		}
	})
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
		{"unknown weight", "the -cv weighting is checked before any page is read", []string{"-cv", "3", "-weight", "squares", "-gold", "x"}},
		{"cart weighs no rows", "only boosting weighs blocks by their words", []string{"-cv", "3", "-trainer", "cart", "-weight", "words", "-gold", "x"}},
		{"unknown rule", "post-processing rule names are checked", []string{"-rules", "gap,smoothing", "-gold", "x"}},
		{"no-smooth with rules", "-no-smooth is -rules none: both at once is ambiguous", []string{"-no-smooth", "-rules", "none", "-gold", "x"}},
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
	// The folder is given as -data, resolved as the tests resolve it
	// (the command takes a relative $WINNOW_DATA from its working folder).
	dir := filepath.Dir(shareddata.Dir(t, dataset.SetCleanPortalEval))
	out, _ := runEvalCmd(t, nil, "-data", dir, "-sets", dataset.SetCleanPortalEval, "-cv", "2", "-format", "json")
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r["pages"].(float64) < 50 {
		t.Errorf("evaluated %v pages of cleanportaleval, want about 70", r["pages"])
	}
	groups := r["groups"].([]any)
	m := groups[0].(map[string]any)["systems"].([]any)[0].(map[string]any)
	if f1 := m["text"].(map[string]any)["shingles"].(map[string]any)["f1"].(float64); f1 < 0.5 {
		t.Errorf("cross-validated text F1 on cleanportaleval = %.3f; a working model scores far above 0.5", f1)
	}
	// Trainer flags reach the folds' models.
	out, _ = runEvalCmd(t, nil, "-data", dir, "-sets", dataset.SetCleanPortalEval, "-cv", "2", "-format", "json", "-trainer", "cart", "-trees", "3", "-tree-depth", "4")
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
			t.Errorf("fold %d: %d trees of depth %d, want 3 of depth at most 4 (-trees 3 -tree-depth 4)", i+1, f.Trees, f.Depth)
		}
	}
}

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
		for _, m := range re.FindAllStringSubmatch(out.String(), -1) {
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

// TestEvalReportText checks the text report's model line, its worst
// pages (each names its file and a command that runs) and its page
// counts (the same in the tables that count pages).
func TestEvalReportText(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		goldPage(t, dir, i)
	}
	modelPath := trainOnGold(t, dir)
	out, _ := runEvalCmd(t, nil, "-gold", dir, "-model", modelPath, "-threshold", "0.4")
	if n := len(regexp.MustCompile(`(?m)^model `+regexp.QuoteMeta(modelPath)+"  ").FindAllString(out, -1)); n != 1 || strings.Contains(out, "model model") {
		t.Errorf("the report names the model %d times (want once) or says \"model model\":\n%.400s", n, out)
	}
	files := regexp.MustCompile(`(?m)^    file: (.+)$`).FindAllStringSubmatch(out, -1)
	runs := regexp.MustCompile(`(?m)^    run:  winnow (.+)$`).FindAllStringSubmatch(out, -1)
	if len(files) != 3 || len(runs) != 3 {
		t.Fatalf("%d files and %d commands for 3 worst pages:\n%s", len(files), len(runs), out)
	}
	for i, f := range files {
		args := strings.Fields(runs[i][1])
		if want := []string{"extract", "-model", modelPath, "-threshold", "0.4", f[1]}; !slices.Equal(args, want) {
			t.Errorf("command %q, want %q", args, want)
		}
		if code, text, errOut := runWinnow(t, "", args...); code != 0 || text == "" {
			t.Errorf("winnow %s: exit %d, %s", runs[i][1], code, errOut)
		}
	}
	// Every table that has a pages column says 3 for the one group, and
	// "all" when there is one.
	counts := regexp.MustCompile(`(?m)^(gold|all)\s+(\S+\s+)?(\d+)\s`).FindAllStringSubmatch(out, -1)
	if len(counts) < 3 {
		t.Errorf("%d tables count pages, want at least 3 (text F1, text level, block level)", len(counts))
	}
	for _, m := range counts {
		if m[3] != "3" {
			t.Errorf("a table counts %s pages, not 3: %q", m[3], m[0])
		}
	}
}
