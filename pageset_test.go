package winnow

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// pagesetTexts are the pages of the benchmark page set whose extracted
// text is kept in testdata/pageset (short ones, one per set), so that a
// change shows as a diff of text.
var pagesetTexts = []string{
	"cleaneval/orig/1.html.gz",
	"cleanportaleval/input/tv.msnbc.com_news_19.html.gz",
	"l3s-gn1/original/0f2b36ce-7be8-4845-9ef2-b1872afb0769.html.gz",
	"msvcode/big5-13/html/jewish.html.gz",
	"wcxb/dev/html/1377.html.gz",
}

// TestPageSet runs the extractor over the benchmark page set (291 pages of
// the shared labelled sets; see bench_test.go) and compares, page by page,
// a summary line with testdata/pageset/summary.txt: the number of blocks,
// of kept blocks and their words, and short hashes of the segmentation
// (text, tag, words, link words, container of every block), the feature
// vectors, the model's probabilities (to the bit) and the extracted text.
// A diff names the pages that changed and, by the hash that moved, the
// stage that changed them. It also extracts the pages of pagesetTexts in
// full. It runs only when WINNOW_DATA is set; after an intended change,
// rewrite the files with `go test -run PageSet . -update` and review the
// diff.
func TestPageSet(t *testing.T) {
	pages := loadBenchPages(t)
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var summary strings.Builder
	texts := map[string]string{}
	for _, p := range pages {
		if p.page == nil {
			fmt.Fprintf(&summary, "%s\trefused\n", p.name)
			continue
		}
		// Extract classifies in chunks (probabilities); it must agree with
		// Vectors and Predict, which the benchmark pages were scored with.
		probs, _, _, pageType, err := x.probabilities(context.Background(), p.page)
		if err != nil {
			t.Fatal(err)
		}
		if want := x.pageType(p.page); pageType != want {
			t.Fatalf("%s: page type %q from the chunked vectors, %q from PageVector", p.name, pageType, want)
		}
		for i, pr := range probs {
			if math.Float64bits(pr) != math.Float64bits(p.probs[i]) {
				t.Fatalf("%s: block %d: probabilities %v, Predict(Vectors) %v", p.name, i, pr, p.probs[i])
			}
		}
		a, err := x.FromPage(p.page)
		if err != nil && !errors.Is(err, ErrNoContent) {
			t.Fatalf("%s: %v", p.name, err)
		}
		kept, words := 0, 0
		for i, b := range a.Blocks {
			if b.Content {
				kept++
				words += p.page.Blocks[i].Words
			}
		}
		seg, vec, prob, text := sha256.New(), sha256.New(), sha256.New(), sha256.New()
		seg.Write([]byte(p.page.Title))
		for _, b := range p.page.Blocks {
			putString(seg, b.Text)
			putString(seg, b.Tag)
			putUint(seg, uint64(b.Words)<<32|uint64(b.LinkWords))
			putUint(seg, uint64(b.Container))
		}
		for _, v := range p.vecs {
			putUint(vec, math.Float64bits(v))
		}
		for _, pr := range p.probs {
			putUint(prob, math.Float64bits(pr))
		}
		text.Write([]byte(a.Text))
		fmt.Fprintf(&summary, "%s\tblocks=%d\tkept=%d\twords=%d\tseg=%s\tvec=%s\tp=%s\ttext=%s\n",
			p.name, len(p.page.Blocks), kept, words, short(seg), short(vec), short(prob), short(text))
		if slices.Contains(pagesetTexts, p.name) {
			texts[p.name] = a.Text + "\n"
		}
	}
	checkSummary(t, "testdata/pageset/summary.txt", summary.String())
	for _, name := range pagesetTexts {
		got, ok := texts[name]
		if !ok {
			t.Errorf("%s: not in the page set, or refused", name)
			continue
		}
		checkGolden(t, filepath.Join("testdata/pageset", strings.ReplaceAll(name, "/", "_")+".txt"), []byte(got))
	}
}

// checkSummary compares the summary lines got with the file at path, or
// writes them there under -update. A failure lists the pages whose line
// changed, with each changed field as old→new.
func checkSummary(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		checkGolden(t, path, []byte(got))
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (write it with -update)", err)
	}
	fields := func(line string) (string, []string) {
		f := strings.Split(line, "\t")
		return f[0], f[1:]
	}
	want := map[string][]string{}
	for line := range strings.Lines(string(b)) {
		name, f := fields(strings.TrimSuffix(line, "\n"))
		want[name] = f
	}
	var changes []string
	seen := 0
	for line := range strings.Lines(got) {
		name, g := fields(strings.TrimSuffix(line, "\n"))
		w, ok := want[name]
		if !ok {
			changes = append(changes, name+": new page")
			continue
		}
		seen++
		if slices.Equal(w, g) {
			continue
		}
		var moved []string
		for i := range max(len(w), len(g)) {
			a, z := "", ""
			if i < len(w) {
				a = w[i]
			}
			if i < len(g) {
				z = g[i]
			}
			if a != z {
				moved = append(moved, a+" → "+z)
			}
		}
		changes = append(changes, name+": "+strings.Join(moved, ", "))
	}
	if seen < len(want) {
		changes = append(changes, fmt.Sprintf("%d pages of %s are no longer in the page set", len(want)-seen, path))
	}
	if len(changes) > 0 {
		const most = 40
		more := ""
		if len(changes) > most {
			more = fmt.Sprintf("\n... and %d more", len(changes)-most)
			changes = changes[:most]
		}
		t.Errorf("%s: %d pages changed; if the change is intended, rerun with -update:\n%s%s", path, len(changes), strings.Join(changes, "\n"), more)
	}
}

func putUint(h hash.Hash, v uint64) {
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], v)
	h.Write(buf[:])
}

func putString(h hash.Hash, s string) {
	putUint(h, uint64(len(s)))
	h.Write([]byte(s))
}

// short is the first 8 hex digits of h's sum: enough to see a change.
func short(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil))[:8] }
