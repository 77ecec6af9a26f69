package model

import "unsafe"

// The oblivious layout. Every node of a level of an oblivious tree (see
// model/train's FitBoost) asks the same question, so the leaf a vector reaches is the
// number whose bits, from the highest, are the answers of the levels, root
// first (1 = left, x < thr): the tests are independent of each other, with
// no chain of node loads, and each answer becomes a bit without a branch
// (a comparison with NaN is false, so NaN goes right as elsewhere).
//
// Trees of depth at most six, the boosted trainer's default, are also laid
// out at depth exactly six (a shallower tree gets extra levels whose two
// sides lead to the same score), so that the walks can be unrolled.

// maxOblDepth is the deepest tree the oblivious layout takes: 1024 leaves.
const maxOblDepth = 10

// oblLevel is one level's test: x[feat] < thr goes left.
type oblLevel struct {
	thr  float64
	feat uint32
}

// oblTree is one tree: its levels, root first, and the offset of its
// 2^len(levels) leaf scores in oblivious.leaves.
type oblTree struct {
	levels []oblLevel
	leaves []float64
}

// oblivious is a boosted model's trees in the oblivious layout: six holds
// them at depth six if none is deeper; otherwise six is nil and trees holds
// them at their own depths.
type oblivious struct {
	trees []oblTree
	six   []obl6
	// vec is the trees in the vector layout, at depth six or eight, if
	// haveVec and they fit; else nil.
	vec *vecTrees
}

// obl6 is a tree of depth six: the levels' features and thresholds, root
// first, and the 64 leaf scores.
type obl6 struct {
	thr    [6]float64
	feat   [6]uint32
	leaves [64]float64
}

// newOblivious lays out checked trees, or returns nil if one of them is
// not a complete oblivious tree (a model file may hold any boosted trees).
func newOblivious(trees []Tree) *oblivious {
	o := &oblivious{trees: make([]oblTree, len(trees))}
	for ti := range trees {
		t := &trees[ti]
		// The depth is that of the leftmost leaf; every leaf must be there.
		path := t.leftPath()
		depth := len(path)
		if depth > maxOblDepth {
			return nil
		}
		ot := oblTree{levels: make([]oblLevel, depth), leaves: make([]float64, 1<<depth)}
		for l, i := range path {
			ot.levels[l] = oblLevel{thr: t.Threshold[i], feat: uint32(t.Feature[i])}
		}
		var fill func(i int32, l, k int) bool
		fill = func(i int32, l, k int) bool {
			if l == depth {
				if t.Feature[i] >= 0 {
					return false
				}
				ot.leaves[k] = t.Value[i]
				return true
			}
			lv := ot.levels[l]
			if t.Feature[i] < 0 || uint32(t.Feature[i]) != lv.feat || t.Threshold[i] != lv.thr {
				return false
			}
			return fill(t.Left[i], l+1, 2*k+1) && fill(t.Right[i], l+1, 2*k)
		}
		if !fill(0, 0, 0) {
			return nil
		}
		o.trees[ti] = ot
	}
	if haveVec {
		o.vec = newVecTrees(o.trees)
	}
	// The depth-six layout holds everything score needs: the trees'
	// generic form is kept only when it cannot be built.
	if o.six = pad6(o.trees); o.six != nil {
		o.trees = nil
	}
	return o
}

// pad6 lays trees of depth at most six out at depth six, or returns nil if
// one is deeper. A tree of depth d gets 6-d more levels, testing feature 0
// against 0, under each of which both sides lead to the leaf the tree had.
func pad6(trees []oblTree) []obl6 {
	six := make([]obl6, len(trees))
	for t, tr := range trees {
		d := len(tr.levels)
		if d > 6 {
			return nil
		}
		p := &six[t]
		for l, lv := range tr.levels {
			p.thr[l], p.feat[l] = lv.thr, lv.feat
		}
		for k := range p.leaves {
			p.leaves[k] = tr.leaves[k>>(6-d)]
		}
	}
	return six
}

// less is 1 if v < thr, else 0 (also for NaN), without a branch: the
// compiler turns the comparison into a flag copied to a register.
func less(v, thr float64) int {
	var r int
	if v < thr {
		r = 1
	}
	return r
}

// score sums x's leaf scores over the trees, in tree order from 0.
func (o *oblivious) score(x []float64) float64 {
	var s float64
	if o.six != nil {
		for t := range o.six {
			s += o.six[t].leaf(x)
		}
		return s
	}
	for t := range o.trees {
		tr := &o.trees[t]
		k := 0
		for _, lv := range tr.levels {
			k = k<<1 | less(x[lv.feat], lv.thr)
		}
		s += tr.leaves[k]
	}
	return s
}

// leaf returns the score of the leaf x reaches in t.
func (t *obl6) leaf(x []float64) float64 {
	k := less(x[t.feat[0]], t.thr[0])
	k = 2*k + less(x[t.feat[1]], t.thr[1])
	k = 2*k + less(x[t.feat[2]], t.thr[2])
	k = 2*k + less(x[t.feat[3]], t.thr[3])
	k = 2*k + less(x[t.feat[4]], t.thr[4])
	k = 2*k + less(x[t.feat[5]], t.thr[5])
	return t.leaves[k&63]
}

// predictBoosted is PredictBatch for a boosted model: with the vector
// layout, every vector through a vector kernel (which takes vecRows at a
// time); with the depth-six layout only, batches of up to batchRows vectors
// walked tree by tree; otherwise one vector at a time.
func (m *Model) predictBoosted(x []float64, nf int, out []float64) {
	switch {
	case m.obl != nil && m.obl.vec != nil:
		m.obl.vec.sumRowsVec(x, nf, out)
		for i := range out {
			out[i] = Logistic(out[i] + m.scoreBase(x[i*nf:(i+1)*nf]))
		}
	case m.obl != nil && m.obl.six != nil:
		for len(out) > 0 {
			n := min(len(out), batchRows)
			o := out[:n]
			clear(o)
			m.obl.sumRows(x[:n*nf], nf, o)
			for i := range o {
				o[i] = Logistic(o[i] + m.scoreBase(x[i*nf:(i+1)*nf]))
			}
			x, out = x[n*nf:], out[n:]
		}
	default:
		for i := range out {
			out[i] = Logistic(m.score(x[i*nf:(i+1)*nf]) + m.scoreBase(x[i*nf:(i+1)*nf]))
		}
	}
}

// sumRows adds to out[r] the scores of vector r, for the len(out) vectors
// of nf values in x, tree by tree (o.six must be set): each tree's tests
// stay in registers over the vectors. out[r] gets the same sum, in the same
// order, as score. len(x) must be len(out)·nf and every test's feature
// below nf (buildModel checks the features against the schema).
func (o *oblivious) sumRows(x []float64, nf int, out []float64) {
	if len(x) != len(out)*nf {
		panic("model: sumRows with mismatched lengths")
	}
	if len(out) == 0 {
		return
	}
	base := unsafe.Pointer(unsafe.SliceData(x))
	stride := uintptr(nf) * 8
	for t := range o.six {
		tr := &o.six[t]
		// Byte offsets of the tested features within a vector: each is
		// below nf, so every load below stays inside vector r.
		o0, o1, o2 := uintptr(tr.feat[0])*8, uintptr(tr.feat[1])*8, uintptr(tr.feat[2])*8
		o3, o4, o5 := uintptr(tr.feat[3])*8, uintptr(tr.feat[4])*8, uintptr(tr.feat[5])*8
		t0, t1, t2, t3, t4, t5 := tr.thr[0], tr.thr[1], tr.thr[2], tr.thr[3], tr.thr[4], tr.thr[5]
		leaves := &tr.leaves
		for r := range out {
			p := unsafe.Add(base, uintptr(r)*stride) // vector r, inside x
			k := less(*(*float64)(unsafe.Add(p, o0)), t0)
			k = 2*k + less(*(*float64)(unsafe.Add(p, o1)), t1)
			k = 2*k + less(*(*float64)(unsafe.Add(p, o2)), t2)
			k = 2*k + less(*(*float64)(unsafe.Add(p, o3)), t3)
			k = 2*k + less(*(*float64)(unsafe.Add(p, o4)), t4)
			k = 2*k + less(*(*float64)(unsafe.Add(p, o5)), t5)
			out[r] += leaves[k&63]
		}
	}
}
