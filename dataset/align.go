package dataset

import (
	"html"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
	"github.com/winnow-dev/winnow/features/page"
)

// DefaultThreshold is the share of a block's tokens that must be found in
// the gold text for Align to call the block content. It was chosen by
// measurement (BenchmarkAlignmentGrid): aligning the gold text of the
// block-labelled sets as if they had only gold text and comparing with the
// annotators' block labels, thresholds 0.3-0.6 all agree within 0.001 F1
// and 0.5 is best pooled (F1 0.999 on L3S-GN1, 0.992 on CleanEval, 0.950 on
// CleanEval-Victor, 0.991 pooled, with minRun 2 and two passes).
const DefaultThreshold = 0.5

// minRun is the shortest run of consecutive tokens, common to page and
// gold, that counts as a match; shorter runs are the LCS threading stray
// words ("the", "of", "share") of boilerplate through the gold. A run that
// covers a whole block is always kept, so one-word blocks (a byline, a
// dateline) still match. Measured: 1 and 2 tie, 3 and 4 lose recall.
const minRun = 2

// minRunChars is minRun under Characters tokenisation, where a token is
// one CJK character and a word is one to three of them. On DAnIEL's
// Chinese pages 2, 3, 4 and 6 label all but a handful of blocks alike
// and cover the reference equally (bag-of-characters recall 0.994); 4,
// about two words, keeps stray common characters out.
const minRunChars = 4

func minRunOf(tok Tokenisation) int {
	if tok == Characters {
		return minRunChars
	}
	return minRun
}

// Align labels blocks by the gold text: a block is Content when at least
// threshold of its tokens (Tokens) are matched in the gold, Boilerplate
// otherwise, and Unknown when it has no tokens. threshold <= 0 means
// DefaultThreshold. The gold may contain HTML entities; they are decoded.
//
// Matching is a token-level longest common subsequence of the page's
// tokens (all blocks in document order) and the gold's tokens, computed by
// go-diff's Myers diff without a time limit (so results are deterministic),
// keeping only common runs of at least minRun tokens or whole blocks. A
// second pass aligns what is left unmatched on both sides, so gold text
// given in another order than the page's is still found.
func Align(blocks []page.Block, gold string, threshold float64) []Label {
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	return alignWith(blocks, gold, threshold, alignParams{minRun: minRun, passes: 2})
}

// AlignAs is Align with page and gold cut into tokens as tok says
// (TokensAs), for gold written without spaces between words: with
// Characters every CJK character is a token, so a block is matched by the
// share of its characters found in the gold. Unknown then marks a block
// without a token under tok.
func AlignAs(blocks []page.Block, gold string, threshold float64, tok Tokenisation) []Label {
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	return alignWith(blocks, gold, threshold, alignParams{minRun: minRunOf(tok), passes: 2, tok: tok})
}

// alignParams are the alignment's tunables, varied by the measurement test.
type alignParams struct {
	minRun int // shortest common run kept (whole blocks excepted)
	passes int // 1: one LCS; 2: also align the unmatched remainders
	tok    Tokenisation
}

func alignWith(blocks []page.Block, gold string, threshold float64, ap alignParams) []Label {
	matched, total := alignCounts(blocks, html.UnescapeString(gold), ap)
	labels := make([]Label, len(blocks))
	for i := range blocks {
		switch {
		case total[i] == 0:
			labels[i] = Unknown
		case float64(matched[i]) >= threshold*float64(total[i]):
			labels[i] = Content
		default:
			labels[i] = Boilerplate
		}
	}
	return labels
}

// alignCounts returns, per block, how many of its tokens the alignment
// matched and how many it has.
func alignCounts(blocks []page.Block, gold string, ap alignParams) (matched, total []int) {
	matched = make([]int, len(blocks))
	total = make([]int, len(blocks))
	dict := map[string]rune{}
	var page []rune
	var owner []int // block index of each page token
	for i := range blocks {
		for _, t := range TokensAs(blocks[i].Text, ap.tok) {
			page = append(page, intern(dict, t))
			owner = append(owner, i)
		}
	}
	for _, o := range owner {
		total[o]++
	}
	var goldRunes []rune
	for _, t := range TokensAs(gold, ap.tok) {
		goldRunes = append(goldRunes, intern(dict, t))
	}
	if len(page) == 0 || len(goldRunes) == 0 {
		return matched, total
	}
	hit := make([]bool, len(page))
	goldHit := make([]bool, len(goldRunes))
	pageIdx := make([]int, len(page))
	for i := range pageIdx {
		pageIdx[i] = i
	}
	goldIdx := make([]int, len(goldRunes))
	for i := range goldIdx {
		goldIdx[i] = i
	}
	matchPass(page, goldRunes, pageIdx, goldIdx, owner, total, hit, goldHit, ap.minRun)
	// Second pass: what neither side matched, in order. Reordered gold
	// paragraphs surface here as long common runs.
	var restPage, restGold []rune
	var restPageIdx, restGoldIdx []int
	for i, h := range hit {
		if !h {
			restPage = append(restPage, page[i])
			restPageIdx = append(restPageIdx, i)
		}
	}
	for i, h := range goldHit {
		if !h {
			restGold = append(restGold, goldRunes[i])
			restGoldIdx = append(restGoldIdx, i)
		}
	}
	if ap.passes > 1 && len(restPage) > 0 && len(restGold) > 0 {
		matchPass(restPage, restGold, restPageIdx, restGoldIdx, owner, total, hit, goldHit, ap.minRun)
	}
	for i, h := range hit {
		if h {
			matched[owner[i]]++
		}
	}
	return matched, total
}

// matchPass diffs a against b (token runes; aIdx and bIdx map them back to
// positions in the whole page and gold) and marks the kept common runs.
func matchPass(a, b []rune, aIdx, bIdx, owner, total []int, hit, goldHit []bool, minRun int) {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	i, j := 0, 0
	for _, d := range dmp.DiffMainRunes(a, b, false) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			j += n
		case diffmatchpatch.DiffEqual:
			keep := n >= minRun
			if !keep {
				// A short run still counts if it is a whole block.
				first, last := owner[aIdx[i]], owner[aIdx[i+n-1]]
				keep = first == last && total[first] == n
			}
			if keep {
				for k := 0; k < n; k++ {
					hit[aIdx[i+k]] = true
					goldHit[bIdx[j+k]] = true
				}
			}
			i += n
			j += n
		}
	}
}

// intern maps a token to a rune standing for it, skipping the surrogate
// range so that go-diff's rune strings stay valid UTF-8 (one rune per token).
func intern(dict map[string]rune, tok string) rune {
	if r, ok := dict[tok]; ok {
		return r
	}
	r := rune(len(dict)) + 0x100
	if r >= 0xD800 {
		r += 0x800
	}
	if r > utf8.MaxRune {
		// More distinct tokens than runes: fold the rest onto one rune.
		// No page comes near 1.1 million distinct words.
		r = utf8.MaxRune
	}
	dict[tok] = r
	return r
}
