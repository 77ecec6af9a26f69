package train

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/winnow-dev/winnow/model"
)

// FitBoost trains gradient-boosted oblivious trees on the rows X (each of
// len(s.Names) values, in schema order) with labels y and returns the
// model: cfg.Trees rounds (DefaultBoostTrees when 0) of Newton boosting on
// the logistic loss, each round one oblivious tree of at most cfg.MaxDepth
// levels (DefaultBoostDepth when 0, at most MaxBoostDepth). The other fields
// left at 0 get winnow train's defaults too (DefaultBoostMinLeaf,
// DefaultLearningRate, DefaultL2, DefaultBins), so that FitBoost with a
// zero Config trains the model winnow train does on the same rows (with
// BlendDepths set to DefaultBlendDepths, its content model).
//
// An oblivious tree asks the same question of every node of a level, so a
// tree of depth d is d tests and 2^d leaves, and prediction computes a
// leaf's index from d independent comparisons instead of following a chain
// of nodes. Each level takes the test, over the same quantile bins as Fit,
// that maximises the summed second-order gain of its nodes; a node's split
// counts only if both sides keep at least cfg.MinLeaf rows, and a tree stops
// growing when no test gains. A leaf's score is
// -LearningRate·G/(H+L2), with G and H the sums of the loss's gradients
// and Hessians (class-weighted) of its rows; P(content) is the logistic
// function of the summed scores plus the prior log-odds. With
// cfg.WeightFeature set, each row's gradient and Hessian are weighed by
// that feature's value plus one (see model.Config), the prior too.
//
// With cfg.BlendDepths, boosting runs once per depth listed on the same
// bins and the model is the members' mean in log-odds (see model.Config).
//
// Boosting uses no randomness: cfg.Seed, cfg.MaxFeatures and
// cfg.Criterion are recorded but not used. Like Fit, the result is a
// deterministic function of (s, X, y, cfg minus Workers), and the same
// errors are returned.
func FitBoost(s model.Schema, X [][]float64, y []model.Label, cfg model.Config) (*model.Model, error) {
	nf := len(s.Names)
	counts, err := checkInput(s, X, y)
	if err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	cfg = defaults(TrainerBoost, cfg, len(X))
	if err := checkBoost(cfg); err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	cfg, err = resolve(cfg, nf)
	if err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	cfg.MaxFeatures = nf
	cfg = balance(cfg, counts)
	rw, err := rowWeights(s, X, cfg.WeightFeature)
	if err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	d := binRows(X, y, nf, cfg.Bins, cfg.Workers)
	if err := d.exclude(s, cfg.Exclude); err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	var off []float64
	if f := cfg.OffsetFeature; f != "" {
		k := slices.Index(s.Names, f)
		if k < 0 {
			return nil, fmt.Errorf("fit: offset feature %q is not in the schema", f)
		}
		off = make([]float64, len(X))
		for i, row := range X {
			off[i] = model.Logit(row[k])
		}
	}
	depths := cfg.BlendDepths
	if len(depths) == 0 {
		depths = []int{cfg.MaxDepth}
	}
	trees := make([]model.Tree, 0, cfg.Trees*len(depths))
	var base float64
	for _, depth := range depths {
		c := cfg
		c.MaxDepth = depth
		b := newBooster(d, c, rw, off)
		for range cfg.Trees {
			trees = append(trees, b.round())
		}
		base += b.base
	}
	if k := float64(len(depths)); k > 1 {
		for _, t := range trees {
			for i := range t.Value {
				t.Value[i] /= k
			}
		}
		base /= k
	}
	params := cfg
	params.Workers = 0
	m, err := model.NewBoosted(s, TrainerBoost, params, trees, base)
	if err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	return m, nil
}

// booster holds the state of boosting: every row's summed score so far and
// its current gradient, Hessian and leaf position.
type booster struct {
	d    *binned
	cfg  model.Config
	w    []float64 // weight of each row: its class weight times its row weight
	base float64   // prior log-odds
	f    []float64 // base + scores of the trees so far
	g, h []float64
	pos  []uint32 // node of the row within the current level
	// hist[f] is feature f's histogram for the current level: per node,
	// per bin (value bins, then one for NaN), gradient, Hessian and rows.
	hist [][]float64
}

// newBooster starts boosting on d; rw weighs each row (nil: every row 1).
func newBooster(d *binned, cfg model.Config, rw, off []float64) *booster {
	b := &booster{d: d, cfg: cfg, w: make([]float64, d.n), f: make([]float64, d.n),
		g: make([]float64, d.n), h: make([]float64, d.n), pos: make([]uint32, d.n),
		hist: make([][]float64, len(d.codes))}
	var wy [2]float64
	for i, l := range d.y {
		b.w[i] = cfg.ClassWeight[l]
		if rw != nil {
			b.w[i] *= rw[i]
		}
		wy[l] += b.w[i]
	}
	// The prior, smoothed by half a row each way so that a single-class
	// set still has finite log-odds.
	b.base = math.Log((wy[1] + 0.5) / (wy[0] + 0.5))
	for i := range b.f {
		b.f[i] = b.base
	}
	if off != nil {
		b.base = 0
		copy(b.f, off)
	}
	return b
}

// bins is the number of histogram bins of feature f: its value bins and
// one for NaN, last.
func (b *booster) bins(f int) int { return len(b.d.cuts[f]) + 2 }

// level is the test of one level of an oblivious tree: rows with code <=
// bin on feature go left.
type level struct {
	feature, bin int
	gain         float64
}

// round grows one tree on the current gradients, adds its scores to every
// row and returns it.
func (b *booster) round() model.Tree {
	for i, fi := range b.f {
		p := 1 / (1 + math.Exp(-fi))
		b.g[i] = b.w[i] * (p - float64(b.d.y[i]))
		b.h[i] = b.w[i] * max(p*(1-p), 1e-12)
		b.pos[i] = 0
	}
	var levels []level
	for depth := 0; depth < b.cfg.MaxDepth; depth++ {
		lv, ok := b.bestLevel(1 << depth)
		if !ok {
			break
		}
		levels = append(levels, lv)
		col := b.d.codes[lv.feature]
		for i, p := range b.pos {
			var right uint32
			if int(col[i]) > lv.bin {
				right = 1
			}
			b.pos[i] = p<<1 | right
		}
	}
	leaves := 1 << len(levels)
	G, H := make([]float64, leaves), make([]float64, leaves)
	cnt := make([][2]float64, leaves)
	for i, p := range b.pos {
		G[p] += b.g[i]
		H[p] += b.h[i]
		cnt[p][b.d.y[i]] += b.w[i]
	}
	val := make([]float64, leaves)
	for k := range val {
		val[k] = -b.cfg.LearningRate * G[k] / (H[k] + b.cfg.L2)
	}
	for i, p := range b.pos {
		b.f[i] += val[p]
	}
	return b.obliviousTree(levels, val, cnt)
}

// bestLevel builds the level's histograms, nodes nodes per feature, and
// returns the test with the largest summed gain, ties to the lowest
// feature and bin; ok is false if no test gains. Workers take the features
// in groups, so that each row's gradient, Hessian and node are read once
// per group rather than once per feature.
func (b *booster) bestLevel(nodes int) (best level, ok bool) {
	const group = 8
	nf := len(b.d.codes)
	found := make([]level, nf)
	var wg sync.WaitGroup
	next := make(chan int, nf/group+1)
	for f := 0; f < nf; f += group {
		next <- f
	}
	close(next)
	for range min(b.cfg.Workers, (nf+group-1)/group) {
		wg.Go(func() {
			for f0 := range next {
				f1 := min(f0+group, nf)
				b.fillHists(f0, f1, nodes)
				for f := f0; f < f1; f++ {
					found[f] = b.bestOn(f, nodes)
				}
			}
		})
	}
	wg.Wait()
	best.feature = -1
	for _, lv := range found {
		if lv.feature >= 0 && (best.feature < 0 || lv.gain > best.gain) {
			best = lv
		}
	}
	return best, best.feature >= 0 && best.gain > 0
}

// fillHists fills the histograms of features f0..f1-1 for a level of nodes
// nodes: per node, per bin (value bins, then NaN), the sums of gradient,
// Hessian and rows.
func (b *booster) fillHists(f0, f1, nodes int) {
	for f := f0; f < f1; f++ {
		n := 3 * nodes * b.bins(f)
		if cap(b.hist[f]) < n {
			b.hist[f] = make([]float64, n)
		}
		b.hist[f] = b.hist[f][:n]
		clear(b.hist[f])
	}
	type col struct {
		codes []uint8
		hist  []float64
		nb    int
	}
	cols := make([]col, 0, f1-f0)
	for f := f0; f < f1; f++ {
		cols = append(cols, col{b.d.codes[f][:len(b.pos)], b.hist[f], b.bins(f)})
	}
	for i, p := range b.pos {
		g, h := b.g[i], b.h[i]
		for j := range cols {
			c := &cols[j]
			s := int(c.codes[i])
			if s == nanCode {
				s = c.nb - 1
			}
			k := 3 * (int(p)*c.nb + s)
			hf := c.hist[k : k+3 : k+3]
			hf[0] += g
			hf[1] += h
			hf[2]++
		}
	}
}

// bestOn returns feature f's best test from its histogram (feature -1 if
// none gains).
func (b *booster) bestOn(f, nodes int) level {
	nb := b.bins(f)
	h := b.hist[f]
	lam, minLeaf := b.cfg.L2, float64(b.cfg.MinLeaf)
	// gains[bin] sums the gains of the nodes that may split there.
	gains := make([]float64, nb-2)
	for node := range nodes {
		hn := h[3*node*nb : 3*(node+1)*nb]
		var G, H, N float64
		for k := 0; k < len(hn); k += 3 {
			G, H, N = G+hn[k], H+hn[k+1], N+hn[k+2]
		}
		if N < 2*minLeaf {
			continue
		}
		parent := G * G / (H + lam)
		var gl, hl, nl float64
		for bin := range gains {
			gl, hl, nl = gl+hn[3*bin], hl+hn[3*bin+1], nl+hn[3*bin+2]
			if nl < minLeaf || N-nl < minLeaf {
				continue
			}
			gr, hr := G-gl, H-hl
			if g := gl*gl/(hl+lam) + gr*gr/(hr+lam) - parent; g > 0 {
				gains[bin] += g
			}
		}
	}
	best := level{feature: -1}
	for bin, g := range gains {
		if g > 0 && (best.feature < 0 || g > best.gain) {
			best = level{feature: f, bin: bin, gain: g}
		}
	}
	return best
}

// obliviousTree writes the levels as a complete tree in the file layout, in
// preorder (left subtree first), leaves scored val and counted cnt; leaf k
// is reached by the path whose tests, root first, read the bits of k from
// the highest (1 = right).
func (b *booster) obliviousTree(levels []level, val []float64, cnt [][2]float64) model.Tree {
	t := model.Tree{Value: []float64{}}
	var walk func(depth, k int) [2]float64
	walk = func(depth, k int) [2]float64 {
		if depth == len(levels) {
			i := addLeaf(&t, cnt[k])
			t.Value[i] = val[k]
			return cnt[k]
		}
		i := addLeaf(&t, [2]float64{})
		lv := levels[depth]
		setSplit(&t, i, lv.feature, b.d.cuts[lv.feature][lv.bin])
		t.Left[i] = int32(len(t.Feature))
		l := walk(depth+1, 2*k)
		t.Right[i] = int32(len(t.Feature))
		r := walk(depth+1, 2*k+1)
		c := [2]float64{l[0] + r[0], l[1] + r[1]}
		t.Counts[i] = c
		return c
	}
	walk(0, 0)
	return t
}
