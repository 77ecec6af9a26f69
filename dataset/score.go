package dataset

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"gonum.org/v1/gonum/stat"

	"github.com/winnow-dev/winnow/internal/text"
)

// Tokens splits s into lower-cased word tokens: maximal runs of Unicode
// letters, digits and combining marks. Everything else (spaces, punctuation,
// underscores, symbols) separates tokens, so "don’t" and "don't" both give
// "don", "t", and entity-decoded text tokenises like its source. Soft
// hyphens (U+00AD) are dropped first: they mark where a word may break, not
// a break, and extraction removes them (every tokenisation and the shingles
// of Shingles do the same).
func Tokens(s string) []string {
	return splitRuns(text.WithoutSoftHyphens(s), isTokenRune, true)
}

func isTokenRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isWordRune is Python's re \w with re.UNICODE: letters, digits, marks and
// the underscore (and other connector punctuation).
func isWordRune(r rune) bool {
	return isTokenRune(r) || r == '_' || unicode.Is(unicode.Pc, r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

func splitRuns(s string, in func(rune) bool, lower bool) []string {
	var out []string
	start := -1
	for i, r := range s {
		if in(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	if lower {
		for i, t := range out {
			out[i] = strings.ToLower(t)
		}
	}
	return out
}

// BagOfWords compares the multisets of Tokens of an extracted text and the
// gold text: precision is the share of predicted tokens found in the gold
// (counting repeats at most as often as the gold has them), recall the
// share of gold tokens found in the prediction. Two empty texts score 1;
// one empty text scores 0. Both texts are cut as TokenisationOf(gold) says:
// by characters where the gold is written without spaces (CJK).
func BagOfWords(pred, gold string) (p, r, f1 float64) {
	tok := TokenisationOf(gold)
	pt, gt := TokensAs(pred, tok), TokensAs(gold, tok)
	if len(pt) == 0 && len(gt) == 0 {
		return 1, 1, 1
	}
	if len(pt) == 0 || len(gt) == 0 {
		return 0, 0, 0
	}
	counts := make(map[string]int, len(gt))
	for _, t := range gt {
		counts[t]++
	}
	match := 0
	for _, t := range pt {
		if counts[t] > 0 {
			counts[t]--
			match++
		}
	}
	p = float64(match) / float64(len(pt))
	r = float64(match) / float64(len(gt))
	return p, r, harmonic(p, r)
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// shingleSize is the n of the n-gram shingles of the article extraction
// benchmark (scrapinghub/article-extraction-benchmark, evaluate.py
// string_shingle_matching, ngram_n=4).
const shingleSize = 4

// Shingles is the per-page measure of Scrapinghub's article extraction
// benchmark: both texts are split into \w+ tokens (case kept, as the
// benchmark's regexp does), every run of 4 consecutive tokens is a shingle,
// and shingle counts are compared as multisets: tp = Σ min(pred, gold),
// fp = Σ max(0, pred-gold), fn = Σ max(0, gold-pred). The three are then
// divided by their sum so that every page weighs the same; a page with no
// shingles on either side (texts under 4 tokens) returns 0, 0, 0, as the
// benchmark does. Summing tp, fp, fn over pages and computing
// P = tp/(tp+fp), R = tp/(tp+fn) gives the benchmark's figures.
//
// Where TokenisationOf(gold) is Characters (CJK gold, written without
// spaces), each CJK character is a token of its own, so the shingles of
// such text are runs of four characters rather than of four clauses.
func Shingles(pred, gold string) (tp, fp, fn float64) {
	tok := TokenisationOf(gold)
	ps := shingleCounts(pred, tok)
	gs := shingleCounts(gold, tok)
	for k, g := range gs {
		p := ps[k]
		tp += float64(min(p, g))
		fn += float64(max(0, g-p))
	}
	for k, p := range ps {
		fp += float64(max(0, p-gs[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return tp, fp, fn
}

func shingleCounts(s string, tok Tokenisation) map[string]int {
	s = text.WithoutSoftHyphens(s)
	var toks []string
	if tok == Characters {
		toks = splitRunsCJK(s, isWordRune, false)
	} else {
		toks = splitRuns(s, isWordRune, false)
	}
	counts := map[string]int{}
	for i := 0; i+shingleSize <= len(toks); i++ {
		// A NUL cannot occur inside a token, so it joins them unambiguously.
		counts[strings.Join(toks[i:i+shingleSize], "\x00")]++
	}
	return counts
}

// ShingleMean averages Shingles over pages as the Scrapinghub benchmark's
// evaluate.py does: a page's precision tp/(tp+fp) counts only when
// something was predicted (tp+fp > 0) and its recall tp/(tp+fn) only when
// the gold has shingles (tp+fn > 0); Precision and Recall are the means of
// those, and F1 is computed from the two means (not the mean of page F1s).
// This is winnow eval's text F1. The zero value is an empty group, which
// scores 0.
type ShingleMean struct {
	precSum, recSum float64
	precN, recN     int
}

// Add counts one page's Shingles.
func (a *ShingleMean) Add(tp, fp, fn float64) {
	if tp+fp > 0 {
		a.precSum += tp / (tp + fp)
		a.precN++
	}
	if tp+fn > 0 {
		a.recSum += tp / (tp + fn)
		a.recN++
	}
}

// Precision is the mean page precision, 0 when no page predicted anything.
func (a ShingleMean) Precision() float64 { return meanOf(a.precSum, a.precN) }

// PrecisionPages is the number of pages that counted toward Precision:
// those where something was predicted.
func (a ShingleMean) PrecisionPages() int { return a.precN }

// Recall is the mean page recall, 0 when no page has gold shingles.
func (a ShingleMean) Recall() float64 { return meanOf(a.recSum, a.recN) }

// F1 is the harmonic mean of Precision and Recall.
func (a ShingleMean) F1() float64 { return harmonic(a.Precision(), a.Recall()) }

func meanOf(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// PageF1 is one page's F1 from its Shingles; ok is false when neither text
// has a shingle (both under four tokens), where the page says nothing.
func PageF1(tp, fp, fn float64) (f1 float64, ok bool) {
	if tp+fp+fn == 0 {
		return 0, false
	}
	return 2 * tp / (2*tp + fp + fn), true
}

// Distribution summarises per-page scores.
type Distribution struct {
	Pages  int     `json:"pages"`
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	P10    float64 `json:"p10"`
}

// DistributionOf summarises values (in any order): their count, mean,
// median and 10th percentile (see Percentile). No values give the zero
// Distribution.
func DistributionOf(values []float64) Distribution {
	if len(values) == 0 {
		return Distribution{}
	}
	s := slices.Sorted(slices.Values(values))
	return Distribution{Pages: len(s), Mean: stat.Mean(s, nil), Median: Percentile(s, 0.5), P10: Percentile(s, 0.1)}
}

// Percentile is the p-quantile (0 ≤ p ≤ 1) of sorted values with linear
// interpolation between closest ranks (numpy's default, R's type 7), so
// that the median of an even count is the mean of the middle two. It
// returns 0 for no values.
func Percentile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	h := p * float64(n-1)
	lo := int(math.Floor(h))
	hi := int(math.Ceil(h))
	return sorted[lo] + (h-float64(lo))*(sorted[hi]-sorted[lo])
}
