package train

import "github.com/winnow-dev/winnow/model"

// histStride is the length of one feature's class histogram: 256 bin codes
// (NaN included) × 2 classes, counts at [code<<1 | label].
const histStride = 512

// buildHist fills h (histStride values) with the class counts of feature f
// over rows, each row counted mult[row] times (once when mult is nil).
// Counts are integers, so a sibling's histogram can be derived exactly by
// subtraction. Only the feature's value bins and the NaN bin are written
// (see histLen); split search reads only value bins.
func (d *binned) buildHist(h []uint32, f int, rows []int32, mult []uint32) {
	clear(h[:d.histLen(f)])
	clear(h[nanCode<<1:])
	col, y := d.codes[f], d.y
	if mult == nil {
		for _, r := range rows {
			h[int(col[r])<<1|int(y[r])]++
		}
		return
	}
	for _, r := range rows {
		h[int(col[r])<<1|int(y[r])] += mult[r]
	}
}

// histLen is the length of the value-bin part of feature f's histogram.
func (d *binned) histLen(f int) int { return 2 * (len(d.cuts[f]) + 1) }

// subtractHist sets p -= s on the parts of feature f's histograms in use.
func (d *binned) subtractHist(p, s []uint32, f int) {
	n := d.histLen(f)
	pv, sv := p[:n], s[:n]
	for i := range pv {
		pv[i] -= sv[i]
	}
	p[nanCode<<1] -= s[nanCode<<1]
	p[nanCode<<1|1] -= s[nanCode<<1|1]
}

// split is a candidate split of a node on feature at bin: rows with code <=
// bin go left (x < threshold). gain is the score to maximise (see score);
// left holds the raw (unweighted, bootstrap-counted) class counts going left.
type split struct {
	ok      bool
	feature int
	bin     int
	gain    float64
	left    [2]uint64
}

// better reports whether s beats t. Equal gains keep t, so scanning features
// and bins in ascending order breaks ties by lowest feature, then lowest bin.
func (s split) better(t split) bool {
	return s.ok && (!t.ok || s.gain > t.gain)
}

// scorer evaluates splits with one criterion and class weights.
type scorer struct {
	crit    model.Criterion
	cw      [2]float64
	minLeaf uint64
}

// purity is the node term of the split score; see model.Criterion.Purity.
func (s scorer) purity(c0, c1 float64) float64 { return s.crit.Purity(c0, c1) }

func (s scorer) weigh(c [2]uint64) (float64, float64) {
	return float64(c[0]) * s.cw[0], float64(c[1]) * s.cw[1]
}

// minGain is the least impurity decrease (in weighted rows) worth a split;
// it sits well above float rounding noise, far below any real decrease.
const minGain = 1e-9

// best finds the best split of a node with raw class counts tot on feature
// f, from its histogram h with nb+1 value bins. Each side must hold at least
// minLeaf rows and the gain must exceed minGain; ok is false otherwise.
func (s scorer) best(h []uint32, f, nb int, tot [2]uint64, parent float64) split {
	var b split
	var l [2]uint64
	n := tot[0] + tot[1]
	for bin := 0; bin < nb; bin++ {
		c0, c1 := h[bin<<1], h[bin<<1|1]
		if c0|c1 == 0 {
			continue
		}
		l[0] += uint64(c0)
		l[1] += uint64(c1)
		nl := l[0] + l[1]
		if nl < s.minLeaf {
			continue
		}
		if n-nl < s.minLeaf {
			break
		}
		l0, l1 := s.weigh(l)
		r0, r1 := s.weigh([2]uint64{tot[0] - l[0], tot[1] - l[1]})
		g := s.purity(l0, l1) + s.purity(r0, r1) - parent
		if g > minGain && (!b.ok || g > b.gain) {
			b = split{ok: true, feature: f, bin: bin, gain: g, left: l}
		}
	}
	return b
}
