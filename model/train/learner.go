package train

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/winnow-dev/winnow/model"
)

// Fit trains the histogram CART trainer on the rows X (each of
// len(s.Names) values, in schema order) with labels y and returns the model.
// It is the fast path behind TreeLearner.Fit, without golearn grids. The
// fields cfg leaves at 0 get winnow train's defaults for the cart trainer: a
// bagged forest of DefaultForestTrees trees of depth DefaultMaxDepth,
// DefaultMaxFeatures split candidates per node and DefaultMinLeaf(len(X))
// rows per leaf; Trees 1 grows a single tree on all rows, with all
// features unless MaxFeatures says otherwise.
//
// Each feature is first cut into at most cfg.Bins quantile bins (cut points
// from all rows, or from 131072 evenly spaced rows of larger sets); splits are
// searched on per-node class histograms of the bins and maximise the
// (class-weighted) impurity decrease, ties going to the lowest feature index
// and then the lowest bin. A split sends x < threshold left. NaN is treated
// as missing and always goes right, in training and in prediction; ±Inf are
// ordinary values. The result is a deterministic function of (s, X, y, cfg
// minus Workers): the same inputs give a byte-identical model file.
//
// Fit does not keep or modify X or y. It returns an error for empty or
// ragged input, labels other than Boilerplate and Content, an invalid
// schema, an invalid cfg (one with a WeightFeature or an OffsetFeature among them), or trees above model.MaxNodes nodes in total (a very
// large forest).
func Fit(s model.Schema, X [][]float64, y []model.Label, cfg model.Config) (*model.Model, error) {
	nf := len(s.Names)
	counts, err := checkInput(s, X, y)
	if err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	cfg, err = resolve(defaults(TrainerCART, cfg, len(X)), nf)
	if err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	if err := boostOnly(cfg, "FitBoost"); err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	cfg = balance(cfg, counts)
	d := binRows(X, y, nf, cfg.Bins, cfg.Workers)
	if err := d.exclude(s, cfg.Exclude); err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	trees := growForest(d, cfg)
	params := cfg
	params.Workers = 0
	m, err := model.New(s, TrainerCART, params, trees)
	if err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	return m, nil
}

// checkInput validates the schema and the training rows and returns the
// class counts.
func checkInput(s model.Schema, X [][]float64, y []model.Label) ([2]int, error) {
	if err := s.Validate(); err != nil {
		return [2]int{}, err
	}
	return checkRows(X, y, len(s.Names))
}

// checkRows validates the training rows and returns the class counts.
func checkRows(X [][]float64, y []model.Label, nf int) ([2]int, error) {
	var counts [2]int
	if len(X) == 0 {
		return counts, fmt.Errorf("no training rows")
	}
	if len(X) != len(y) {
		return counts, fmt.Errorf("%d rows but %d labels", len(X), len(y))
	}
	if int64(len(X)) >= 1<<31 {
		return counts, fmt.Errorf("%d rows, more than 2³¹-1", len(X))
	}
	for i, row := range X {
		if len(row) != nf {
			return counts, fmt.Errorf("row %d has %d values, schema has %d features", i, len(row), nf)
		}
		if y[i] > model.Content {
			return counts, fmt.Errorf("row %d: unknown label %d", i, y[i])
		}
		counts[y[i]]++
	}
	return counts, nil
}

// grower grows one tree depth-first; node indices are assigned in preorder.
// When every node considers all features it keeps a class histogram per
// node and derives the larger child's histogram by subtracting the
// smaller's from the parent's, so each level costs about half a pass over
// the rows; with per-node feature draws it builds the drawn features'
// histograms directly.
type grower struct {
	d       *binned
	nf      int
	cfg     model.Config
	sc      scorer
	workers int
	rng     *rand.Rand // feature draws; nil when all features are used
	rows    []int32    // in-bag rows, partitioned in place node by node
	tmp     []int32
	mult    []uint32 // bootstrap multiplicity per row; nil = 1 each
	tree    model.Tree
	pool    [][]uint32
	perm    []int
	// per-feature results of the parallel child pass
	bestA, bestB []split
}

func newGrower(d *binned, cfg model.Config, t, workers int) *grower {
	nf := len(d.codes)
	g := &grower{
		d: d, nf: nf, cfg: cfg, workers: workers,
		sc: scorer{crit: cfg.Criterion, cw: cfg.ClassWeight, minLeaf: uint64(cfg.MinLeaf)},
	}
	var rng *rand.Rand
	if cfg.Trees > 1 || cfg.MaxFeatures < nf {
		rng = rand.New(rand.NewPCG(cfg.Seed, uint64(t)))
	}
	if cfg.Trees > 1 {
		g.mult, g.rows = bootstrap(d.n, rng)
	} else {
		g.rows = make([]int32, d.n)
		for i := range g.rows {
			g.rows[i] = int32(i)
		}
	}
	g.tmp = make([]int32, len(g.rows))
	if cfg.MaxFeatures < nf {
		g.rng = rng
		g.perm = make([]int, nf)
	} else {
		g.bestA, g.bestB = make([]split, nf), make([]split, nf)
	}
	return g
}

// task is a node waiting to be grown: its rows are g.rows[lo:hi], raw class
// counts cnt. In subtraction mode hist is its histogram (all features) and
// best its best split, computed by the parent's pass.
type task struct {
	lo, hi, depth int
	cnt           [2]uint64
	hist          []uint32
	best          split
}

func (g *grower) grow() model.Tree {
	var cnt [2]uint64
	for _, r := range g.rows {
		cnt[g.d.y[r]] += g.m(r)
	}
	root := task{lo: 0, hi: len(g.rows), cnt: cnt}
	if g.rng == nil && g.splittable(root) {
		root.hist = g.getHist()
		parent := g.parentPurity(cnt)
		g.parallel(len(g.rows)*g.nf, func(f int) {
			h := root.hist[f*histStride : (f+1)*histStride]
			g.d.buildHist(h, f, g.rows, g.mult)
			g.bestA[f] = g.sc.best(h, f, len(g.d.cuts[f]), cnt, parent)
		})
		root.best = reduce(g.bestA)
	}
	g.node(root)
	return g.tree
}

func (g *grower) m(r int32) uint64 {
	if g.mult == nil {
		return 1
	}
	return uint64(g.mult[r])
}

func (g *grower) splittable(t task) bool {
	return t.depth < g.cfg.MaxDepth && t.cnt[0] > 0 && t.cnt[1] > 0 &&
		t.cnt[0]+t.cnt[1] >= 2*uint64(g.cfg.MinLeaf)
}

func (g *grower) parentPurity(c [2]uint64) float64 {
	c0, c1 := g.sc.weigh(c)
	return g.sc.purity(c0, c1)
}

// node grows the subtree of t and returns its index.
func (g *grower) node(t task) int32 {
	c0, c1 := g.sc.weigh(t.cnt)
	id := addLeaf(&g.tree, [2]float64{c0, c1})
	if !g.splittable(t) {
		g.putHist(t.hist)
		return id
	}
	if g.rng != nil {
		t.best = g.drawAndSearch(t)
	}
	b := t.best
	if !b.ok {
		g.putHist(t.hist)
		return id
	}
	setSplit(&g.tree, id, b.feature, g.d.cuts[b.feature][b.bin])
	nl := g.partition(t.lo, t.hi, b.feature, b.bin)
	left := task{lo: t.lo, hi: t.lo + nl, depth: t.depth + 1, cnt: b.left}
	right := task{lo: t.lo + nl, hi: t.hi, depth: t.depth + 1,
		cnt: [2]uint64{t.cnt[0] - b.left[0], t.cnt[1] - b.left[1]}}
	if g.rng == nil {
		g.childHists(t.hist, &left, &right)
	}
	l := g.node(left)
	r := g.node(right)
	g.tree.Left[id], g.tree.Right[id] = l, r
	return id
}

// childHists gives the children of a node with histogram ph their
// histograms and best splits, for the children that can split: it builds the
// histogram of the child with fewer rows and subtracts it from ph (reused)
// for the other.
func (g *grower) childHists(ph []uint32, left, right *task) {
	small, large := left, right
	if right.hi-right.lo < left.hi-left.lo {
		small, large = right, left
	}
	ss, ls := g.splittable(*small), g.splittable(*large)
	if !ss && !ls {
		g.putHist(ph)
		return
	}
	sh := g.getHist()
	sp, lp := g.parentPurity(small.cnt), g.parentPurity(large.cnt)
	rows := g.rows[small.lo:small.hi]
	g.parallel(len(rows)*g.nf, func(f int) {
		a, b := f*histStride, (f+1)*histStride
		s, p := sh[a:b], ph[a:b]
		g.d.buildHist(s, f, rows, g.mult)
		nb := len(g.d.cuts[f])
		if ss {
			g.bestA[f] = g.sc.best(s, f, nb, small.cnt, sp)
		}
		if ls {
			g.d.subtractHist(p, s, f)
			g.bestB[f] = g.sc.best(p, f, nb, large.cnt, lp)
		}
	})
	if ss {
		small.hist, small.best = sh, reduce(g.bestA)
	} else {
		g.putHist(sh)
	}
	if ls {
		large.hist, large.best = ph, reduce(g.bestB)
	} else {
		g.putHist(ph)
	}
}

// drawAndSearch draws cfg.MaxFeatures features for node t, builds their
// histograms and returns the best split among them.
func (g *grower) drawAndSearch(t task) split {
	for i := range g.perm {
		g.perm[i] = i
	}
	k := g.cfg.MaxFeatures
	for i := range k {
		j := i + g.rng.IntN(g.nf-i)
		g.perm[i], g.perm[j] = g.perm[j], g.perm[i]
	}
	feats := g.perm[:k]
	slices.Sort(feats)
	h := g.getHist()
	defer g.putHist(h)
	rows := g.rows[t.lo:t.hi]
	parent := g.parentPurity(t.cnt)
	var b split
	for _, f := range feats {
		hf := h[:histStride]
		g.d.buildHist(hf, f, rows, g.mult)
		if s := g.sc.best(hf, f, len(g.d.cuts[f]), t.cnt, parent); s.better(b) {
			b = s
		}
	}
	return b
}

// reduce returns the best of per-feature splits, ties to the lowest feature.
func reduce(s []split) split {
	var b split
	for _, c := range s {
		if c.better(b) {
			b = c
		}
	}
	return b
}

// partition reorders g.rows[lo:hi] stably so that rows with code <= bin on
// feature f come first, and returns how many they are.
func (g *grower) partition(lo, hi, f, bin int) int {
	rows, col := g.rows[lo:hi], g.d.codes[f]
	w, k := 0, 0
	for _, r := range rows {
		if int(col[r]) <= bin {
			rows[w] = r
			w++
		} else {
			g.tmp[k] = r
			k++
		}
	}
	copy(rows[w:], g.tmp[:k])
	return w
}

// parallelMin is the least work (rows × features) worth fanning out.
const parallelMin = 1 << 15

// parallel runs fn(f) for every feature f, over g.workers goroutines when
// work is large enough. Each fn call must touch only feature f's data.
func (g *grower) parallel(work int, fn func(f int)) {
	w := min(g.workers, g.nf)
	if w <= 1 || work < parallelMin {
		for f := range g.nf {
			fn(f)
		}
		return
	}
	var wg sync.WaitGroup
	for i := range w {
		wg.Go(func() {
			for f := i; f < g.nf; f += w {
				fn(f)
			}
		})
	}
	wg.Wait()
}

func (g *grower) getHist() []uint32 {
	if n := len(g.pool); n > 0 {
		h := g.pool[n-1]
		g.pool = g.pool[:n-1]
		return h
	}
	size := g.nf * histStride
	if g.rng != nil {
		size = histStride
	}
	return make([]uint32, size)
}

func (g *grower) putHist(h []uint32) {
	if h != nil {
		g.pool = append(g.pool, h)
	}
}
