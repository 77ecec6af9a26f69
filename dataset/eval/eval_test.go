package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

var approx = cmpopts.EquateApprox(0, 1e-9)

func TestThresholdTableAndPRCurve(t *testing.T) {
	scores := []float64{0.95, 0.8, 0.6, 0.4, 0.2, 0.05}
	truth := []bool{true, true, false, true, false, false}
	got := thresholdTable(scores, truth, []float64{0.1, 0.5, 0.9, 0.99})
	want := []ThresholdRow{
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
	if d := cmp.Diff(MeanStd{Mean: 2, Std: 1}, meanStdOf([]float64{1, 2, 3}), approx); d != "" {
		t.Errorf("sample standard deviation (-want +got):\n%s", d)
	}
	if d := cmp.Diff(MeanStd{Mean: 4}, meanStdOf([]float64{4})); d != "" {
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
	keepAll := &System{name: "keep-everything"}
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
	for _, g := range groupScores(evals, []*System{keepAll}) {
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
				m = &model.Model{Summary: model.TrainingSummary{Sets: tc.trained, TestFraction: TestFraction}}
			}
			trained, warnings := trainedSets(m)
			extra := dataset.SplitSets(tc.sets, trained)
			if d := cmp.Diff(tc.want, extra); d != "" {
				t.Errorf("%s (-want +got):\n%s", tc.reason, d)
			}
			if len(warnings) > 0 {
				t.Errorf("warnings %q for a model that held back the default share", warnings)
			}
		})
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
	want := KindErrors{System: "model", Pages: 1, Kinds: []KindRow{
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

// TestRuleEffects checks that a block a post-processing rule decided is
// counted as that rule's, right when its verdict agrees with the label,
// and that the threshold's blocks and unlabelled ones are not counted.
func TestRuleEffects(t *testing.T) {
	C, B, U := dataset.Content, dataset.Boilerplate, dataset.Unknown
	p := &dataset.LabelledPage{Page: &page.Page{Blocks: make([]page.Block, 5)}, Labels: []dataset.Label{C, B, C, B, U}}
	a := &winnow.Article{Blocks: []winnow.Block{{Content: true}, {Content: true},
		{Rule: winnow.RuleRepeat}, {Rule: winnow.RuleRepeat}, {Rule: winnow.RuleRepeat}}}
	evals := []pageEval{{page: p, sys: []pageScore{scorePage(p, a, true)}}, {page: p, sys: []pageScore{scorePage(p, a, true)}}}
	want := RuleEffects{System: "model", Rules: []RuleRow{{Rule: "repeat", Pages: 2, Blocks: 4, Right: 2, Wrong: 2}}}
	if got := ruleEffectsOf(evals, 0, "model", winnow.Rules()); !reflect.DeepEqual(got, want) {
		t.Errorf("rule effects %+v, want %+v", got, want)
	}
	if got := ruleEffectsOf(evals, 0, "model", nil); len(got.Rules) != 0 {
		t.Errorf("rule effects with no rules run: %+v, want none", got)
	}
}

// TestSplitOnlySetsWarns checks that a model whose file does not match the
// default split is named in a warning, not silently evaluated on.
func TestSplitOnlySetsWarns(t *testing.T) {
	for _, tc := range []struct {
		frac float64
		want string
	}{
		{0, "no held-back pages"},
		{0.3, "held back 0.30 of the pages, not 0.20"},
	} {
		m := &model.Model{Summary: model.TrainingSummary{Sets: []string{"l3s-gn1"}, TestFraction: tc.frac}}
		_, warnings := trainedSets(m)
		if len(warnings) != 1 || !strings.Contains(warnings[0], tc.want) {
			t.Errorf("test fraction %v: warnings %q, want one saying %q", tc.frac, warnings, tc.want)
		}
	}
}

func TestModelNames(t *testing.T) {
	for _, tc := range []struct{ paths, want []string }{
		{[]string{"default"}, []string{"default"}},
		{[]string{"/x/a.json"}, []string{"model"}},
		{[]string{"/x/a.json", "b.json"}, []string{"a", "b"}},
		{[]string{"/x/a.json", "/y/a.json"}, []string{"a#1", "a#2"}},
		{[]string{"", "b.json"}, []string{"default", "b"}},
	} {
		if got := ModelNames(tc.paths); !slices.Equal(got, tc.want) {
			t.Errorf("ModelNames(%q) = %q, want %q", tc.paths, got, tc.want)
		}
	}
}
