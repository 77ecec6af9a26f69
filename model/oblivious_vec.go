package model

import "unsafe"

// The vector layout. With AVX2 (see haveVec), PredictBatch walks the
// depth-six trees over groups of four vectors: each level's test compares
// one feature of four vectors with the threshold in one instruction, the
// answers become four leaf numbers in one register, and the four leaf
// scores are gathered and added in one more. The kernel walks two groups
// at a time, so that each level's feature and threshold are read once for
// eight vectors. The four vectors' values of
// a feature must then sit side by side, so a batch of vectors is first
// copied column-wise into groups (see transpose): group g holds, for each
// feature the trees test (vecTrees.feats, in order), the values of vectors
// 4g to 4g+3. Features no tree tests are not copied.
//
// A lane's sum is the same as score's, bit for bit: it starts at 0 and adds
// the trees' leaf scores in tree order, and each comparison is the same
// ordered x < thr (false for NaN).

// vecRows is the number of vectors sumRowsVec copies and walks at a time:
// few enough that their columns stay in the first-level cache with the
// trees.
const vecRows = 16

// colBytes is the size of one column of a group: a feature's values of
// its four vectors.
const colBytes = 4 * 8

// vecMaxFeats caps the features a model's trees may test for the vector
// layout, so that a batch's columns fit a fixed array on the stack.
const vecMaxFeats = 128

// vecTree6 and vecTree8 are trees of depth six and eight for the vector
// kernels: the byte offset of each level's feature column within a group,
// its threshold, and the leaf scores, as in obl6. The assembly reads them
// through go_asm.h.
type vecTree6 struct {
	off    [6]int64
	thr    [6]float64
	leaves [64]float64
}

type vecTree8 struct {
	off    [8]int64
	thr    [8]float64
	leaves [256]float64
}

// vecTrees is a model's trees in the vector layout: at depth six (six) or,
// when one is deeper, at depth eight (eight).
type vecTrees struct {
	feats []int32 // the features the trees test; column u of a group holds feature feats[u]
	six   []vecTree6
	eight []vecTree8
}

// vecColumns gives every feature the trees test a column of a group, in
// order of first test.
type vecColumns struct {
	col   map[uint32]int // the column of each feature
	feats []int32        // the feature of each column
}

// offset is the byte offset within a group of feature f's column.
func (c *vecColumns) offset(f uint32) int64 {
	u, ok := c.col[f]
	if !ok {
		u = len(c.feats)
		c.col[f] = u
		c.feats = append(c.feats, int32(f))
	}
	return int64(u) * colBytes
}

// newVecTrees lays trees out for the vector kernel: at depth six when
// none is deeper, else at depth eight, each shallower tree padded as pad6
// pads it. It returns nil if there are no trees, one is deeper than eight
// or they test more than vecMaxFeats features.
func newVecTrees(trees []oblTree) *vecTrees {
	if len(trees) == 0 {
		return nil
	}
	depth := 0
	for _, tr := range trees {
		depth = max(depth, len(tr.levels))
	}
	c := vecColumns{col: map[uint32]int{}}
	v := new(vecTrees)
	switch {
	case depth <= 6:
		v.six = make([]vecTree6, len(trees))
		for t, tr := range trees {
			p := &v.six[t]
			c.lay(tr, p.off[:], p.thr[:], p.leaves[:])
		}
	case depth <= 8:
		v.eight = make([]vecTree8, len(trees))
		for t, tr := range trees {
			p := &v.eight[t]
			c.lay(tr, p.off[:], p.thr[:], p.leaves[:])
		}
	default:
		return nil
	}
	if len(c.feats) > vecMaxFeats {
		return nil
	}
	v.feats = c.feats
	return v
}

// lay lays tree tr out at depth len(off) (at least its own): each level's
// column offset and threshold in off and thr, and its leaves, each
// repeated for the levels it lacks, in leaves (2^len(off) of them). A
// level the tree lacks tests feature 0 against 0: both answers lead to the
// same leaf.
func (c *vecColumns) lay(tr oblTree, off []int64, thr, leaves []float64) {
	d, depth := len(tr.levels), len(off)
	for l := range off {
		var lv oblLevel
		if l < d {
			lv = tr.levels[l]
		}
		off[l], thr[l] = c.offset(lv.feat), lv.thr
	}
	for k := range leaves {
		leaves[k] = tr.leaves[k>>(depth-d)]
	}
}

// sumRowsVec sets out[r] to the sum of vector r's leaf scores, as sumRows
// adds it, for the len(out) vectors of nf values in x, vecRows at a time.
// len(x) must be len(out)·nf and every tested feature below nf.
func (v *vecTrees) sumRowsVec(x []float64, nf int, out []float64) {
	if len(x) != len(out)*nf {
		panic("model: sumRowsVec with mismatched lengths")
	}
	var cols [vecRows * vecMaxFeats]float64
	var res [vecRows]float64
	nu := len(v.feats)
	for len(out) > 0 {
		n := min(len(out), vecRows)
		// The kernel walks groups in pairs; a group past the last vector
		// holds whatever cols held, and its sums are not used.
		groups := (n + 7) / 8 * 2
		v.transpose(cols[:groups*4*nu], x[:n*nf], nf)
		if v.six != nil {
			sumGroupsAVX2(&cols[0], groups, nu*colBytes, &v.six[0], len(v.six), &res[0])
		} else {
			sumGroups8AVX2(&cols[0], groups, nu*colBytes, &v.eight[0], len(v.eight), &res[0])
		}
		copy(out[:n], res[:n])
		x, out = x[n*nf:], out[n:]
	}
}

// transpose copies the tested features of the n = len(x)/nf vectors in x
// into cols, group after group: vector r's value of feature feats[u] goes to
// cols[(r/4)·4·nu + 4u + r%4]. The lanes of a last, partial group hold
// copies of its first vector; their sums are not used. cols must hold
// ⌈n/4⌉·4·nu values and every feature be below nf.
func (v *vecTrees) transpose(cols, x []float64, nf int) {
	n := len(x) / nf
	nu := len(v.feats)
	if len(cols) < (n+3)/4*4*nu || len(x) != n*nf {
		panic("model: transpose with mismatched lengths")
	}
	stride := uintptr(nf) * 8
	dst := unsafe.Pointer(unsafe.SliceData(cols))
	for r := 0; r < n; r += 4 {
		// The rows of the group, inside x: a missing one repeats row r.
		p0 := unsafe.Pointer(&x[r*nf])
		p1, p2, p3 := p0, p0, p0
		if r+1 < n {
			p1 = unsafe.Add(p0, stride)
		}
		if r+2 < n {
			p2 = unsafe.Add(p0, 2*stride)
		}
		if r+3 < n {
			p3 = unsafe.Add(p0, 3*stride)
		}
		for _, f := range v.feats {
			off := uintptr(f) * 8 // below nf·8: inside each row
			d := (*[4]float64)(dst)
			d[0] = *(*float64)(unsafe.Add(p0, off))
			d[1] = *(*float64)(unsafe.Add(p1, off))
			d[2] = *(*float64)(unsafe.Add(p2, off))
			d[3] = *(*float64)(unsafe.Add(p3, off))
			dst = unsafe.Add(dst, colBytes)
		}
	}
}
