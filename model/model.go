package model

import (
	"fmt"
	"math"
	"slices"
)

// TrainingSummary describes the data a model was trained on. Trainers leave
// it empty; the caller fills it in before saving. It is stored in the model
// file and never used for prediction.
type TrainingSummary struct {
	Sets         []string `json:"sets,omitempty"`          // names of the labelled sets
	Pages        int      `json:"pages,omitempty"`         // training pages
	Blocks       int      `json:"blocks,omitempty"`        // training rows (blocks)
	Seed         uint64   `json:"seed,omitempty"`          // seed of the data split
	TestFraction float64  `json:"test_fraction,omitempty"` // share held back for testing
	Note         string   `json:"note,omitempty"`          // free text
}

// Step is one test on the path of a vector through a tree: feature Feature
// (named Name) had value Value, compared with Threshold; Left reports
// whether Value < Threshold (NaN is never less, so it goes right).
type Step struct {
	Feature   int     `json:"feature"`
	Name      string  `json:"name"`
	Threshold float64 `json:"threshold"`
	Value     float64 `json:"value"`
	Left      bool    `json:"left"`
}

// Model is a trained decision tree, bagged forest or set of boosted trees
// over feature vectors of a Schema. Prediction reads only the trees, which are immutable after
// construction, so a Model is safe for concurrent use by many goroutines.
//
// The exported fields are descriptive metadata recorded in the model file.
// Callers may set them (typically Summary) before saving and before sharing
// the model between goroutines; Save refuses a Schema whose length no
// longer matches the trees.
type Model struct {
	Schema  Schema          // feature schema the trees index into
	Trainer string          // the trainer's name, e.g. "boost" (see package model/train)
	Params  Config          // trainer parameters, defaults filled in; Workers is always 0
	Summary TrainingSummary // training data, as described by the caller

	trees  []Tree    // the file's form
	nodes  [][]pnode // the prediction form, one slice per tree
	forest *forest   // the branchless form, for forests and PredictBatch; nil if boosted
	// A boosted model (see NewBoosted) predicts Logistic(Σ scores + base),
	// plus the log-odds of its offset feature's value when it has one
	// (Config.OffsetFeature), its leaves holding scores; obl is its trees in the oblivious layout
	// when they all fit it, nil otherwise.
	boosted bool
	base    float64
	offset  int // the column of Params.OffsetFeature, or -1
	obl     *oblivious
	names   []string // schema names at construction, for Explain
	imp     []float64
	depth   int
	count   int
	tests   int // the sum of the trees' depths (MaxTests)
}

// pnode is a node packed for prediction in 16 bytes: feat < 0 marks a leaf
// whose thr holds P(content). Nodes are in depth-first order, left subtree
// first (see packTree), so the left child of node i is node i+1 and only
// the right one is recorded; the walk down left branches reads memory in
// order. Single trees, the trees of a forest that do not fill a group of
// eight, and Explain walk this form; the branchless form (see forest) is
// built from it.
type pnode struct {
	thr   float64
	right int32
	feat  int32
}

// New returns the model of a tree or a bagged forest: trees over the
// features of s, each leaf predicting P(content) from its class counts, and
// Predict the mean over the trees. trainer names the trainer and params its
// parameters, both recorded in the model file. New checks that s is valid
// and that the trees are well formed over its features (see Tree), and
// copies them.
func New(s Schema, trainer string, params Config, trees []Tree) (*Model, error) {
	return buildModel(s, trainer, params, cloneTrees(trees), false, 0)
}

// maxScore bounds the magnitude of a boosted model's base plus its largest
// leaf score in every tree, so that no sum of scores overflows (the
// logistic function is 1 to the last bit beyond 40). Trained models stay
// far below it; a file above it is refused.
const maxScore = 1e9

// NewBoosted is New for boosted trees, whose leaves hold scores
// (Tree.Value): Predict is the logistic function of base, the prior
// log-odds, plus the scores of the leaves a vector reaches. The scores
// must be unable to sum beyond ±1e9.
func NewBoosted(s Schema, trainer string, params Config, trees []Tree, base float64) (*Model, error) {
	return newScoredModel(s, trainer, params, cloneTrees(trees), base)
}

// newScoredModel is NewBoosted without the copy.
func newScoredModel(s Schema, trainer string, params Config, trees []Tree, base float64) (*Model, error) {
	if math.IsNaN(base) || math.IsInf(base, 0) {
		return nil, fmt.Errorf("base score %v", base)
	}
	m, err := buildModel(s, trainer, params, trees, true, base)
	if err != nil {
		return nil, err
	}
	bound := math.Abs(base)
	for _, t := range trees {
		var most float64
		for _, v := range t.Value {
			most = max(most, math.Abs(v))
		}
		bound += most
	}
	if !(bound <= maxScore) {
		return nil, fmt.Errorf("leaf scores can sum to %g, above %g", bound, float64(maxScore))
	}
	return m, nil
}

// cloneTrees copies trees and their arrays.
func cloneTrees(trees []Tree) []Tree {
	out := make([]Tree, len(trees))
	for i, t := range trees {
		out[i] = Tree{Feature: slices.Clone(t.Feature), Threshold: slices.Clone(t.Threshold),
			Left: slices.Clone(t.Left), Right: slices.Clone(t.Right), Counts: slices.Clone(t.Counts), Value: slices.Clone(t.Value)}
	}
	return out
}

// maxTests is MaxTests, lower in tests.
var maxTests = MaxTests

func buildModel(s Schema, trainer string, params Config, trees []Tree, boosted bool, base float64) (*Model, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if len(trees) == 0 {
		return nil, fmt.Errorf("model has no trees")
	}
	m := &Model{Schema: s.clone(), Trainer: trainer, Params: params, trees: trees,
		names: slices.Clone(s.Names), imp: make([]float64, len(s.Names)), boosted: boosted, base: base, offset: -1}
	if f := params.OffsetFeature; f != "" {
		if m.offset = slices.Index(s.Names, f); m.offset < 0 || !boosted {
			return nil, fmt.Errorf("offset feature %q: not a feature of a boosted model's schema", f)
		}
	}
	for ti := range trees {
		t := &trees[ti]
		m.count += t.len()
		if m.count > MaxNodes {
			return nil, fmt.Errorf("more than %d nodes", MaxNodes)
		}
		d, err := t.check(len(s.Names), boosted)
		if err != nil {
			return nil, fmt.Errorf("tree %d: %w", ti, err)
		}
		m.depth = max(m.depth, d)
		if m.tests += d; m.tests > maxTests {
			return nil, fmt.Errorf("more than %d tests per prediction (the sum of the trees' depths) by tree %d of %d", maxTests, ti, len(trees))
		}
		for i := range t.len() {
			if t.Feature[i] < 0 {
				continue
			}
			c, l, r := t.Counts[i], t.Counts[t.Left[i]], t.Counts[t.Right[i]]
			crit := params.Criterion
			gain := crit.Purity(l[0], l[1]) + crit.Purity(r[0], r[1]) - crit.Purity(c[0], c[1])
			if math.IsNaN(gain) || math.IsInf(gain, 0) {
				return nil, fmt.Errorf("tree %d: node %d: class counts %v too large for their impurity to be a number", ti, i, c)
			}
			m.imp[t.Feature[i]] += max(gain, 0)
		}
		m.nodes = append(m.nodes, packTree(t))
	}
	if boosted {
		m.obl = newOblivious(trees)
	} else {
		m.forest = newForest(m.nodes)
	}
	var sum float64
	for _, v := range m.imp {
		sum += v
	}
	if math.IsInf(sum, 0) {
		return nil, fmt.Errorf("the impurity decreases of the splits sum past the largest float64")
	}
	if sum > 0 {
		for i := range m.imp {
			m.imp[i] /= sum
		}
	}
	return m, nil
}

// Predict returns P(content) for the feature vector x, which must have one
// value per schema feature (Predict panics otherwise). For a forest it is
// the mean of the trees' leaf probabilities, summed in tree order; for
// boosted trees, the logistic function of the base score plus the trees'
// leaf scores, summed in tree order from 0 before the base is added. NaN
// values go right at every test. Predict does not allocate. For many
// vectors, PredictBatch gives the same results faster.
func (m *Model) Predict(x []float64) float64 {
	if len(x) != len(m.names) {
		panic(fmt.Sprintf("model: Predict with %d values, schema has %d", len(x), len(m.names)))
	}
	if m.boosted {
		return Logistic(m.score(x) + m.scoreBase(x))
	}
	t := m.nodes
	if len(t) == 1 {
		// One tree has one path: a walk with branches rarely does worse
		// than a branchless one.
		return walk(t[0], x)
	}
	// Trees are walked eight at a time without branches (see forest); the
	// trees left over, too few to fill the lanes, four at a time with
	// branches, so that their node loads, which miss the cache, overlap.
	// The leaves are summed in tree order all the same.
	p := m.forest.sumGroups(x)
	k := len(m.forest.groupRoots) * lanes
	for ; k+4 <= len(t); k += 4 {
		a, b, c, d := walk4(t[k], t[k+1], t[k+2], t[k+3], x)
		p += a
		p += b
		p += c
		p += d
	}
	for ; k < len(t); k++ {
		p += walk(t[k], x)
	}
	return p / float64(len(t))
}

// score is the sum of the leaf scores of x in a boosted model's trees, in
// tree order from 0.
func (m *Model) score(x []float64) float64 {
	if m.obl != nil {
		return m.obl.score(x)
	}
	var s float64
	for _, t := range m.nodes {
		s += walk(t, x)
	}
	return s
}

// Logistic is 1/(1+e^-s), the probability of the log-odds s (P(content)
// of a boosted model's score), the inverse of Logit.
func Logistic(s float64) float64 { return 1 / (1 + math.Exp(-s)) }

// walk4 is walk over four trees at once.
func walk4(t0, t1, t2, t3 []pnode, x []float64) (float64, float64, float64, float64) {
	var i0, i1, i2, i3 int32
	for {
		n0, n1, n2, n3 := &t0[i0], &t1[i1], &t2[i2], &t3[i3]
		live := false
		if n0.feat >= 0 {
			live = true
			i0 = next(n0, i0, x)
		}
		if n1.feat >= 0 {
			live = true
			i1 = next(n1, i1, x)
		}
		if n2.feat >= 0 {
			live = true
			i2 = next(n2, i2, x)
		}
		if n3.feat >= 0 {
			live = true
			i3 = next(n3, i3, x)
		}
		if !live {
			return n0.thr, n1.thr, n2.thr, n3.thr
		}
	}
}

// next is the child of internal node n, at index i, that x goes to.
func next(n *pnode, i int32, x []float64) int32 {
	if x[n.feat] < n.thr {
		return i + 1
	}
	return n.right
}

// packTree lays a checked tree out for prediction in depth-first order,
// left subtree first, which is the order trainers write (so the layout
// usually keeps the file's numbering). A leaf's thr is its P(content), or
// its score in a boosted tree.
func packTree(t *Tree) []pnode {
	nodes := make([]pnode, 0, t.len())
	// stack holds file indices still to place and, for right children,
	// the packed index of the parent whose right field they fill.
	type item struct{ node, parent int32 }
	stack := []item{{0, -1}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		k := int32(len(nodes))
		if it.parent >= 0 {
			nodes[it.parent].right = k
		}
		i := it.node
		if t.Feature[i] < 0 {
			c := t.Counts[i]
			v := c[1] / (c[0] + c[1])
			if t.Value != nil {
				v = t.Value[i]
			}
			nodes = append(nodes, pnode{thr: v, feat: -1})
			continue
		}
		nodes = append(nodes, pnode{thr: t.Threshold[i], feat: t.Feature[i]})
		// The left child is placed next (it is popped first); the right
		// one after the whole left subtree.
		stack = append(stack, item{t.Right[i], k}, item{t.Left[i], -1})
	}
	return nodes
}

func walk(t []pnode, x []float64) float64 {
	i := int32(0)
	for {
		n := &t[i]
		if n.feat < 0 {
			return n.thr
		}
		i = next(n, i, x)
	}
}

// Label returns the hard label of x: Content when Predict(x) > 0.5.
func (m *Model) Label(x []float64) Label { return labelOf(m.Predict(x)) }

// Explain returns Predict(x) and the tests x met on its way through one
// tree, root first: the only tree of a single tree, whose path ends at the
// leaf that gave p; the first tree of a forest; and for boosted trees the
// tree whose leaf score for x is largest in magnitude (the first such), the
// one that moved p most. It panics, like Predict, if len(x) does not match
// the schema. It walks each tree once, keeping the path of the tree it
// explains, and sums the leaves in tree order as Predict does, so p is
// Predict(x) bit for bit.
func (m *Model) Explain(x []float64) (p float64, path []Step) {
	if len(x) != len(m.names) {
		panic(fmt.Sprintf("model: Explain with %d values, schema has %d", len(x), len(m.names)))
	}
	// path holds the explained tree's steps; cur, the current tree's when
	// it may yet replace them.
	var cur []Step
	var sum float64
	most := -1.0
	for ti, t := range m.nodes {
		keep := ti == 0 || m.boosted
		var leaf float64
		if keep {
			cur, leaf = m.walkPath(t, x, cur[:0])
		} else {
			leaf = walk(t, x)
		}
		sum += leaf
		if s := math.Abs(leaf); ti == 0 || (m.boosted && s > most) {
			most = s
			path, cur = cur, path
		}
	}
	if m.boosted {
		return Logistic(sum + m.scoreBase(x)), path
	}
	if len(m.nodes) == 1 {
		return sum, path
	}
	return sum / float64(len(m.nodes)), path
}

// walkPath is walk that appends x's tests in t to path.
func (m *Model) walkPath(t []pnode, x []float64, path []Step) ([]Step, float64) {
	i := int32(0)
	for {
		n := &t[i]
		if n.feat < 0 {
			return path, n.thr
		}
		v := x[n.feat]
		left := v < n.thr
		path = append(path, Step{Feature: int(n.feat), Name: m.names[n.feat], Threshold: n.thr, Value: v, Left: left})
		i = next(n, i, x)
	}
}

// Importances returns the impurity-based importance of each feature, in
// schema order: the class-weighted impurity decrease of the splits on it,
// summed over all trees and normalised to sum to 1 (all zeros for a model
// that is a single leaf). The slice is a copy.
func (m *Model) Importances() []float64 { return slices.Clone(m.imp) }

// NumNodes returns the number of nodes over all trees.
func (m *Model) NumNodes() int { return m.count }

// NumTrees returns the number of trees.
func (m *Model) NumTrees() int { return len(m.trees) }

// Depth returns the largest number of tests from a root to a leaf over all
// trees; a model that is a single leaf has depth 0.
func (m *Model) Depth() int { return m.depth }

// scoreBase is the score a boosted model's trees add to for x: its base,
// plus the log-odds of x's OffsetFeature value when it has one.
func (m *Model) scoreBase(x []float64) float64 {
	if m.offset < 0 {
		return m.base
	}
	return m.base + Logit(x[m.offset])
}

// Logit is the log-odds of the probability p, taken as 1e-6 below it and
// 1-1e-6 above it, so that it is finite; a missing value (NaN) is taken as
// 0.5, log-odds 0.
func Logit(p float64) float64 {
	if math.IsNaN(p) {
		return 0
	}
	p = min(max(p, 1e-6), 1-1e-6)
	return math.Log(p / (1 - p))
}
