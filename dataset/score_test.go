package dataset

import (
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		reason   string
	}{
		{"empty", "", nil, "no tokens"},
		{"lower", "Hello, World!", []string{"hello", "world"}, "punctuation separates, case folds"},
		{"curly", "don’t don't", []string{"don", "t", "don", "t"}, "curly and straight apostrophes tokenise alike"},
		{"digits", "In 2024: 3.5%", []string{"in", "2024", "3", "5"}, "digits are tokens, the dot splits"},
		{"underscore", "snake_case", []string{"snake", "case"}, "underscore separates (not a letter or digit)"},
		{"unicode", "Café Ünïcode naïve", []string{"café", "ünïcode", "naïve"}, "Unicode letters stay in words"},
		{"combining", "cafe\u0301", []string{"cafe\u0301"}, "combining marks stay in the word"},
		{"cjk", "日本語 テキスト", []string{"日本語", "テキスト"}, "scripts without case pass through"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Tokens(tc.in)); diff != "" {
				t.Errorf("Tokens(%q) (-want +got): %s\nreason: %s", tc.in, diff, tc.reason)
			}
		})
	}
}

func TestBagOfWords(t *testing.T) {
	tests := []struct {
		name, pred, gold string
		p, r, f1         float64
		reason           string
	}{
		{"both empty", "", "", 1, 1, 1, "nothing to find, nothing found"},
		{"pred empty", "", "a b", 0, 0, 0, "nothing extracted"},
		{"gold empty", "a b", "", 0, 0, 0, "everything extracted is wrong"},
		{"equal", "The cat sat.", "the cat sat", 1, 1, 1, "case and punctuation do not matter"},
		{"extra", "a b c d", "a b", 0.5, 1, 2.0 / 3, "half the prediction is boilerplate"},
		{"missing", "a", "a b c d", 1, 0.25, 0.4, "a quarter of the gold found"},
		{"repeats", "a a a a", "a b", 0.25, 0.5, 1.0 / 3, "a repeated token counts as often as the gold has it"},
	}
	opt := cmpopts.EquateApprox(0, 1e-12)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, r, f1 := BagOfWords(tc.pred, tc.gold)
			if diff := cmp.Diff([]float64{tc.p, tc.r, tc.f1}, []float64{p, r, f1}, opt); diff != "" {
				t.Errorf("BagOfWords (-want +got): %s\nreason: %s", diff, tc.reason)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		name, pred, gold string
		tp, fp, fn       float64
		reason           string
	}{
		{"both empty", "", "", 0, 0, 0, "no shingles at all: the benchmark's zero tuple"},
		{"short", "one two three", "one two three", 0, 0, 0, "fewer than 4 tokens make no shingle"},
		{"equal", "a b c d e", "a b c d e", 1, 0, 0, "all 2 shingles shared"},
		{"extra", "a b c d e f", "a b c d e", 2.0 / 3, 1.0 / 3, 0, "3 predicted shingles, 2 in the gold"},
		{"missing", "a b c d", "a b c d e f", 1.0 / 3, 0, 2.0 / 3, "1 of 3 gold shingles found"},
		{"disjoint", "a b c d", "e f g h", 0, 0.5, 0.5, "nothing shared"},
		{"case kept", "A b c d", "a b c d", 0, 0.5, 0.5, "the benchmark's \\w+ tokens keep case"},
		{"underscore", "a_b c d e", "a_b c d e", 1, 0, 0, "\\w includes the underscore: a_b is one token"},
		{"punctuation", "a, b. c! d", "a b c d", 1, 0, 0, "punctuation is not part of tokens"},
		{"counts", "a b c d a b c d", "a b c d", 0.2, 0.8, 0, "5 predicted shingles (abcd twice), 1 in the gold; normalised to sum 1"},
	}
	opt := cmpopts.EquateApprox(0, 1e-12)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tp, fp, fn := Shingles(tc.pred, tc.gold)
			if diff := cmp.Diff([]float64{tc.tp, tc.fp, tc.fn}, []float64{tp, fp, fn}, opt); diff != "" {
				t.Errorf("Shingles(%q, %q) (-want +got): %s\nreason: %s", tc.pred, tc.gold, diff, tc.reason)
			}
		})
	}
}

func TestLabelStrings(t *testing.T) {
	got := []string{Boilerplate.String(), Content.String(), Unknown.String(), Label(9).String(),
		None.String(), Headline.String(), FullText.String(), Supplemental.String(), Related.String(), Comments.String(), FineLabel(9).String()}
	want := []string{"boilerplate", "content", "unknown", "Label(9)",
		"none", "headline", "fulltext", "supplemental", "related", "comments", "FineLabel(9)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("label names (-want +got): %s", diff)
	}
}

func TestShingleMean(t *testing.T) {
	approx := cmpopts.EquateApprox(0, 1e-9)
	type page struct{ tp, fp, fn float64 }
	tests := []struct {
		name    string
		reason  string
		pages   []page
		p, r, f float64
		precN   int
	}{
		{
			name:   "perfect",
			reason: "one page extracted exactly scores 1",
			pages:  []page{{1, 0, 0}},
			p:      1, r: 1, f: 1, precN: 1,
		},
		{
			name:   "empty prediction",
			reason: "a page with nothing predicted (tp+fp = 0) does not count toward precision but scores 0 recall",
			pages:  []page{{1, 0, 0}, {0, 0, 1}},
			p:      1, r: 0.5, f: 2 * 1 * 0.5 / 1.5, precN: 1,
		},
		{
			name:   "means of pages, F1 from the means",
			reason: "precision and recall are averaged over pages, F1 is not the mean of page F1s",
			pages:  []page{{0.5, 0.5, 0}, {0.5, 0, 0.5}},
			p:      0.75, r: 0.75, f: 0.75, precN: 2,
		},
		{
			name:   "no shingles anywhere",
			reason: "a page whose texts are both under four tokens (0, 0, 0) counts nowhere",
			pages:  []page{{0, 0, 0}, {0.25, 0.25, 0.5}},
			p:      0.5, r: 1.0 / 3, f: 0.4, precN: 1,
		},
		{
			name:   "no pages",
			reason: "an empty group scores 0 rather than NaN",
			p:      0, r: 0, f: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var a ShingleMean
			for _, p := range tc.pages {
				a.Add(p.tp, p.fp, p.fn)
			}
			got := []float64{a.Precision(), a.Recall(), a.F1(), float64(a.PrecisionPages())}
			want := []float64{tc.p, tc.r, tc.f, float64(tc.precN)}
			if d := cmp.Diff(want, got, approx); d != "" {
				t.Errorf("%s: (-want +got):\n%s", tc.reason, d)
			}
		})
	}
}

// TestShingleMeanOfTexts checks the aggregation on real texts through
// Shingles, including a page where nothing was extracted.
func TestShingleMeanOfTexts(t *testing.T) {
	approx := cmpopts.EquateApprox(0, 1e-9)
	gold := "the quick brown fox jumps over the lazy dog"
	var a ShingleMean
	a.Add(Shingles(gold, gold))
	a.Add(Shingles("", gold))
	if d := cmp.Diff([]float64{1, 0.5}, []float64{a.Precision(), a.Recall()}, approx); d != "" {
		t.Errorf("exact page plus empty page (-want +got):\n%s", d)
	}
	if f1, ok := PageF1(Shingles("", gold)); !ok || f1 != 0 {
		t.Errorf("page F1 of an empty prediction = %v, %v; want 0, true", f1, ok)
	}
	if _, ok := PageF1(Shingles("two words", "three short words")); ok {
		t.Errorf("page F1 of texts without shingles should be undefined")
	}
}

func TestPercentile(t *testing.T) {
	approx := cmpopts.EquateApprox(0, 1e-9)
	tests := []struct {
		name   string
		reason string
		sorted []float64
		p      float64
		want   float64
	}{
		{"empty", "no values give 0, not a panic", nil, 0.5, 0},
		{"single", "one value is every percentile", []float64{0.3}, 0.1, 0.3},
		{"median odd", "the middle value", []float64{1, 2, 3}, 0.5, 2},
		{"median even", "the mean of the two middle values", []float64{1, 2, 3, 4}, 0.5, 2.5},
		{"p10 interpolated", "h = 0.1·(n-1) = 0.9 between the first two", []float64{0, 10, 20, 30, 40, 50, 60, 70, 80, 90}, 0.1, 9},
		{"min", "p = 0 is the smallest", []float64{1, 5, 9}, 0, 1},
		{"max", "p = 1 is the largest", []float64{1, 5, 9}, 1, 9},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Percentile(tc.sorted, tc.p); math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("%s: Percentile(%v, %v) = %v, want %v", tc.reason, tc.sorted, tc.p, got, tc.want)
			}
		})
	}
	d := DistributionOf([]float64{0.9, 0.1, 0.5, 0.7, 0.3})
	if diff := cmp.Diff(Distribution{Pages: 5, Mean: 0.5, Median: 0.5, P10: 0.18}, d, approx); diff != "" {
		t.Errorf("distribution of unsorted values (-want +got):\n%s", diff)
	}
}

// TestSoftHyphens checks that soft hyphens in a gold text do not cut its
// words: extraction removes them, and the text it gives must score as the
// gold's words and align with them.
func TestSoftHyphens(t *testing.T) {
	gold := "Home Repair Assis\u00adtance Program: appli\u00adca\u00adtions are open until March."
	pred := "Home Repair Assistance Program: applications are open until March."
	if got := Tokens(gold); !slices.Equal(got, Tokens(pred)) {
		t.Errorf("Tokens(gold) = %q, want %q", got, Tokens(pred))
	}
	if got := TokensAs(gold, Characters); !slices.Equal(got, TokensAs(pred, Characters)) {
		t.Errorf("TokensAs(gold, Characters) = %q", got)
	}
	if tp, fp, fn := Shingles(pred, gold); tp != 1 || fp != 0 || fn != 0 {
		t.Errorf("Shingles: tp %v fp %v fn %v, want 1 0 0", tp, fp, fn)
	}
	if _, _, f1 := BagOfWords(pred, gold); f1 != 1 {
		t.Errorf("BagOfWords F1 %v, want 1", f1)
	}
	labels := Align(blocksOf("Home Repair Assistance Program", "applications are open until March", "Pay your water bill online"), gold, 0)
	if want := []Label{Content, Content, Boilerplate}; !slices.Equal(labels, want) {
		t.Errorf("Align: %v, want %v", labels, want)
	}
}
