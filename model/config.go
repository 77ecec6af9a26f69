package model

import (
	"encoding"
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

var (
	_ encoding.TextMarshaler   = Criterion(0)
	_ encoding.TextUnmarshaler = (*Criterion)(nil)
	_ fmt.Stringer             = Criterion(0)
)

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

// Config holds the hyper-parameters of the trainers of package model/train,
// which a model file records (Model.Params, with the defaults filled in).
// A field left at 0 gets the trainer's default, winnow train's: see the
// Default constants of model/train. Workers changes speed, never the result,
// and is not recorded.
type Config struct {
	// Criterion is the impurity a CART tree minimises: Gini (default) or
	// Entropy.
	Criterion Criterion `json:"criterion"`
	// MaxDepth bounds the number of splits from root to leaf.
	MaxDepth int `json:"max_depth"`
	// MinLeaf is the least number of training rows (bootstrap copies
	// counted) a leaf may hold; for boosted trees, each side of a split.
	MinLeaf int `json:"min_leaf"`
	// Bins is the number of quantile bins per feature the histogram
	// trainers use. One bin is kept for values at or above
	// math.MaxFloat64, so that missing values (NaN) can be split from all
	// others; features with fewer distinct values than the rest get one
	// bin per value.
	Bins int `json:"bins"`
	// ClassWeight weighs rows by class, indexed by Label; a zero entry means
	// 1. Impurities and leaf probabilities use the weighted counts. A split
	// must decrease impurity by more than 1e-9 weighted rows, so keep weights
	// near 1 rather than tiny.
	ClassWeight [2]float64 `json:"class_weight"`
	// Balanced overrides ClassWeight with n / (2·n_class), so that both
	// classes weigh the same in total (scikit-learn's "balanced").
	Balanced bool `json:"balanced,omitempty"`
	// Trees is the number of trees: for CART, 1 grows a single tree on all
	// rows and N > 1 a bagged forest, each tree on a bootstrap sample drawn
	// with Seed, whose probabilities Predict averages; for boosting, the
	// number of rounds.
	Trees int `json:"trees"`
	// MaxFeatures is the number of features drawn (with Seed) as split
	// candidates at each node of a forest; a single tree uses all features
	// unless it is set.
	MaxFeatures int `json:"max_features"`
	// LearningRate shrinks each boosted tree's leaf scores (boosting only;
	// it stays 0 for the others).
	LearningRate float64 `json:"learning_rate,omitempty"`
	// L2 is the regularisation of a boosted leaf's score, added to its
	// Hessian sum (boosting only).
	L2 float64 `json:"l2,omitempty"`
	// Seed seeds the bootstrap samples and feature draws (math/rand/v2 PCG);
	// a single tree with all features, and boosting, use no randomness.
	Seed uint64 `json:"seed"`
	// WeightFeature, when set, names the feature whose value plus one
	// weighs each training row: "Words" weighs a block by its words, so
	// that the loss counts words, as text F1 does, rather than blocks. The
	// weights are scaled to average 1. Boosting only; the feature may be
	// excluded from splits and still weigh.
	WeightFeature string `json:"weight_feature,omitempty"`
	// OffsetFeature, when set, names a feature whose value is a
	// probability: boosting starts each row's score from its log-odds
	// (Logit) instead of the training rows' prior, so that the trees
	// learn a correction to it, and a boosted model adds it to its score
	// when it predicts. Boosting only.
	OffsetFeature string `json:"offset_feature,omitempty"`
	// BlendDepths, when set, trains one boosted model per depth listed,
	// each with every other setting, and makes the model their mean in
	// log-odds: it holds every member's trees with their leaf scores
	// divided by the number of members, and the mean of their priors.
	// MaxDepth is then the deepest of them. Boosting only.
	BlendDepths []int `json:"blend_depths,omitempty"`
	// Exclude names features the trainers never test: each is read as if
	// it had one value on every row. A model trained on sets that disagree
	// about what a feature marks (reader comments are content to some,
	// boilerplate to others) can thus leave it to the models it suits.
	Exclude []string `json:"exclude,omitempty"`
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
