package dataset

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/features/page"
)

func TestTokenisationOf(t *testing.T) {
	tests := []struct {
		name, in string
		want     Tokenisation
	}{
		{"empty", "", Words},
		{"english", "The cat sat on the mat.", Words},
		{"english with a Chinese name", "The minister met 习近平 in Beijing on Monday and talked trade.", Words},
		{"chinese", "今天北京天气很好，我们一起去公园散步。", Characters},
		{"chinese with latin", "苹果公司发布了 iPhone 新款手机", Characters},
		{"japanese", "東京は今日、晴れです。", Characters},
		{"korean puts spaces", "오늘 서울 날씨가 좋습니다", Words},
		{"greek", "Οι ευτυχισμένοι άνθρωποι ζούνε περισσότερα χρόνια", Words},
	}
	for _, tc := range tests {
		if got := TokenisationOf(tc.in); got != tc.want {
			t.Errorf("%s: TokenisationOf(%q) = %v, want %v", tc.name, tc.in, got, tc.want)
		}
	}
	if Words.String() != "words" || Characters.String() != "characters" || Tokenisation(9).String() != "Tokenisation(9)" {
		t.Errorf("names: %v, %v, %v", Words, Characters, Tokenisation(9))
	}
}

func TestTokensAs(t *testing.T) {
	tests := []struct {
		in   string
		tok  Tokenisation
		want []string
	}{
		{"Hello, World 2024", Words, []string{"hello", "world", "2024"}},
		{"Hello, World 2024", Characters, []string{"hello", "world", "2024"}},
		{"苹果发布iPhone新款", Words, []string{"苹果发布iphone新款"}},
		{"苹果发布iPhone新款", Characters, []string{"苹", "果", "发", "布", "iphone", "新", "款"}},
		{"東京は、晴れ。", Characters, []string{"東", "京", "は", "晴", "れ"}},
		{"", Characters, nil},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, TokensAs(tc.in, tc.tok)); diff != "" {
			t.Errorf("TokensAs(%q, %v) (-want +got): %s", tc.in, tc.tok, diff)
		}
	}
}

// TestCJKScores: Chinese text is scored by characters. Under words a
// clause is one token, so a prediction with half of each clause scores 0;
// by characters it scores about half.
func TestCJKScores(t *testing.T) {
	gold := "今天北京天气很好，我们一起去公园散步。"
	pred := "今天北京天气，我们一起去。"
	_, r, _ := BagOfWords(pred, gold)
	if want := 11.0 / 17; math.Abs(r-want) > 1e-12 {
		t.Errorf("BagOfWords recall = %v, want %v (11 of 17 characters)", r, want)
	}
	tp, fp, fn := Shingles(pred, gold)
	if tp == 0 || fp == 0 || fn == 0 {
		t.Errorf("Shingles = %v, %v, %v; want some of each (character 4-grams)", tp, fp, fn)
	}
	// English text is cut into words exactly as before.
	if got := shingleCounts("one two three four five", Words); len(got) != 2 {
		t.Errorf("English shingles: %v, want 2 four-word shingles", got)
	}
	tp, fp, fn = Shingles("alpha beta gamma delta epsilon", "alpha beta gamma delta")
	if math.Abs(tp-0.5) > 1e-12 || math.Abs(fp-0.5) > 1e-12 || fn != 0 {
		t.Errorf("English Shingles = %v, %v, %v; want 0.5, 0.5, 0", tp, fp, fn)
	}
}

func TestCoverage(t *testing.T) {
	p := &LabelledPage{
		Set:         SetDragnet,
		Page:        &page.Page{Blocks: blocksOf("menu home", "story one two", "story three four", "first comment here", "second comment", "footer")},
		Labels:      []Label{B, C, B, B, B, B},
		Comment:     []bool{false, false, false, true, false, false},
		Gold:        "story one two story three four",
		CommentGold: "first comment here second comment",
	}
	var c Coverage
	c.Add(p)
	c.Add(&LabelledPage{Set: SetDragnet, Page: p.Page, Labels: p.Labels}) // no gold: not counted
	a, m := c.Article, c.Comments
	got := []float64{float64(a.Pages()), a.Precision(), a.Recall(), a.InPage(), float64(m.Pages()), m.Precision(), m.Recall(), m.InPage()}
	want := []float64{1, 1, 0.5, 1, 1, 1, 0.6, 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pages, P, R, in page of article then comments (-want +got): %s", diff)
	}
	all := MeasureCoverage([]*LabelledPage{p})
	if len(all) != 1 || all[SetDragnet].Article != a {
		t.Errorf("MeasureCoverage = %v", all)
	}
	var empty CoverSum
	if empty.Precision() != 0 || empty.Recall() != 0 || empty.InPage() != 0 {
		t.Error("an empty CoverSum must report zeros")
	}
	if kept, n := CommentsKept(&LabelledPage{Labels: p.Labels}, []bool{true}); kept != 0 || n != 0 {
		t.Errorf("CommentsKept without comment labels = %d, %d; want 0, 0", kept, n)
	}
}

func TestSetRegistry(t *testing.T) {
	// The sets added later come last, so that adding them left the
	// earlier sets' site splits as they were (TestSplitNewSetsLast).
	all := SetNames()
	if diff := cmp.Diff([]string{SetDragnet, SetDaniel}, all[len(all)-2:]); diff != "" {
		t.Errorf("SetNames must end with the sets added later (-want +got): %s", diff)
	}
	for _, s := range all {
		if !KnownSet(s) {
			t.Errorf("KnownSet(%q) = false", s)
		}
	}
	if KnownSet("imaginary") {
		t.Error("KnownSet(imaginary) = true")
	}
	if !CommentLabelled(SetDragnet) || !CommentLabelled(SetL3S) || CommentLabelled(SetDaniel) || CommentLabelled(SetWCXB) {
		t.Error("CommentLabelled: want dragnet and l3s-gn1 only")
	}
}
