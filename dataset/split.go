package dataset

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
)

// Splits are by site, never by block or page: a model is judged on sites it
// has never seen. The unit is the site's registrable domain (siteKey), so
// news.bbc.co.uk and bbc.co.uk fall on the same side, and a site keeps one
// side across sets (CleanEval-Victor's pages are CleanEval pages).
//
// Sets are assigned in AllSetNames order; within a set the sites not yet
// placed are taken in the order of a seeded hash of their name. The result
// depends only on the pages, the fraction and the seed, not on the order
// of the input.

// siteKey is the unit of splitting: the registrable domain of the site.
func siteKey(p *LabelledPage) string {
	if p.Site == "" {
		return p.Set + ":" + p.ID
	}
	return registrable(p.Site)
}

// siteOrder returns the sites of pages in seeded-hash order with their
// page counts.
func siteOrder(pages []*LabelledPage, seed uint64) ([]string, map[string]int) {
	count := map[string]int{}
	for _, p := range pages {
		count[siteKey(p)]++
	}
	sites := make([]string, 0, len(count))
	for s := range count {
		sites = append(sites, s)
	}
	rank := make(map[string]uint64, len(sites))
	for _, s := range sites {
		h := fnv.New64a()
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], seed)
		h.Write(b[:])
		h.Write([]byte(s))
		rank[s] = h.Sum64()
	}
	slices.SortFunc(sites, func(a, b string) int {
		if rank[a] != rank[b] {
			if rank[a] < rank[b] {
				return -1
			}
			return 1
		}
		if a < b {
			return -1
		}
		return 1
	})
	return sites, count
}

// bySet groups pages by set, sets in AllSetNames order then any others by name.
func bySet(pages []*LabelledPage) [][]*LabelledPage {
	groups := map[string][]*LabelledPage{}
	var names []string
	for _, p := range pages {
		if groups[p.Set] == nil {
			names = append(names, p.Set)
		}
		groups[p.Set] = append(groups[p.Set], p)
	}
	order := SetNames()
	slices.SortFunc(names, func(a, b string) int {
		ia, ib := slices.Index(order, a), slices.Index(order, b)
		if ia < 0 {
			ia = len(order)
		}
		if ib < 0 {
			ib = len(order)
		}
		if ia != ib {
			return ia - ib
		}
		if a < b {
			return -1
		}
		return 1
	})
	out := make([][]*LabelledPage, len(names))
	for i, n := range names {
		out[i] = groups[n]
	}
	return out
}

// Split divides pages into train and test by site. In each set, sites are
// drawn in seeded order into the test side until it holds testFrac of the
// set's pages; every set with at least two sites gets both sides. A site
// already placed by an earlier set keeps its side. Pages keep their input
// order within each side. The default split of winnow train is
// Split(pages, 0.2, 1).
func Split(pages []*LabelledPage, testFrac float64, seed uint64) (train, test []*LabelledPage) {
	side := map[string]bool{} // true: test
	for _, set := range bySet(pages) {
		sites, count := siteOrder(set, seed)
		target := int(math.Round(testFrac * float64(len(set))))
		nTest, nTrain := 0, 0
		var fresh []string
		for _, s := range sites {
			t, ok := side[s]
			switch {
			case !ok:
				fresh = append(fresh, s)
			case t:
				nTest += count[s]
			default:
				nTrain += count[s]
			}
		}
		for _, s := range fresh {
			t := nTest < target
			side[s] = t
			if t {
				nTest += count[s]
			} else {
				nTrain += count[s]
			}
		}
		// Both sides for every set that can have them, from its own sites.
		if len(fresh) > 0 && len(sites) >= 2 && testFrac > 0 && testFrac < 1 {
			if nTest == 0 {
				side[fresh[0]] = true
			}
			if nTrain == 0 {
				side[fresh[len(fresh)-1]] = false
			}
		}
	}
	for _, p := range pages {
		if side[siteKey(p)] {
			test = append(test, p)
		} else {
			train = append(train, p)
		}
	}
	return train, test
}

// SplitSets returns the sets, besides sets, whose pages Split needs to place
// the sites of sets as it does over the pages of the sets trained: Split
// places a site by the first set, in SetNames order, that has it, and
// sizes each set's test side after the sites earlier sets placed, so the
// split of a set depends on the trainable sets before it in trained.
func SplitSets(sets, trained []string) []string {
	last := -1
	for _, s := range sets {
		if Trainable(s) {
			last = max(last, slices.Index(SetNames(), s))
		}
	}
	var extra []string
	for i, s := range SetNames() {
		if i < last && Trainable(s) && slices.Contains(trained, s) && !slices.Contains(sets, s) {
			extra = append(extra, s)
		}
	}
	return extra
}

// LoadHeldBack loads the pages of sets that HeldBack keeps (with testFrac
// and seed) for a model trained on the sets trained: the sets before them
// that Split needs to place their sites (SplitSets) are read too, then left
// out. The corpus's Skipped are those of sets.
func LoadHeldBack(dir string, sets, trained []string, testFrac float64, seed uint64) (*Corpus, error) {
	all, err := Load(dir, Options{Sets: append(slices.Clone(sets), SplitSets(sets, trained)...)})
	if err != nil {
		return nil, err
	}
	out := &Corpus{}
	for _, s := range all.Skipped {
		if slices.Contains(sets, s.Set) {
			out.Skipped = append(out.Skipped, s)
		}
	}
	for _, p := range HeldBack(all.Pages, testFrac, seed) {
		if slices.Contains(sets, p.Set) {
			out.Pages = append(out.Pages, p)
		}
	}
	return out, nil
}

// HeldBack returns the pages an evaluation on held-back sites scores: the
// test side of Split over the trainable pages (see Trainable), as winnow
// train splits them, and every page of a regression set, which is never
// trained on. Pages keep their input order.
func HeldBack(pages []*LabelledPage, testFrac float64, seed uint64) []*LabelledPage {
	var trainable []*LabelledPage
	for _, p := range pages {
		if Trainable(p.Set) {
			trainable = append(trainable, p)
		}
	}
	_, test := Split(trainable, testFrac, seed)
	keep := make(map[*LabelledPage]bool, len(test))
	for _, p := range test {
		keep[p] = true
	}
	var out []*LabelledPage
	for _, p := range pages {
		if keep[p] || !Trainable(p.Set) {
			out = append(out, p)
		}
	}
	return out
}

// Folds divides pages into k site-disjoint folds for cross-validation. In
// each set, sites are taken in seeded order and each goes to the fold that
// holds the fewest of the set's pages so far, so every set is spread over
// the folds as evenly as its sites allow. A site already placed by an
// earlier set stays in its fold. Pages keep their input order within a
// fold. Folds panics if k < 2.
func Folds(pages []*LabelledPage, k int, seed uint64) [][]*LabelledPage {
	if k < 2 {
		panic("dataset: Folds needs k >= 2")
	}
	fold := map[string]int{}
	for _, set := range bySet(pages) {
		sites, count := siteOrder(set, seed)
		size := make([]int, k)
		for _, s := range sites {
			if f, ok := fold[s]; ok {
				size[f] += count[s]
			}
		}
		for _, s := range sites {
			if _, ok := fold[s]; ok {
				continue
			}
			best := 0
			for f := range size {
				if size[f] < size[best] {
					best = f
				}
			}
			fold[s] = best
			size[best] += count[s]
		}
	}
	out := make([][]*LabelledPage, k)
	for _, p := range pages {
		f := fold[siteKey(p)]
		out[f] = append(out[f], p)
	}
	return out
}

// SetsOf lists the distinct sets of pages, in order of first appearance.
func SetsOf(pages []*LabelledPage) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range pages {
		if !seen[p.Set] {
			seen[p.Set] = true
			out = append(out, p.Set)
		}
	}
	return out
}

// Sample draws pages in an order drawn with seed until they hold maxRows
// training rows (blocks labelled Content or Boilerplate), and returns them
// in that order: exactly maxRows rows, or every page when they hold fewer.
// The last page drawn is cut to fit: it is a copy whose labels after its
// first rows that fit are Unknown, so that its other blocks are no model's
// training rows (RoleLabels is Unknown where Labels is, so the role heads
// leave them out too); its Page is shared, and so its blocks' features are
// the whole page's. The pages given are not changed.
func Sample(pages []*LabelledPage, maxRows int, seed uint64) []*LabelledPage {
	order := rand.New(rand.NewPCG(seed, 0x5eed)).Perm(len(pages))
	var out []*LabelledPage
	n := 0
	for _, i := range order {
		if n >= maxRows {
			break
		}
		p := pages[i]
		rows := 0
		for _, l := range p.Labels {
			if l == Content || l == Boilerplate {
				rows++
			}
		}
		if n+rows > maxRows {
			p = cutRows(p, maxRows-n)
			rows = maxRows - n
		}
		out = append(out, p)
		n += rows
	}
	return out
}

// cutRows returns a copy of p whose labels after its first keep training
// rows are Unknown.
func cutRows(p *LabelledPage, keep int) *LabelledPage {
	c := *p
	c.Labels = slices.Clone(p.Labels)
	for i, l := range c.Labels {
		if l != Content && l != Boilerplate {
			continue
		}
		if keep > 0 {
			keep--
			continue
		}
		c.Labels[i] = Unknown
	}
	return &c
}
