package features

import (
	"bytes"
	"fmt"
	"math"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SchemaVersion names the feature schema. It changes whenever a feature is
// added, removed, reordered or computed differently, so that a model trained
// on one schema is never fed vectors of another.
const SchemaVersion = "winnow-features-4"

// localNames are the shallow text features computed for a block and, with
// a prefix, for its neighbours (textStats documents each one).
var localNames = []string{
	"Words", "AvgWordLength", "AvgSentenceLength", "TextDensity", "LinkDensity",
	"FullStops", "UpperStartShare", "DigitShare", "PunctShare", "Commas", "EndsWithPunct",
}

// contextNames are the features that are not a neighbour's local features.
// Each is documented where Vectors computes it.
var contextNames = []string{
	// boilerpipe's quotient features (DensityRulesClassifier and the paper's table 2).
	"WordsQuotientPrev", "WordsQuotientNext", "DensityQuotientPrev", "DensityQuotientNext",
	// Window around the block: ±3 blocks, the block itself excluded.
	"WindowWords", "WindowLinkDensity",
	// Block element.
	"TagP", "TagHeading", "HeadingLevel", "TagListItem", "TagTableCell", "TagDiv",
	"TagPre", "TagQuote", "TagCaption", "TagOther",
	// Enclosing elements.
	"InList", "InTable", "InForm", "InFigure", "InHeader", "InNav", "InAside",
	"InFooter", "InArticle", "InMain", "InBlockquote", "AllWordsLinked",
	// Class/id vocabularies of the nearest three block elements.
	"NearNav", "NearHeaderFooter", "NearShare", "NearRelated", "NearComment",
	"NearSidebar", "NearAd", "NearCookie", "NearBreadcrumb", "NearContent",
	// Class/id vocabularies of all ancestors.
	"AnyNav", "AnyHeaderFooter", "AnyShare", "AnyRelated", "AnyComment",
	"AnySidebar", "AnyAd", "AnyCookie", "AnyBreadcrumb", "AnyContent",
	// Position and page context.
	"RelativePosition", "RelativeWordPosition", "Depth", "WordShare",
	"ContainerWordShare", "ContainerLinkDensity", "ContainerBlocks",
	"DistanceToLongest", "SameContainerAsLongest", "PathSharedWithLongest",
	"DistanceToH1", "TitleOverlap", "BoilerplatePhrases", "PageWords", "PageBlocks",
	// The enclosing elements two and three levels above the block element.
	"GrandparentWordShare", "GrandparentLinkDensity", "GreatGrandparentWordShare", "GreatGrandparentLinkDensity",
	// The page's densest text region (see topNode).
	"InTopNode", "TopNodeWordShare", "LevelsBelowTopNode",
	// Anchors: how many, whether the block opens with one.
	"Links", "StartsWithLink",
	// Share of the blocks of the container with the same element as this
	// one: low for the odd one out, such as a promo <div> among <p>s.
	"SameTagInContainer",
}

var schemaNames = func() []string {
	var names []string
	names = append(names, localNames...)
	for _, n := range localNames {
		names = append(names, "Prev"+n)
	}
	for _, n := range localNames {
		names = append(names, "Next"+n)
	}
	return append(names, contextNames...)
}()

// Names returns the feature names in vector order. The caller must not
// modify the slice.
func Names() []string { return schemaNames }

// NumFeatures is the length of every feature vector.
func NumFeatures() int { return len(schemaNames) }

// boilerplatePhrases are lower-case phrases typical of boilerplate blocks in
// English pages: navigation, sharing, promotion, legal and comment notices.
var boilerplatePhrases = []string{
	"copyright", "©", "all rights reserved", "privacy", "cookie", "terms of",
	"subscribe", "newsletter", "sign up", "sign in", "log in", "register",
	"related", "read more", "more from", "more videos", "top stories", "most viewed",
	"most popular", "trending", "recommended", "share", "follow us", "facebook",
	"twitter", "advertisement", "sponsored", "comments", "leave a reply", "click here",
	"back to top", "skip to", "google news",
}

// Vectors computes one feature vector per block of p, in the order of
// Names. It is pure arithmetic over p.Blocks. The vectors share one backing
// array.
func Vectors(p *Page) [][]float64 {
	n, nf := len(p.Blocks), len(schemaNames)
	flat := make([]float64, n*nf)
	out := make([][]float64, n)
	for i := range out {
		out[i] = flat[i*nf : (i+1)*nf : (i+1)*nf]
	}
	fillVectors(p, func(i int) []float64 { return out[i] }, nil)
	return out
}

// EachChunk computes the feature vectors of p's blocks, in block order,
// into buf, which holds k = len(buf)/NumFeatures() vectors one after the
// other (row-major, as model.PredictBatch reads them). Each time it has
// written k vectors, and once more at the end for any fewer left, it calls
// fn(first, vecs): first is the block number of the first vector and vecs
// is buf[:m*NumFeatures()] for the m vectors written, vector j being
// Vectors(p)[first+j] bit for bit. buf is overwritten for the next chunk,
// so fn must not keep vecs. A classifier can thus predict straight from
// buf, with no copy and far fewer allocations than Vectors. EachChunk
// panics if buf has room for no vector.
func EachChunk(p *Page, buf []float64, fn func(first int, vecs []float64)) {
	nf := len(schemaNames)
	k := len(buf) / nf
	if k == 0 {
		panic(fmt.Sprintf("features: EachChunk buffer of %d values holds no vector of %d", len(buf), nf))
	}
	n := len(p.Blocks)
	fillVectors(p, func(i int) []float64 {
		j := i % k
		return buf[j*nf : (j+1)*nf : (j+1)*nf]
	}, func(i int, _ []float64) {
		if j := i % k; j == k-1 || i == n-1 {
			fn(i-j, buf[:(j+1)*nf])
		}
	})
}

// fillVectors computes the vector of every block i into rowOf(i), which
// must have NumFeatures values and may hold anything, and then calls
// done(i, row) if done is not nil.
func fillVectors(p *Page, rowOf func(i int) []float64, done func(i int, row []float64)) {
	n := len(p.Blocks)
	nf := len(schemaNames)
	if n == 0 {
		return
	}
	sc := vecScratchPool.Get().(*vecScratch)
	defer sc.keep()
	stats := zeroed(sc.stats, n)
	sc.stats = stats
	var totalWords, pageLinks float64
	longest, h1 := 0, -1
	// Containers are element numbers, -1 (none) to p.Elements-1; a slice
	// indexed by number+1 replaces a map. Sums run in block order either way.
	minC, maxC := -1, max(p.Elements-1, 0)
	for i := range p.Blocks {
		minC, maxC = min(minC, p.Blocks[i].Container), max(maxC, p.Blocks[i].Container)
	}
	containers := zeroed(sc.containers, maxC-minC+1)
	sc.containers = containers
	for i := range p.Blocks {
		b := &p.Blocks[i]
		stats[i] = computeTextStats(b)
		totalWords += float64(b.Words)
		pageLinks += float64(b.LinkWords)
		if b.Words > p.Blocks[longest].Words {
			longest = i
		}
		if h1 < 0 && b.Kind == KindHeading && b.Level == 1 {
			h1 = i
		}
		a := &containers[b.Container-minC]
		a.words += float64(b.Words)
		a.links += float64(b.LinkWords)
		a.blocks++
	}
	sameTag := sc.sameTagCounts(p.Blocks, minC, len(containers))
	sub := zeroed(sc.sub, max(p.Elements, 1))
	sc.sub = sub
	subtreeTotals(p, sub)
	top := topNode(sub)
	titleWords := tokenSet(p.Title)
	titleKeys := tokenKeys(titleWords)
	logWords, logBlocks := math.Log1p(totalWords), math.Log1p(float64(n))
	lb := &p.Blocks[longest]
	cumWords := 0.0
	low := sc.low // lower-cased text of the current block, reused
	defer func() { sc.low = low[:0] }()
	for i := range p.Blocks {
		b := &p.Blocks[i]
		row := rowOf(i)
		w := vecWriter{row: row}
		cur := stats[i]
		var prev, next textStats
		if i > 0 {
			prev = stats[i-1]
		}
		if i+1 < n {
			next = stats[i+1]
		}
		w.local(&cur)
		w.local(&prev)
		w.local(&next)

		w.put((cur.words + 1) / (prev.words + 1))
		w.put((cur.words + 1) / (next.words + 1))
		w.put((cur.density + 1) / (prev.density + 1))
		w.put((cur.density + 1) / (next.density + 1))

		var ww, wl float64
		for j := max(0, i-3); j <= min(n-1, i+3); j++ {
			if j != i {
				ww += float64(p.Blocks[j].Words)
				wl += float64(p.Blocks[j].LinkWords)
			}
		}
		w.put(ww)
		w.put(ratio(wl, ww))

		tag := b.Tag
		w.put(bool01(tag == "p"))
		w.put(bool01(b.Kind == KindHeading))
		w.put(float64(b.Level))
		w.put(bool01(b.Kind == KindListItem))
		w.put(bool01(tag == "td" || tag == "th"))
		w.put(bool01(tag == "div"))
		w.put(bool01(b.Kind == KindPre))
		w.put(bool01(tag == "blockquote"))
		w.put(bool01(b.Kind == KindCaption))
		w.put(bool01(b.Kind == KindText && tag != "div" && tag != "td" && tag != "th"))

		for _, f := range vectorFlags {
			w.put(bool01(b.Flags&f != 0))
		}
		for s := Signal(1); s < 1<<numSignals; s <<= 1 {
			w.put(bool01(b.SignalNear&s != 0))
		}
		for s := Signal(1); s < 1<<numSignals; s <<= 1 {
			w.put(bool01(b.SignalAny&s != 0))
		}

		w.put(float64(i) / float64(max(n-1, 1)))
		w.put(ratio(cumWords, totalWords))
		cumWords += float64(b.Words)
		w.put(float64(b.Depth))
		w.put(ratio(float64(b.Words), totalWords))
		c := &containers[b.Container-minC]
		w.put(ratio(c.words, totalWords))
		w.put(ratio(c.links, c.words))
		w.put(c.blocks)
		w.put(float64(i-longest) / float64(n))
		w.put(bool01(b.Container == lb.Container))
		w.put(sharedPrefix(b.Path, lb.Path))
		if h1 >= 0 {
			w.put(float64(i-h1) / float64(n))
		} else {
			w.put(0)
		}
		// titleOverlap and phraseHits read the lower-cased text of short
		// blocks only; lower it once for both.
		needTitle := len(titleWords) > 0 && len(b.Text) <= titleMaxBytes
		needPhrases := b.Words <= phraseMaxWords
		if needTitle || needPhrases {
			low = appendLower(low[:0], b.Text)
		}
		if needTitle {
			w.put(titleOverlapLower(low, titleWords, &titleKeys))
		} else {
			w.put(0)
		}
		if needPhrases {
			w.put(phraseHitsLower(low))
		} else {
			w.put(0)
		}
		w.put(logWords)
		w.put(logBlocks)

		for up := 3; up <= 4; up++ {
			if a := len(b.Ancestors) - up; a >= 0 {
				t := sub[b.Ancestors[a]]
				w.put(ratio(t.words, totalWords))
				w.put(ratio(t.links, t.words))
			} else {
				w.put(1)
				w.put(ratio(pageLinks, totalWords))
			}
		}
		below := -1
		for a := len(b.Ancestors) - 1; a >= 0; a-- {
			if b.Ancestors[a] == top {
				below = len(b.Ancestors) - 1 - a
				break
			}
		}
		w.put(bool01(below >= 0))
		w.put(ratio(sub[top].words, totalWords))
		w.put(float64(below))
		w.put(float64(b.Links))
		w.put(bool01(b.StartsWithLink))
		w.put(ratio(float64(sameTag[i]), c.blocks))
		if w.k != nf {
			panic("features: vector length does not match schema")
		}
		if done != nil {
			done(i, row)
		}
	}
}

// vectorFlags are the Flags features, in schema order.
var vectorFlags = [...]Flags{InList, InTable, InForm, InFigure, InHeader, InNav, InAside,
	InFooter, InArticle, InMain, InBlockquote, InLink}

// agg sums the blocks of one container.
type agg struct{ words, links, blocks float64 }

// vecWriter fills one vector in schema order.
type vecWriter struct {
	row []float64
	k   int
}

func (w *vecWriter) put(v float64) {
	w.row[w.k] = v
	w.k++
}

// local writes the local text features of one block, in localNames order.
func (w *vecWriter) local(st *textStats) {
	w.put(st.words)
	w.put(st.avgWordLen)
	w.put(st.avgSentLen)
	w.put(st.density)
	w.put(st.linkDensity)
	w.put(st.fullStops)
	w.put(st.upperShare)
	w.put(st.digitShare)
	w.put(st.punctShare)
	w.put(st.commas)
	w.put(st.endsPunct)
}

// sameTagCounts returns, for every block, the number of blocks with the
// same Container and Tag. Containers are numbered minC to minC+numC-1.
// The result is in sc's memory.
func (sc *vecScratch) sameTagCounts(blocks []Block, minC, numC int) []int {
	// Every container keeps a list of the distinct tags of its blocks
	// (few: only block-level elements have blocks), chained through tags
	// from head; list entries are numbered from 1, 0 ending a list.
	head := zeroed(sc.tagHead, numC)
	tags := sc.tags[:0]
	out := zeroed(sc.sameTag, len(blocks)) // first each block's list entry, then its count
	for i := range blocks {
		b := &blocks[i]
		h := &head[b.Container-minC]
		k := *h
		for k != 0 && tags[k-1].tag != b.Tag {
			k = tags[k-1].next
		}
		if k == 0 {
			tags = append(tags, tagCount{tag: b.Tag, next: *h})
			k = int32(len(tags))
			*h = k
		}
		tags[k-1].count++
		out[i] = int(k)
	}
	for i, k := range out {
		out[i] = tags[k-1].count
	}
	sc.tagHead, sc.tags, sc.sameTag = head, tags, out
	return out
}

// tagCount is an entry of sameTagCounts' lists.
type tagCount struct {
	tag   string
	count int
	next  int32
}

// vecScratch is the working memory of fillVectors, kept from page to page.
type vecScratch struct {
	stats      []textStats
	containers []agg
	sub        []subtotal
	sameTag    []int
	tagHead    []int32
	tags       []tagCount
	low        []byte
}

var vecScratchPool = sync.Pool{New: func() any { return new(vecScratch) }}

// maxVecScratch is the most values a vecScratch slice keeps for the next
// page; larger ones are left to the collector.
const maxVecScratch = 1 << 16

// keep returns sc to the pool, without its references to the page.
func (sc *vecScratch) keep() {
	clear(sc.tags)
	sc.stats = keepUpTo(sc.stats, maxVecScratch)
	sc.containers = keepUpTo(sc.containers, maxVecScratch)
	sc.sub = keepUpTo(sc.sub, maxVecScratch)
	sc.sameTag = keepUpTo(sc.sameTag, maxVecScratch)
	sc.tagHead = keepUpTo(sc.tagHead, maxVecScratch)
	sc.tags = keepUpTo(sc.tags, maxVecScratch)
	sc.low = keepUpTo(sc.low, maxVecScratch)
	vecScratchPool.Put(sc)
}

// keepUpTo is buf emptied, or nil if its capacity is over max.
func keepUpTo[T any](buf []T, max int) []T {
	if cap(buf) > max {
		return nil
	}
	return buf[:0]
}

// zeroed returns n zero values, in buf's memory if it has room.
func zeroed[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// subtotal is the words and words in links of every block inside one element.
type subtotal struct{ words, links, score float64 }

// subtreeTotals sums, for every block-level element, the words and link
// words of the blocks inside it, and a Readability-style content score: each
// block's words outside links count fully for the element enclosing the
// block element and half for the one above (Readability.js, grabArticle).
// sub must have max(p.Elements, 1) zero values, which it fills.
func subtreeTotals(p *Page, sub []subtotal) {
	for i := range p.Blocks {
		b := &p.Blocks[i]
		w, l := float64(b.Words), float64(b.LinkWords)
		for _, id := range b.Ancestors {
			if id >= 0 && id < len(sub) {
				sub[id].words += w
				sub[id].links += l
			}
		}
		if l*2 >= w {
			continue
		}
		for up, share := 2, 1.0; up <= 3; up, share = up+1, share/2 {
			if a := len(b.Ancestors) - up; a >= 0 && b.Ancestors[a] < len(sub) {
				sub[b.Ancestors[a]].score += share * (w - l)
			}
		}
	}
}

// topNode is the element with the highest content score: the region of the
// page where most unlinked prose sits. Ties go to the first element.
func topNode(sub []subtotal) int {
	best := 0
	for id := range sub {
		if sub[id].score > sub[best].score {
			best = id
		}
	}
	return best
}

func bool01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// ratio is a/b, or 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// sharedPrefix is the length of the common prefix of two tag paths over the
// longer one's length: 1 for siblings of the same kind, small for blocks in
// other parts of the page.
func sharedPrefix(a, b []string) float64 {
	m := min(len(a), len(b))
	k := 0
	for k < m && a[k] == b[k] {
		k++
	}
	return ratio(float64(k), float64(max(len(a), len(b))))
}

// tokenSet returns the lower-cased letter/digit tokens of s.
func tokenSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range strings.FieldsFunc(strings.ToLower(s), notAlnum) {
		set[t] = true
	}
	return set
}

// titleMaxBytes and phraseMaxWords bound the blocks titleOverlap and
// phraseHits look at.
const (
	titleMaxBytes  = 400
	phraseMaxWords = 30
)

// tokenKeys is the set of the tokenKey of every token of set.
func tokenKeys(set map[string]bool) byteSet {
	var keys byteSet
	for t := range set {
		keys.add(tokenKey(t))
	}
	return keys
}

// tokenKey is a one-byte digest of a non-empty token, from its length and
// its first and last bytes: a token whose key a set of tokens does not have
// is not in the set.
func tokenKey[S ~string | ~[]byte](t S) byte {
	return byte(len(t))*29 + t[0] + t[len(t)-1]*3
}

// byteSet is a set of byte values.
type byteSet [4]uint64

func (s *byteSet) add(c byte) { s[c>>6] |= 1 << (c & 63) }

func (s *byteSet) has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }

// titleOverlapLower is the share of a block's tokens that appear in the page
// title (headlines score near 1), over text already lower-cased by
// appendLower: the tokens are those of strings.FieldsFunc(low, notAlnum).
// Blocks over titleMaxBytes are not scored: a headline is never that long.
// keys is tokenKeys(title): a token whose key is not in it is not looked up.
func titleOverlapLower(low []byte, title map[string]bool, keys *byteSet) float64 {
	toks, hit := 0, 0
	start := -1
	end := func(i int) {
		if start >= 0 {
			toks++
			if tok := low[start:i]; keys.has(tokenKey(tok)) && title[string(tok)] {
				hit++
			}
			start = -1
		}
	}
	for i := 0; i < len(low); {
		var alnum bool
		n := 1
		if c := low[i]; c < utf8.RuneSelf {
			alnum = asciiClass[c] == classAlnum
		} else {
			var r rune
			r, n = utf8.DecodeRune(low[i:])
			alnum = !notAlnum(r)
		}
		if !alnum {
			end(i)
		} else if start < 0 {
			start = i
		}
		i += n
		if toks > 40 {
			return 0
		}
	}
	end(len(low))
	if toks == 0 || toks > 40 {
		return 0
	}
	return float64(hit) / float64(toks)
}

// phraseHitsLower counts boilerplate phrases in text lower-cased by
// appendLower: the number of phrases p with bytes.Contains(low, p). Callers
// score 0 for blocks over phraseMaxWords words, since a story may well
// mention "privacy" or "Twitter".
func phraseHitsLower(low []byte) float64 {
	// One pass over the text: at each byte, only the phrases that start
	// with it and its successor, and are not found yet, are compared.
	var found uint64
	for i := 0; i+1 < len(low); i++ {
		for m := phraseFirst[low[i]] & phraseSecond[low[i+1]] &^ found; m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m)
			if bytes.HasPrefix(low[i:], boilerplateBytes[k]) {
				found |= 1 << k
			}
		}
	}
	return float64(bits.OnesCount64(found))
}

// boilerplateBytes are boilerplatePhrases as byte slices.
var boilerplateBytes = func() [][]byte {
	out := make([][]byte, len(boilerplatePhrases))
	for i, ph := range boilerplatePhrases {
		out[i] = []byte(ph)
	}
	return out
}()

// phraseFirst and phraseSecond are, for every byte value, the set of
// boilerplatePhrases (bit i for phrase i) whose first, respectively second,
// byte it is. Every phrase has at least two bytes and there are at most 64.
var phraseFirst, phraseSecond = func() (first, second [256]uint64) {
	if len(boilerplatePhrases) > 64 {
		panic("features: more than 64 boilerplate phrases")
	}
	for i, ph := range boilerplatePhrases {
		if len(ph) < 2 {
			panic("features: boilerplate phrase shorter than two bytes")
		}
		first[ph[0]] |= 1 << i
		second[ph[1]] |= 1 << i
	}
	return first, second
}()

// appendLower appends the bytes of strings.ToLower(s) to dst, without
// allocating a string: ASCII bytes are lowered in place, other runes
// through unicode.ToLower, and invalid bytes become U+FFFD, as strings.Map
// does.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			// Copy the run of ASCII at once, then lower it.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			start := len(dst)
			dst = append(dst, s[i:j]...)
			for k := start; k < len(dst); k++ {
				dst[k] = lowerASCIITable[dst[k]]
			}
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// lowerASCIITable maps every byte to itself but A-Z to a-z.
var lowerASCIITable = func() (t [256]byte) {
	for c := range 256 {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()
