package winnow

import (
	"bytes"
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

func TestSmoother(t *testing.T) {
	h, err := DefaultSmoother()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{SmootherHead, SmootherCorrectionHead, SmootherAgainHead}; !slices.Equal(h.Names, want) {
		t.Fatalf("the embedded smoothing model's heads are %v, want %v", h.Names, want)
	}
	b, err := os.ReadFile("testdata/seed/news.html")
	if err != nil {
		t.Fatal(err)
	}
	probsOf := func(opts ...Option) []float64 {
		t.Helper()
		x, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		a, err := x.ExtractBytes(b)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]float64, len(a.Blocks))
		for i, bl := range a.Blocks {
			out[i] = bl.Probability
		}
		return out
	}
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	smoothed, alone := probsOf(), probsOf(WithSmoother(nil))
	given, givenSmoothed := probsOf(WithModel(m)), probsOf(WithModel(m), WithSmoother(h))
	x, err := New(WithSmoother(nil))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := x.ExtractBytes(b)
	p, err := page.ParseBytes(b, x.cfg.parse)
	if err != nil {
		t.Fatal(err)
	}
	vecs := features.Vectors(p)
	for i := range alone {
		if want := m.Predict(vecs[i]); alone[i] != want {
			t.Fatalf("WithSmoother(nil): block %d P %v, want the block model's %v", i, alone[i], want)
		}
		if given[i] != alone[i] {
			t.Errorf("WithModel without WithSmoother: block %d P %v, want the block model's %v", i, given[i], alone[i])
		}
		if givenSmoothed[i] != smoothed[i] {
			t.Errorf("WithModel and WithSmoother: block %d P %v, want the default's %v", i, givenSmoothed[i], smoothed[i])
		}
	}
	if len(a.Blocks) != len(smoothed) || slices.Equal(smoothed, alone) {
		t.Error("the embedded smoothing model changes no probability on the seed page")
	}
	roles, err := os.ReadFile("model/roles.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSmoother(bytes.NewReader(roles)); !errors.Is(err, model.ErrSchemaMismatch) {
		t.Errorf("role models read as a smoothing model: %v, want a schema mismatch", err)
	}
}

// smoothBufOf is a buffer for p's smoothing vectors, as probabilities
// gives decide: the block features they copy set (features.SetSmoothOwn).
func smoothBufOf(p *page.Page) []float64 {
	sv := make([]float64, len(p.Blocks)*features.NumSmoothFeatures())
	features.SetSmoothOwnRows(sv, features.Vectors(p))
	return sv
}

// blockProbs parses the page in file and returns it with its blocks'
// vectors and the embedded block model's probabilities of content.
func blockProbs(t *testing.T, file string) (*page.Page, [][]float64, []float64) {
	t.Helper()
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, err := page.ParseBytes(b, page.Options{})
	if err != nil {
		t.Fatal(err)
	}
	vecs := features.Vectors(p)
	probs := make([]float64, len(vecs))
	for i, v := range vecs {
		probs[i] = m.Predict(v)
	}
	return p, vecs, probs
}

// TestSmootherHeads checks that a block's smoothed probability under a
// smoothing model of one round is the mean of the two heads' log-odds,
// each head reading the smoothing vectors of the block model's
// probabilities, and that a smoothing model of the neighbourhood head
// alone gives that head's probability.
func TestSmootherHeads(t *testing.T) {
	embedded, err := DefaultSmoother()
	if err != nil {
		t.Fatal(err)
	}
	p, vecs, probs := blockProbs(t, "testdata/seed/news.html")
	sv := features.SmoothVectors(p, probs, vecs)
	nf := features.NumSmoothFeatures()
	hood, corr := embedded.Head(SmootherHead), embedded.Head(SmootherCorrectionHead)
	h := &model.Heads{Names: []string{SmootherHead, SmootherCorrectionHead}, Models: []*model.Model{hood, corr}}
	alone := &model.Heads{Names: []string{SmootherHead}, Models: []*model.Model{hood}}
	got, gotAlone := smoothProbs(h, nil, p, "", probs, smoothBufOf(p)), smoothProbs(alone, nil, p, "", probs, smoothBufOf(p))
	differ := 0
	for i := range probs {
		v := sv[i*nf : (i+1)*nf]
		a, c := hood.Predict(v), corr.Predict(v)
		want := 1 / (1 + math.Exp(-(model.Logit(a)+model.Logit(c))/2)) // written out, not model.Logistic
		if math.Abs(got[i]-want) > 1e-12 {
			t.Fatalf("block %d: P %v, want %v from the heads' %v and %v", i, got[i], want, a, c)
		}
		if gotAlone[i] != a {
			t.Fatalf("block %d: the neighbourhood head alone gives %v, want its %v", i, gotAlone[i], a)
		}
		if math.Abs(a-c) > 0.05 {
			differ++
		}
	}
	if differ == 0 {
		t.Error("the two heads agree within 0.05 on every block of the seed page; the test cannot tell them apart")
	}
	if imp := hood.Importances(); slices.ContainsFunc(SmootherOwnFeatures(), func(n string) bool {
		return imp[slices.Index(hood.Schema.Names, n)] != 0
	}) {
		t.Error("the neighbourhood head tests the block's own features")
	}
	if corr.Params.OffsetFeature != "P" {
		t.Errorf("the correction head starts from %q, want P", corr.Params.OffsetFeature)
	}
}

// TestRecordsSmoother checks that the records smoothing model decides the
// pages of records, from the records smoothing vectors of the block
// model's probabilities, and the smoothing model every other page.
func TestRecordsSmoother(t *testing.T) {
	h, err := DefaultSmoother()
	if err != nil {
		t.Fatal(err)
	}
	rh, err := DefaultRecordsSmoother()
	if err != nil {
		t.Fatal(err)
	}
	if rh.Head(SmootherHead) == nil || rh.Head(SmootherCorrectionHead) == nil {
		t.Fatalf("the embedded records smoothing model's heads are %v, want %q and %q", rh.Names, SmootherHead, SmootherCorrectionHead)
	}
	p, vecs, probs := blockProbs(t, "testdata/pages/forum-archlinux/page.html")
	rv := features.RecordsVectors(p, probs, vecs, true)
	nr := features.NumRecordsFeatures()
	hood, corr := rh.Head(SmootherHead), rh.Head(SmootherCorrectionHead)
	article := smoothProbs(h, rh, p, pageTypeArticle, probs, smoothBufOf(p))
	if plain := smoothProbs(h, nil, p, pageTypeArticle, probs, smoothBufOf(p)); !slices.Equal(article, plain) {
		t.Error("an article is decided by the records smoothing model")
	}
	if alone := smoothProbs(h, nil, p, pageTypeForum, probs, smoothBufOf(p)); !slices.Equal(article, alone) {
		t.Error("without a records smoothing model, a forum thread is not decided as an article")
	}
	got := smoothProbs(h, rh, p, pageTypeForum, probs, smoothBufOf(p))
	for i := range probs {
		v := rv[i*nr : (i+1)*nr]
		want := model.Logistic((model.Logit(hood.Predict(v)) + model.Logit(corr.Predict(v))) / 2)
		if math.Abs(got[i]-want) > 1e-12 {
			t.Fatalf("forum block %d: P %v, want the records heads' %v", i, got[i], want)
		}
	}
	if slices.Equal(got, article) {
		t.Error("the records smoothing model changes no probability of the forum thread")
	}
	if _, err := LoadRecordsSmoother(bytes.NewReader(defaultSmoothFile)); !errors.Is(err, model.ErrSchemaMismatch) {
		t.Errorf("the smoothing model read as a records smoothing model: %v, want a schema mismatch", err)
	}
}

// TestSmootherAgain checks the smoothing model's second round: the first
// round's probabilities make the smoothing vectors that the second
// round's head reads, and a block's probability is the mean of the two
// rounds' log-odds; a page of
// records that the records smoothing model decides gets one round, of
// that model.
func TestSmootherAgain(t *testing.T) {
	h, err := DefaultSmoother()
	if err != nil {
		t.Fatal(err)
	}
	hood, corr, again := h.Head(SmootherHead), h.Head(SmootherCorrectionHead), h.Head(SmootherAgainHead)
	if again.Params.OffsetFeature != "P" {
		t.Errorf("the second round starts from %q, want P", again.Params.OffsetFeature)
	}
	two := &model.Heads{Names: []string{SmootherHead, SmootherCorrectionHead, SmootherAgainHead}, Models: []*model.Model{hood, corr, again}}
	one := &model.Heads{Names: two.Names[:2], Models: two.Models[:2]}
	p, vecs, probs := blockProbs(t, "testdata/seed/news.html")
	nf := features.NumSmoothFeatures()
	first := smoothProbs(one, nil, p, "", probs, smoothBufOf(p))
	sv := features.SmoothVectors(p, first, vecs)
	got := smoothProbs(two, nil, p, "", probs, smoothBufOf(p))
	differ := 0
	for i := range probs {
		second := again.Predict(sv[i*nf : (i+1)*nf])
		want := 1 / (1 + math.Exp(-(model.Logit(first[i])+model.Logit(second))/2)) // written out, not model.Logistic
		if math.Abs(got[i]-want) > 1e-12 {
			t.Fatalf("block %d: P %v, want %v from the first round's %v and the second round's %v", i, got[i], want, first[i], second)
		}
		if math.Abs(got[i]-first[i]) > 0.01 {
			differ++
		}
	}
	if differ == 0 {
		t.Error("the second round moves no block of the seed page by 0.01; the test cannot tell the rounds apart")
	}
	rh, err := DefaultRecordsSmoother()
	if err != nil {
		t.Fatal(err)
	}
	if rec, recOne := smoothProbs(two, rh, p, "listing", probs, smoothBufOf(p)), smoothProbs(one, rh, p, "listing", probs, smoothBufOf(p)); !slices.Equal(rec, recOne) {
		t.Error("a page of records decided by the records smoothing model gets a second round")
	}
	if art := smoothProbs(two, rh, p, pageTypeArticle, probs, smoothBufOf(p)); !slices.Equal(art, got) {
		t.Error("an article with a records smoothing model beside is not decided in two rounds")
	}
	// A second round without a first is refused, read or given.
	alone := &model.Heads{Names: []string{SmootherAgainHead}, Models: []*model.Model{again}}
	var buf bytes.Buffer
	if err := alone.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSmoother(&buf); err == nil || !strings.Contains(err.Error(), `head "again" without "content"`) {
		t.Errorf("a smoothing file of the second round alone: %v, want an error naming the missing head", err)
	}
	if _, err := New(WithSmoother(alone)); err == nil {
		t.Error("WithSmoother of the second round alone: no error")
	}
}
