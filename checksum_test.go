package winnow

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"testing"

	"github.com/winnow-dev/winnow/features"
)

// sharedDigest is the SHA-256 of the blocks (text, tag, words, link words,
// container), the bits of every feature vector and the bits of every
// probability of the embedded model, over the benchmark page set (see
// bench_test.go). Speed work must leave it unchanged; it changes with the
// segmentation or the embedded model (last: the embedded model became 40
// boosted oblivious trees).
const sharedDigest = "10bc99ec25c6e80390885f71b6ce0b1b3c742d076359d0eb387897c0da7b1a9f"

// TestSharedDigest checks that segmentation, feature vectors and the
// embedded model's probabilities over the benchmark page set are bit for bit
// what they were when sharedDigest was recorded. It runs only when WINNOW_DATA is set.
func TestSharedDigest(t *testing.T) {
	pages := loadBenchPages(t)
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	var buf [8]byte
	num := func(v uint64) { binary.LittleEndian.PutUint64(buf[:], v); h.Write(buf[:]) }
	for _, p := range pages {
		h.Write([]byte(p.name))
		if p.page == nil {
			num(0)
			continue
		}
		num(uint64(len(p.page.Blocks)))
		h.Write([]byte(p.page.Title))
		for _, b := range p.page.Blocks {
			num(uint64(len(b.Text)))
			h.Write([]byte(b.Text))
			h.Write([]byte(b.Tag))
			num(uint64(b.Words)<<32 | uint64(b.LinkWords))
			num(uint64(b.Container))
		}
		// Classify (what Extract uses) must agree with Vectors and Predict.
		for i, pr := range x.probabilities(p.page) {
			if math.Float64bits(pr) != math.Float64bits(p.probs[i]) {
				t.Fatalf("%s: block %d: Classify %v, Predict(Vectors) %v", p.name, i, pr, p.probs[i])
			}
		}
		nf := features.NumFeatures()
		for i, pr := range p.probs {
			for _, x := range p.vecs[i*nf : (i+1)*nf] {
				num(math.Float64bits(x))
			}
			num(math.Float64bits(pr))
		}
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sharedDigest {
		t.Errorf("digest of blocks, vectors and probabilities = %s, want %s", got, sharedDigest)
	}
}
