package model

import (
	"fmt"
	"math"
)

// Criterion is the impurity a tree minimises when it chooses a split.
type Criterion uint8

// The split criteria. The zero value is Gini.
const (
	Gini    Criterion = iota // Gini impurity, 1 - Σ p²
	Entropy                  // Shannon entropy, -Σ p ln p
)

// String returns "gini" or "entropy".
func (c Criterion) String() string {
	switch c {
	case Gini:
		return "gini"
	case Entropy:
		return "entropy"
	}
	return fmt.Sprintf("Criterion(%d)", int(c))
}

// MarshalText encodes c as its name, for model files.
func (c Criterion) MarshalText() ([]byte, error) {
	if c > Entropy {
		return nil, fmt.Errorf("unknown criterion %d", int(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText decodes a criterion name written by MarshalText.
func (c *Criterion) UnmarshalText(b []byte) error {
	switch string(b) {
	case "gini":
		*c = Gini
	case "entropy":
		*c = Entropy
	default:
		return fmt.Errorf("unknown criterion %q", b)
	}
	return nil
}

// Config holds the hyper-parameters of the trainers. The zero value is a
// single Gini tree of depth DefaultMaxDepth with 255 bins, MinLeaf 1 and
// unweighted classes. Every field but Workers is recorded in the model file
// (Model.Params, with defaults filled in); Workers changes speed, never the
// result.
type Config struct {
	// Criterion is the impurity to minimise: Gini (default) or Entropy.
	Criterion Criterion `json:"criterion"`
	// MaxDepth bounds the number of splits from root to leaf; 0 means
	// DefaultMaxDepth. At most MaxDepthLimit.
	MaxDepth int `json:"max_depth"`
	// MinLeaf is the least number of training rows (bootstrap copies
	// counted) a leaf may hold; 0 means 1.
	MinLeaf int `json:"min_leaf"`
	// Bins is the number of quantile bins per feature the histogram trainer
	// uses, 2..MaxBins; 0 means DefaultBins. One bin is kept for values at
	// or above math.MaxFloat64, so that missing values (NaN) can be split
	// from all others; features with fewer distinct values than the rest
	// get one bin per value.
	Bins int `json:"bins"`
	// ClassWeight weighs rows by class, indexed by Label; a zero entry means
	// 1. Impurities and leaf probabilities use the weighted counts. A split
	// must decrease impurity by more than 1e-9 weighted rows, so keep weights
	// near 1 rather than tiny.
	ClassWeight [2]float64 `json:"class_weight"`
	// Balanced overrides ClassWeight with n / (2·n_class), so that both
	// classes weigh the same in total (scikit-learn's "balanced").
	Balanced bool `json:"balanced,omitempty"`
	// Trees is the number of trees: 1 (or 0) grows a single tree on all
	// rows; N > 1 grows a bagged forest, each tree on a bootstrap sample
	// drawn with Seed, and Predict averages their probabilities.
	Trees int `json:"trees"`
	// MaxFeatures is the number of features drawn (with Seed) as split
	// candidates at each node; 0 means all features for a single tree and
	// round(√F) for a forest.
	MaxFeatures int `json:"max_features"`
	// LearningRate shrinks each boosted tree's leaf scores (FitBoost only;
	// 0 means DefaultLearningRate there, and it stays 0 for the others).
	LearningRate float64 `json:"learning_rate,omitempty"`
	// L2 is the regularisation of a boosted leaf's score, added to its
	// Hessian sum (FitBoost only; 0 means DefaultL2 there).
	L2 float64 `json:"l2,omitempty"`
	// Seed seeds the bootstrap samples and feature draws (math/rand/v2 PCG);
	// a single tree with all features uses no randomness.
	Seed uint64 `json:"seed"`
	// Workers is the number of goroutines the trainer uses; 0 means
	// GOMAXPROCS. The model does not depend on it.
	Workers int `json:"-"`
}

// Purity is the node term of the split score of criterion c over a node
// with weighted class counts c0 and c1: for Gini Σc²/w, for entropy
// Σ c ln c − w ln w, with w = c0 + c1 (0 for an empty node). The weighted
// impurity of a node is w − Purity (Gini) or −Purity (entropy), so the
// impurity decrease of a split is Purity(left) + Purity(right) −
// Purity(parent), without the cancellation of subtracting the impurities
// of large nodes. Trainers maximise it; Importances sums it.
func (c Criterion) Purity(c0, c1 float64) float64 {
	w := c0 + c1
	if w <= 0 {
		return 0
	}
	if c == Entropy {
		return xlogx(c0) + xlogx(c1) - xlogx(w)
	}
	return (c0*c0 + c1*c1) / w
}

func xlogx(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return x * math.Log(x)
}
