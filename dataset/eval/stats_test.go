package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/shareddata"
)

// blocks makes a page of blocks with the given texts.
func blocks(texts ...string) *page.Page {
	p := &page.Page{}
	for _, t := range texts {
		p.Blocks = append(p.Blocks, page.Block{Text: t})
	}
	return p
}

func TestStats(t *testing.T) {
	C, B, U := dataset.Content, dataset.Boilerplate, dataset.Unknown
	story := "the harbour plan was approved by the council after a long debate"
	c := &dataset.Corpus{
		Pages: []*dataset.LabelledPage{
			// Block-labelled, with gold: alignment is compared with the labels.
			{Set: dataset.SetL3S, Site: "a.example", Page: blocks(story, "home news sport", "share this"), Labels: []dataset.Label{C, B, U}, Gold: story},
			{Set: dataset.SetL3S, Site: "a.example", Page: blocks("menu", story), Labels: []dataset.Label{B, B}, Gold: story},
			// Gold only: no alignment column; the gold check reads the content blocks.
			{Set: dataset.SetWCXB, Site: "b.example", Page: blocks(story, "footer"), Labels: []dataset.Label{C, B}, Gold: story + " and more"},
		},
		Skipped: []dataset.Skip{{Set: dataset.SetWCXB, Reason: "empty gold"}, {Set: dataset.SetWCXB, Reason: "empty gold"}, {Set: dataset.SetMSVCode, Reason: "read"}},
	}
	got := Stats(c, 0)
	var sets []string
	for _, s := range got {
		sets = append(sets, s.Set)
	}
	if d := cmp.Diff([]string{dataset.SetL3S, dataset.SetWCXB, dataset.SetMSVCode}, sets); d != "" {
		t.Fatalf("sets in SetNames order, with a set that has only skips (-want +got):\n%s", d)
	}
	l3s, wcxb, msv := got[0], got[1], got[2]
	if l3s.Pages != 2 || l3s.Sites != 1 || l3s.Blocks != 5 || l3s.Labelled != 4 || l3s.Content != 1 || l3s.ContentShare() != 0.25 {
		t.Errorf("l3s counts: %+v", l3s)
	}
	// Page 1: the story aligned and labelled content (TP), the menu
	// boilerplate on both sides (TN), the Unknown block left out. Page 2:
	// the story aligned as content but labelled boilerplate (FP).
	if want := (Confusion{TP: 1, FP: 1, TN: 2}); l3s.Alignment != want {
		t.Errorf("l3s alignment %+v, want %+v", l3s.Alignment, want)
	}
	if wcxb.Alignment != (Confusion{}) || wcxb.GoldPages != 1 || wcxb.GoldPrecision != 1 || wcxb.GoldRecall >= 1 {
		t.Errorf("wcxb: alignment %+v, gold %d pages P %v R %v; want no alignment, precision 1, recall below 1",
			wcxb.Alignment, wcxb.GoldPages, wcxb.GoldPrecision, wcxb.GoldRecall)
	}
	if wcxb.Skipped["empty gold"] != 2 || msv.Pages != 0 || msv.Skipped["read"] != 1 {
		t.Errorf("skips: wcxb %v, msvcode %v", wcxb.Skipped, msv.Skipped)
	}

	var buf bytes.Buffer
	if err := WriteStats(&buf, got); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	for _, want := range []string{
		"l3s-gn1  2      1      5       25.0%    0.500/1.000/0.667  0.500/0.500  0", // page 2 has no content block
		"wcxb     1      1      2       50.0%    -                  1.000/0.",
		"msvcode  0      0      0       0.0%     -                  -            1        1 read",
	} {
		found := false
		for _, l := range lines {
			found = found || strings.HasPrefix(l, want)
		}
		if !found {
			t.Errorf("no line starting %q in:\n%s", want, buf.String())
		}
	}
}

// TestAlignmentAgreement aligns the gold text of the block-labelled sets as
// if they had only gold text and compares with the annotators' labels.
func TestAlignmentAgreement(t *testing.T) {
	dir := shareddata.Dir(t)
	for _, tc := range []struct {
		set   string
		minF1 float64
	}{
		// L3S-GN1's gold is read from the same spans as its labels, so it
		// checks the mechanics; CleanEval's gold is independent of its mask,
		// and Victor's annotators are not CleanEval's.
		{dataset.SetL3S, 0.99},
		{dataset.SetCleanEval, 0.98},
		{dataset.SetVictor, 0.93},
	} {
		t.Run(tc.set, func(t *testing.T) {
			c, err := dataset.Load(dir, dataset.Options{Sets: []string{tc.set}, Every: raceEvery})
			if err != nil {
				t.Fatal(err)
			}
			a := AlignmentAgreement(c.Pages, 0)
			t.Logf("%s: P %.3f R %.3f F1 %.3f (%v/%v/%v/%v tp/fp/fn/tn blocks)", tc.set, a.PrecisionOrZero(), a.RecallOrZero(), a.F1OrZero(), a.TP, a.FP, a.FN, a.TN)
			if a.F1OrZero() < tc.minF1 {
				t.Errorf("alignment F1 %.3f against the true labels, want >= %.2f", a.F1OrZero(), tc.minF1)
			}
		})
	}
}
