package model

import (
	"fmt"
	"math"
	"runtime"
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

// Defaults and limits of Config.
const (
	DefaultMaxDepth = 12
	DefaultBins     = 255
	MaxBins         = 255  // bins are uint8 codes; code 255 is reserved for NaN
	MaxDepthLimit   = 64   // deepest tree a Config may ask for
	MaxTrees        = 1000 // largest forest a Config may ask for
)

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

// resolve fills in defaults for nf features and checks ranges. The weights
// stay as given (zeros mean 1) unless Balanced; see classWeights.
func (c Config) resolve(nf int) (Config, error) {
	if c.Criterion > Entropy {
		return c, fmt.Errorf("config: unknown criterion %d", int(c.Criterion))
	}
	switch {
	case c.MaxDepth == 0:
		c.MaxDepth = DefaultMaxDepth
	case c.MaxDepth < 0 || c.MaxDepth > MaxDepthLimit:
		return c, fmt.Errorf("config: max depth %d outside 1..%d", c.MaxDepth, MaxDepthLimit)
	}
	switch {
	case c.MinLeaf == 0:
		c.MinLeaf = 1
	case c.MinLeaf < 0:
		return c, fmt.Errorf("config: negative min leaf %d", c.MinLeaf)
	}
	switch {
	case c.Bins == 0:
		c.Bins = DefaultBins
	case c.Bins < 2 || c.Bins > MaxBins:
		return c, fmt.Errorf("config: bins %d outside 2..%d", c.Bins, MaxBins)
	}
	for i, w := range c.ClassWeight {
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return c, fmt.Errorf("config: class weight %v for %v", w, Label(i))
		}
		if w == 0 {
			c.ClassWeight[i] = 1
		}
	}
	switch {
	case c.Trees == 0:
		c.Trees = 1
	case c.Trees < 0 || c.Trees > MaxTrees:
		return c, fmt.Errorf("config: trees %d outside 1..%d", c.Trees, MaxTrees)
	}
	switch {
	case c.MaxFeatures == 0 && c.Trees == 1:
		c.MaxFeatures = nf
	case c.MaxFeatures == 0:
		c.MaxFeatures = max(1, int(math.Round(math.Sqrt(float64(nf)))))
	case c.MaxFeatures < 0:
		return c, fmt.Errorf("config: negative max features %d", c.MaxFeatures)
	case c.MaxFeatures > nf:
		c.MaxFeatures = nf
	}
	switch {
	case c.Workers == 0:
		c.Workers = runtime.GOMAXPROCS(0)
	case c.Workers < 0:
		return c, fmt.Errorf("config: negative workers %d", c.Workers)
	}
	return c, nil
}

// balance replaces the class weights by n/(2·n_c) when c.Balanced, from the
// class counts of the training rows.
func (c Config) balance(counts [2]int) Config {
	if !c.Balanced {
		return c
	}
	n := float64(counts[0] + counts[1])
	for i, k := range counts {
		if k > 0 {
			c.ClassWeight[i] = n / (2 * float64(k))
		} else {
			c.ClassWeight[i] = 1
		}
	}
	return c
}
