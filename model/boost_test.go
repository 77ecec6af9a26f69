package model

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
)

// TestFitBoostLearns checks that boosting recovers the synthetic rule (two
// tests, on features 2 and 5) and that more rounds fit it better.
func TestFitBoostLearns(t *testing.T) {
	s := synthSchema(8)
	X, y := synth(4000, 8, 11, 0)
	Xt, yt := synth(2000, 8, 12, 0)
	acc := func(m *Model) float64 {
		right := 0
		for i, x := range Xt {
			if (m.Predict(x) >= 0.5) == (yt[i] == Content) {
				right++
			}
		}
		return float64(right) / float64(len(Xt))
	}
	one := mustBoost(t, s, X, y, Config{Trees: 1, MaxDepth: 1})
	many := mustBoost(t, s, X, y, Config{Trees: 30})
	if a := acc(many); a < 0.99 {
		t.Errorf("30 rounds: accuracy %.4f on fresh rows of a noiseless two-test rule, want >= 0.99", a)
	}
	if acc(one) >= acc(many) {
		t.Errorf("one test (%.4f) fits as well as 30 rounds (%.4f)", acc(one), acc(many))
	}
	imp := many.Importances()
	for f, v := range imp {
		if f != 2 && f != 5 && v > imp[2] {
			t.Errorf("feature %d (importance %.3f) above the rule's feature 2 (%.3f)", f, v, imp[2])
		}
	}
	if many.Trainer != TrainerBoost || many.NumTrees() != 30 || many.Depth() > DefaultBoostDepth {
		t.Errorf("model: trainer %q, %d trees, depth %d", many.Trainer, many.NumTrees(), many.Depth())
	}
	if p := many.Params; p.LearningRate != DefaultLearningRate || p.L2 != DefaultL2 || p.Workers != 0 {
		t.Errorf("recorded params %+v: want the defaults filled in and no workers", p)
	}
}

// TestFitBoostDeterministic checks that the model file is a function of the
// data and the config, whatever the number of workers.
func TestFitBoostDeterministic(t *testing.T) {
	s := synthSchema(10)
	X, y := synth(3000, 10, 3, 0.1)
	var files [][]byte
	for _, w := range []int{1, 2, 5, 1} {
		files = append(files, saved(t, mustBoost(t, s, X, y, Config{Trees: 8, MaxDepth: 4, MinLeaf: 3, Workers: w})))
	}
	for i := 1; i < len(files); i++ {
		if !bytes.Equal(files[0], files[i]) {
			t.Fatalf("fit %d differs from fit 0", i)
		}
	}
	if !bytes.Contains(files[0], []byte(`"version": 2`)) || !bytes.Contains(files[0], []byte(`"link": "logistic"`)) {
		t.Errorf("a boosted model file should be version 2 with the logistic link:\n%.300s", files[0])
	}
}

// boostRef is a boosted model's P(content) straight from the file layout:
// the logistic of the flat trees' leaf values, summed in tree order, plus
// the base.
func boostRef(m *Model, x []float64) float64 {
	var s float64
	for i := range m.trees {
		t := &m.trees[i]
		s += t.Value[flatLeaf(t, x)]
	}
	return 1 / (1 + math.Exp(-(s + m.base)))
}

// TestBoostPredict checks Predict and PredictBatch of boosted models
// against the file layout, bit for bit, over odd values (NaN, ±Inf,
// thresholds and their neighbours), for trees laid out at depth six
// (shallower ones padded), deeper oblivious trees, and boosted trees that
// are not oblivious (which a file may hold).
func TestBoostPredict(t *testing.T) {
	s := synthSchema(8)
	X, y := synth(3000, 8, 5, 0.1)
	notOblivious := func() *Model {
		m := mustBoost(t, s, X, y, Config{Trees: 3, MaxDepth: 3})
		trees := make([]flatTree, len(m.trees))
		copy(trees, m.trees)
		tr := trees[1]
		tr.Threshold = append([]float64(nil), tr.Threshold...)
		tr.Threshold[tr.Right[0]] += 0.01 // one node of level 1 asks another question
		trees[1] = tr
		b, err := newScoredModel(s, TrainerBoost, m.Params, trees, m.base)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tc := range []struct {
		name      string
		m         *Model
		six, obl  bool
		minLevels int
	}{
		{"depth 6", mustBoost(t, s, X, y, Config{Trees: 12}), true, true, 6},
		{"depth 3", mustBoost(t, s, X, y, Config{Trees: 5, MaxDepth: 3}), true, true, 3},
		{"depth 8", mustBoost(t, s, X, y, Config{Trees: 4, MaxDepth: 8}), false, true, 7},
		{"not oblivious", notOblivious(), false, false, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.m
			if (m.obl != nil) != tc.obl || (m.obl != nil && (m.obl.six != nil) != tc.six) {
				t.Fatalf("layout: oblivious %v, six %v; want %v, %v", m.obl != nil, m.obl != nil && m.obl.six != nil, tc.obl, tc.six)
			}
			if m.Depth() < tc.minLevels {
				t.Fatalf("depth %d: the trees stopped growing early, the test covers less than it says", m.Depth())
			}
			nf := len(s.Names)
			const n = 2*batchRows + 5
			x := oddVectors(m, n, nf, 2)
			copy(x, X[0])
			checkBatches(t, m, x, nf, []int{0, 1, 7, batchRows, n}, "file layout", boostRef)
			for i := range n {
				if p := m.Predict(x[i*nf : (i+1)*nf]); !(p > 0 && p < 1) {
					t.Fatalf("vector %d: P(content) %v outside (0, 1)", i, p)
				}
			}
			out := make([]float64, batchRows)
			if allocs := testing.AllocsPerRun(20, func() { m.PredictBatch(x[:batchRows*nf], out) }); allocs != 0 {
				t.Errorf("PredictBatch allocates %v times", allocs)
			}
		})
	}
}

// TestBoostFile checks that a boosted model survives Save and Load, and
// that damaged boosted files are refused as corrupt.
func TestBoostFile(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(1500, 6, 21, 0.05)
	m := mustBoost(t, s, X, y, Config{Trees: 4, MaxDepth: 3})
	file := saved(t, m)
	got, err := Load(bytes.NewReader(file), s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(file, saved(t, got)) {
		t.Error("a loaded boosted model saves to other bytes")
	}
	for _, x := range X[:200] {
		if got.Predict(x) != m.Predict(x) {
			t.Fatalf("%v: loaded model gives %v, trained one %v", x, got.Predict(x), m.Predict(x))
		}
	}
	rebody := func(version int, edit func(b *fileBody)) []byte {
		body := bodyOf(t, file)
		edit(&body)
		out, err := encode(body)
		if err != nil {
			t.Fatal(err)
		}
		if version == 1 {
			out = bytes.Replace(out, []byte(`"version": 2`), []byte(`"version": 1`), 1)
		}
		return out
	}
	for _, tc := range []struct {
		name, reason string
		file         []byte
	}{
		{"version 1", "version 1 files have no boosted models", rebody(1, func(*fileBody) {})},
		{"unknown link", "only the logistic link exists", rebody(2, func(b *fileBody) { b.Link = "probit" })},
		{"values missing", "a boosted tree needs a value per node", rebody(2, func(b *fileBody) { b.Trees[1].Value = b.Trees[1].Value[1:] })},
		{"huge value", "a leaf score must be finite", retextFile(t, file, `"value":[`, `"value":[1e999,`)},
		{"internal value", "internal nodes carry no score", rebody(2, func(b *fileBody) { b.Trees[0].Value[0] = 1 })},
		{"values in a forest", "a forest's leaves are counts", rebody(2, func(b *fileBody) { b.Link, b.Base = "", 0 })},
		{"overflowing scores", "scores that can sum past ±1e9 could make NaN", rebody(2, func(b *fileBody) {
			for i := range b.Trees {
				for j, f := range b.Trees[i].Feature {
					if f < 0 {
						b.Trees[i].Value[j] = 1e300 * float64(1-2*(j%2))
					}
				}
			}
		})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(tc.file), s); !errors.Is(err, ErrCorrupt) {
				t.Errorf("%s: got %v, want ErrCorrupt", tc.reason, err)
			}
		})
	}
	// A forest is still written as version 1, which older builds read.
	_, forest := goodFile(t)
	if !bytes.Contains(forest, []byte(`"version": 1`)) || bytes.Contains(forest, []byte(`"link"`)) {
		t.Errorf("forest file:\n%.200s", forest)
	}
}

// TestFitBoostRejects checks the boosted trainer's own config limits.
func TestFitBoostRejects(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(200, 6, 1, 0)
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{MaxDepth: MaxBoostDepth + 1}, "depth"},
		{Config{LearningRate: 1.5}, "learning rate"},
		{Config{LearningRate: math.NaN()}, "learning rate"},
		{Config{L2: -1}, "L2"},
		{Config{Trees: MaxTrees + 1}, "trees"},
	} {
		if _, err := FitBoost(s, X, y, tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want an error about %s", tc.cfg, err, tc.want)
		}
	}
}

// TestFitBoostMissingValues is TestFitMissingValues for boosting.
func TestFitBoostMissingValues(t *testing.T) {
	s, X, y := missingRows()
	m := mustBoost(t, s, X, y, Config{Trees: 20, MaxDepth: 1})
	for _, tc := range []struct {
		name    string
		x       []float64
		content bool
	}{
		{"missing", []float64{math.NaN(), 0, 0, 0, 0, 0}, true},
		{"present", []float64{3, 0, 0, 0, 0, 0}, false},
		{"unseen large", []float64{1e9, 0, 0, 0, 0, 0}, false},
	} {
		if p := m.Predict(tc.x); (p > 0.99) != tc.content || (p < 0.01) == tc.content {
			t.Errorf("%s: P(content) %v, want it near %v", tc.name, p, tc.content)
		}
	}
}

// TestBoostExplain checks that Explain follows, for a boosted model, the
// tree whose leaf score for x is largest in magnitude, and reports that
// tree's tests as x met them.
func TestBoostExplain(t *testing.T) {
	s := synthSchema(8)
	X, y := synth(2000, 8, 9, 0.1)
	m := mustBoost(t, s, X, y, Config{Trees: 10, MaxDepth: 3})
	seen := map[int]bool{}
	for _, x := range X[:300] {
		p, path := m.Explain(x)
		if p != m.Predict(x) {
			t.Fatalf("Explain P %v, Predict %v", p, m.Predict(x))
		}
		want, most := 0, -1.0
		for i := range m.trees {
			if v := math.Abs(m.trees[i].Value[flatLeaf(&m.trees[i], x)]); v > most {
				want, most = i, v
			}
		}
		seen[want] = true
		tr := &m.trees[want]
		n := int32(0)
		for j, st := range path {
			if tr.Feature[n] < 0 || int(tr.Feature[n]) != st.Feature || tr.Threshold[n] != st.Threshold || st.Value != x[st.Feature] || st.Left != (st.Value < st.Threshold) {
				t.Fatalf("step %d %+v is not node %d of tree %d", j, st, n, want)
			}
			if st.Left {
				n = tr.Left[n]
			} else {
				n = tr.Right[n]
			}
		}
		if tr.Feature[n] >= 0 {
			t.Fatalf("path of %d steps stops above a leaf of tree %d", len(path), want)
		}
	}
	if len(seen) < 2 {
		t.Errorf("every row explained by the same tree %v: the test does not tell the trees apart", seen)
	}
}
