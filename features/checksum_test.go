package features

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"math"
	"slices"
	"testing"
)

// pagesDigest is the SHA-256 of every field of every Page that Parse makes of
// the test pages, and of the bits of every value of their feature vectors,
// computed before the segmentation and feature code was tuned for speed.
// Any change to the output of Parse or Vectors changes it: a speed change
// must leave it alone, a change of behaviour must come with a new
// SchemaVersion or new golden files, and then a new digest.
const pagesDigest = "4eac17ce198383e6f50355a45b76ada3b306d22344708faeb2886350ea757ea4"

// TestVectorsDigest checks that parsing and feature vectors of the test
// pages are bit-for-bit what they were before the speed work.
func TestVectorsDigest(t *testing.T) {
	h := sha256.New()
	for _, tp := range readTestPages(t) {
		for _, opts := range []Options{{}, {MarkPrefix: "b"}} {
			p, err := ParseBytes(tp.raw, opts)
			if err != nil {
				t.Fatalf("%s: %v", tp.path, err)
			}
			digestPage(h, p)
			digestVectors(h, Vectors(p))
		}
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != pagesDigest {
		t.Errorf("digest of pages and vectors = %s, want %s", got, pagesDigest)
	}
}

// digestPage writes every field of p to h in a fixed order.
func digestPage(h hash.Hash, p *Page) {
	str := func(s string) { num(h, int64(len(s))); h.Write([]byte(s)) }
	strs := func(ss []string) {
		num(h, int64(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	str(p.Title)
	str(p.OGTitle)
	str(p.Lang)
	str(p.Encoding)
	num(h, int64(p.Elements))
	num(h, int64(len(p.Blocks)))
	for i := range p.Blocks {
		b := &p.Blocks[i]
		str(b.Text)
		str(b.Tag)
		strs(b.Path)
		strs(b.Classes)
		for _, v := range []int{b.Words, b.LinkWords, b.Links, b.Depth, b.Index, int(b.Kind), b.Level, b.Row,
			b.Container, int(b.Flags), int(b.SignalNear), int(b.SignalAny)} {
			num(h, int64(v))
		}
		if b.StartsWithLink {
			num(h, 1)
		} else {
			num(h, 0)
		}
		num(h, int64(len(b.Ancestors)))
		for _, a := range b.Ancestors {
			num(h, int64(a))
		}
		keys := make([]string, 0, len(b.Marks))
		for k := range b.Marks {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		num(h, int64(len(keys)))
		for _, k := range keys {
			str(k)
			num(h, int64(b.Marks[k]))
		}
	}
}

// digestVectors writes the bits of every value of vecs to h.
func digestVectors(h hash.Hash, vecs [][]float64) {
	num(h, int64(len(vecs)))
	for _, v := range vecs {
		num(h, int64(len(v)))
		for _, x := range v {
			num(h, int64(math.Float64bits(x)))
		}
	}
}

func num(h hash.Hash, v int64) {
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], uint64(v))
	h.Write(buf[:])
}

// TestEachChunk checks that EachChunk gives the vectors of Vectors, in
// chunks of every size from one vector up to more than a page's blocks.
func TestEachChunk(t *testing.T) {
	nf := NumFeatures()
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
	for _, tp := range readTestPages(t) {
		f := tp.path
		p, err := ParseBytes(tp.raw, Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want := Vectors(p)
		for _, k := range []int{1, 7, 64, len(want) + 1} {
			// A buffer with a partial vector's room left over: EachChunk
			// must use whole vectors only.
			buf := make([]float64, k*nf+nf/2)
			next := 0
			EachChunk(p, buf, func(first int, vecs []float64) {
				m := len(vecs) / nf
				if first != next || len(vecs)%nf != 0 || m == 0 || m > k || (m < k && first+m != len(want)) {
					t.Fatalf("%s, chunks of %d: call at block %d with %d values, want block %d", f, k, first, len(vecs), next)
				}
				for j := range m {
					if !slices.EqualFunc(vecs[j*nf:(j+1)*nf], want[first+j], same) {
						t.Fatalf("%s, chunks of %d: block %d differs from Vectors", f, k, first+j)
					}
				}
				next += m
			})
			if next != len(want) {
				t.Errorf("%s, chunks of %d: %d vectors for %d blocks", f, k, next, len(want))
			}
		}
	}
}
