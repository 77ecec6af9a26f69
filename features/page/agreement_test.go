package page

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/internal/gzfile"
	"github.com/winnow-dev/winnow/internal/shareddata"
	"github.com/winnow-dev/winnow/internal/text"
	"golang.org/x/net/html"
)

// dataDir returns the folder of the shared labelled sets joined with sub
// (internal/shareddata: it skips the test when WINNOW_DATA is unset and
// fails it when the folder is missing).
func dataDir(t testing.TB, sub string) string {
	t.Helper()
	return shareddata.Dir(t, sub)
}

// readGzip reads and gunzips the page at path (a .gz name).
func readGzip(t testing.TB, path string) []byte {
	t.Helper()
	b, _, err := gzfile.ReadFile(path, -1)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// spanStats is how well the labelled spans of pages line up with blocks.
type spanStats struct {
	pages, spans, aligned, exact int
	regions                      int // labelled elements holding labelled elements: not units
	words, alignedWords          int
	// splitBy counts, for spans that fall into several blocks, the element
	// that started the second block: why we split where the annotators did not.
	splitBy map[string]int
	// examples of misaligned spans, for reports.
	examples []string
}

func (s *spanStats) add(o spanStats) {
	s.pages += o.pages
	s.spans += o.spans
	s.aligned += o.aligned
	s.exact += o.exact
	s.regions += o.regions
	s.words += o.words
	s.alignedWords += o.alignedWords
	if s.splitBy == nil {
		s.splitBy = map[string]int{}
	}
	for k, v := range o.splitBy {
		s.splitBy[k] += v
	}
	s.examples = append(s.examples, o.examples...)
}

func (s spanStats) String() string {
	return fmt.Sprintf("%d pages, %d spans (and %d region spans left out): %.2f%% in one block (%.2f%% exactly one block), %.2f%% of words",
		s.pages, s.spans, s.regions, pct(s.aligned, s.spans), pct(s.exact, s.spans), pct(s.alignedWords, s.words))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// spanAgreement segments an annotated page and checks, for every outermost
// element whose class starts with one of prefixes, whether its visible text
// lies in a single block (aligned) and whether it is that block's whole text
// (exact). Text is compared whitespace-normalised.
func spanAgreement(b []byte, prefixes ...string) (spanStats, error) {
	st := spanStats{pages: 1, splitBy: map[string]int{}}
	root, _, err := parseTree(context.Background(), b, Options{}, true)
	if err != nil {
		return st, err
	}
	blockOf := map[*html.Node]int{}
	p, err := segment(root, Options{}, func(n *html.Node, block int) { blockOf[n] = block })
	if err != nil {
		return st, err
	}
	blocks := p.Blocks
	labelled := func(n *html.Node) bool {
		for _, a := range n.Attr {
			if a.Key == "class" {
				for _, tok := range strings.Fields(a.Val) {
					for _, p := range prefixes {
						if strings.HasPrefix(tok, p) {
							return true
						}
					}
				}
			}
		}
		return false
	}
	// The units are the innermost labelled elements: L3S-GN1 nests spans, an
	// outer one over a region (whose own loose text the assessors did not
	// mark block by block) and inner ones over its text blocks.
	var visit func(n *html.Node) bool // reports whether n holds a labelled element
	visit = func(n *html.Node) bool {
		holds := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			holds = visit(c) || holds
		}
		if n.Type != html.ElementNode || !labelled(n) {
			return holds
		}
		if holds {
			st.regions++
		} else {
			var nodes []*html.Node
			collectText(n, blockOf, &nodes)
			st.check(n, nodes, blockOf, blocks)
		}
		return true
	}
	visit(root)
	return st, nil
}

// collectText appends the visible text nodes under n, in document order.
func collectText(n *html.Node, blockOf map[*html.Node]int, out *[]*html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if _, ok := blockOf[c]; ok && c.Type == html.TextNode {
			*out = append(*out, c)
		}
		collectText(c, blockOf, out)
	}
}

// check classifies one labelled element, given its text nodes.
func (st *spanStats) check(span *html.Node, nodes []*html.Node, blockOf map[*html.Node]int, blocks []Block) {
	var ids []int
	var parts []string
	var boundary string
	for _, c := range nodes {
		i := blockOf[c]
		if len(ids) > 0 && ids[len(ids)-1] != i && boundary == "" {
			boundary = splitReason(span, c)
		}
		ids = append(ids, i)
		parts = append(parts, c.Data)
	}
	want := text.NormalizeSpace(strings.Join(parts, " "))
	if len(ids) == 0 || want == "" {
		return
	}
	words := text.CountWords(want)
	st.spans++
	st.words += words
	first, last := ids[0], ids[len(ids)-1]
	if first == last {
		for _, i := range ids {
			if i != first {
				last = i
			}
		}
	}
	if first == last {
		got := blocks[first].Text
		// Text nodes joined without their inline markup may differ in
		// spacing from the block ("x<sup>2</sup>"): compare without spaces.
		if strings.ReplaceAll(got, " ", "") == strings.ReplaceAll(want, " ", "") {
			st.exact++
		} else if len(st.examples) < 4000 && os.Getenv("WINNOW_AGREEMENT_PARTIAL") != "" {
			st.examples = append(st.examples, fmt.Sprintf("part of a block: %.80q in %.200q", want, got))
		}
		st.aligned++
		st.alignedWords += words
		return
	}
	st.splitBy[boundary]++
	if len(st.examples) < 400 {
		st.examples = append(st.examples, fmt.Sprintf("split by %s into %d blocks: %.100q", boundary, last-first+1, want))
	}
}

// splitReason names the element between the previous text in span and
// the text node c that starts a new block: the nearest ancestor of c inside
// span that is not inline, or the br/hr/block sibling before it.
func splitReason(span, c *html.Node) string {
	for n := c; n != nil && n != span; n = n.Parent {
		if n.Type == html.ElementNode && !inline(n.DataAtom) {
			return "<" + n.Data + ">"
		}
		for p := n.PrevSibling; p != nil; p = p.PrevSibling {
			if p.Type == html.ElementNode && (!inline(p.DataAtom) || hasBlock(p)) {
				return "<" + p.Data + "> before"
			}
			if p.Type == html.TextNode && strings.TrimSpace(p.Data) != "" {
				break
			}
		}
	}
	return "(outside)"
}

func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (!inline(c.DataAtom) || hasBlock(c)) {
			return true
		}
	}
	return false
}

// agreementOver runs spanAgreement over every file matching pattern.
func agreementOver(t *testing.T, pattern string, prefixes ...string) spanStats {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no files match %s", pattern)
	}
	var total spanStats
	for _, f := range files {
		st, err := spanAgreement(readGzip(t, f), prefixes...)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for i := range st.examples {
			st.examples[i] = filepath.Base(f) + ": " + st.examples[i]
		}
		total.add(st)
	}
	return total
}

func reportAgreement(t *testing.T, st spanStats) {
	t.Helper()
	t.Log(st)
	type kv struct {
		k string
		v int
	}
	var reasons []kv
	for k, v := range st.splitBy {
		reasons = append(reasons, kv{k, v})
	}
	sort.Slice(reasons, func(i, j int) bool {
		return reasons[i].v > reasons[j].v || reasons[i].v == reasons[j].v && reasons[i].k < reasons[j].k
	})
	for i, r := range reasons {
		if i == 12 {
			break
		}
		t.Logf("  split by %-16s %d spans", r.k, r.v)
	}
	if path := os.Getenv("WINNOW_AGREEMENT_EXAMPLES"); path != "" {
		if err := os.WriteFile(path, []byte(strings.Join(st.examples, "\n")+"\n"), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// TestL3SAgreement measures how many of the L3S-GN1 annotated text blocks
// (<span class="x-nc-selN">, one per boilerpipe text block) fall in one of
// our blocks, over all 621 pages, and holds that level.
func TestL3SAgreement(t *testing.T) {
	dir := dataDir(t, "l3s-gn1/annotated")
	st := agreementOver(t, filepath.Join(dir, "*.html.gz"), "x-nc-sel")
	reportAgreement(t, st)
	// Measured (winnow-features-2): 100.00% of 24,644 spans and of their
	// words in one block, 67.12% exactly one block (L3S-GN1 also breaks at
	// b, i, span, font, ...; we do not). The margins absorb small changes.
	const minAligned, minWords, minExact = 99.5, 99.5, 66.0
	if got := pct(st.aligned, st.spans); got < minAligned {
		t.Errorf("%.2f%% of spans in one block, want ≥ %.1f%%", got, minAligned)
	}
	if got := pct(st.alignedWords, st.words); got < minWords {
		t.Errorf("%.2f%% of span words in one block, want ≥ %.1f%%", got, minWords)
	}
	if got := pct(st.exact, st.spans); got < minExact {
		t.Errorf("%.2f%% of spans exactly one block, want ≥ %.1f%%", got, minExact)
	}
	if st.pages != 621 {
		t.Errorf("%d pages, want 621", st.pages)
	}
}

// TestVictorAgreement does the same for the CleanEval-Victor .anno pages
// (victor_paragraph, victor_header, victor_list, victor_continuation,
// victor_other spans).
func TestVictorAgreement(t *testing.T) {
	dir := dataDir(t, "cleaneval-victor")
	st := agreementOver(t, filepath.Join(dir, "*.anno.gz"), "victor_")
	reportAgreement(t, st)
	// Measured (winnow-features-2): 100.00% of 11,153 spans in one block,
	// 62.96% exactly one block.
	const minAligned, minWords, minExact = 99.5, 99.5, 62.0
	if got := pct(st.aligned, st.spans); got < minAligned {
		t.Errorf("%.2f%% of spans in one block, want ≥ %.1f%%", got, minAligned)
	}
	if got := pct(st.alignedWords, st.words); got < minWords {
		t.Errorf("%.2f%% of span words in one block, want ≥ %.1f%%", got, minWords)
	}
	if got := pct(st.exact, st.spans); got < minExact {
		t.Errorf("%.2f%% of spans exactly one block, want ≥ %.1f%%", got, minExact)
	}
}

// TestL3SLabelPurity measures how often one of our blocks mixes L3S-GN1
// content (headline, full text, supplemental: x-nc-sel1-3) with
// boilerplate (sel0, related sel4, comments sel5, unselected text). Our
// blocks are coarser than L3S-GN1's, which also break at inline tags
// other than A; this checks that the coarser blocks rarely straddle labels.
func TestL3SLabelPurity(t *testing.T) {
	dir := dataDir(t, "l3s-gn1/annotated")
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages in %s: %v", dir, err)
	}
	var blocks, mixed, chars, minority int
	for _, f := range files {
		p, err := ParseBytes(readGzip(t, f), Options{MarkPrefix: "x-nc-sel"})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, b := range p.Blocks {
			var c, o int
			for k, n := range b.Marks {
				switch k {
				case "x-nc-sel1", "x-nc-sel2", "x-nc-sel3":
					c += n
				default:
					o += n
				}
			}
			blocks++
			chars += c + o
			if c > 0 && o > 0 {
				mixed++
				minority += min(c, o)
			}
		}
	}
	t.Logf("%d blocks: %.2f%% mix content and boilerplate; %.2f%% of characters are in a block's minority label",
		blocks, pct(mixed, blocks), pct(minority, chars))
	// Measured (winnow-features-2): 0.08% of 64,664 blocks mixed, 0.03% of characters.
	if got := pct(minority, chars); got > 0.5 {
		t.Errorf("%.2f%% of characters carry their block's minority label, want ≤ 0.5%%", got)
	}
}
