package train

import (
	"fmt"
	"math"
	"runtime"
	"slices"

	"github.com/winnow-dev/winnow/model"
)

// The trainers' names, as NewTrainer takes them and model files record
// them (model.Model.Trainer).
const (
	TrainerBoost       = "boost"        // gradient-boosted oblivious trees (FitBoost)
	TrainerCART        = "cart"         // histogram CART, a tree or a bagged forest (Fit)
	TrainerGolearnCART = "golearn-cart" // golearn's CART, converted (GolearnCART)
	DefaultTrainer     = TrainerBoost   // the trainer of NewTrainer("") and of winnow train
)

// The defaults a trainer fills in for the model.Config fields left at 0.
// They are the defaults of winnow train, which leaves them to the trainers,
// so the library with a zero Config and the command without flags train
// the same model; for its content model winnow train adds a blend of
// DefaultBlendDepths.
const (
	DefaultBoostTrees   = 40  // FitBoost: boosting rounds
	DefaultBoostDepth   = 6   // FitBoost: depth of each oblivious tree
	DefaultBoostMinLeaf = 5   // FitBoost: least rows on each side of a split
	DefaultLearningRate = 0.3 // FitBoost: shrinkage of each tree's scores
	DefaultL2           = 1   // FitBoost: regularisation of a leaf's score

	DefaultForestTrees = 20  // Fit: trees of the bagged forest
	DefaultMaxDepth    = 14  // Fit and GolearnCART: depth of each tree
	DefaultMaxFeatures = 30  // Fit: split candidates per node of a forest
	DefaultBins        = 255 // Fit and FitBoost: quantile bins per feature
)

// DefaultBlendDepths returns the depths of the boosted models whose mean
// is winnow train's content model (model.Config.BlendDepths) when neither
// -tree-depth nor -blend-depths is given, in a new slice. Its other
// models, and FitBoost with a zero Config, are one model of
// DefaultBoostDepth.
func DefaultBlendDepths() []int { return []int{6, 8} }

// Limits of a Config.
const (
	MaxBins       = 255  // bins are uint8 codes; code 255 is reserved for NaN
	MaxDepthLimit = 64   // deepest tree Fit may grow
	MaxBoostDepth = 10   // deepest oblivious tree: 1024 leaves
	MaxTrees      = 1000 // largest forest, or most boosting rounds
)

// DefaultMinLeaf is Fit's default least number of rows per leaf for a
// training set of rows rows: one per 14,000, at least 5. That is 40 on the
// full shared corpus (about 554,000 blocks), the value it was tuned on, and
// 5 on a set of a few dozen pages, for which a leaf size made for the whole
// corpus is too coarse.
func DefaultMinLeaf(rows int) int {
	return max(5, (rows+7000)/14000)
}

// defaults fills in trainer's defaults for the fields cfg leaves at 0, for
// a training set of rows rows; the fields of no use to trainer stay as
// given (resolve treats them).
func defaults(trainer string, cfg model.Config, rows int) model.Config {
	switch trainer {
	case TrainerBoost:
		if len(cfg.BlendDepths) > 0 {
			cfg.MaxDepth = slices.Max(cfg.BlendDepths)
		}
		if cfg.MaxDepth == 0 {
			cfg.MaxDepth = DefaultBoostDepth
		}
		if cfg.Trees == 0 {
			cfg.Trees = DefaultBoostTrees
		}
		if cfg.MinLeaf == 0 {
			cfg.MinLeaf = DefaultBoostMinLeaf
		}
		if cfg.LearningRate == 0 {
			cfg.LearningRate = DefaultLearningRate
		}
		if cfg.L2 == 0 {
			cfg.L2 = DefaultL2
		}
	case TrainerCART:
		if cfg.MaxDepth == 0 {
			cfg.MaxDepth = DefaultMaxDepth
		}
		if cfg.Trees == 0 {
			cfg.Trees = DefaultForestTrees
		}
		if cfg.MinLeaf == 0 {
			cfg.MinLeaf = DefaultMinLeaf(rows)
		}
		if cfg.MaxFeatures == 0 && cfg.Trees > 1 {
			cfg.MaxFeatures = DefaultMaxFeatures
		}
	case TrainerGolearnCART:
		if cfg.MaxDepth == 0 {
			cfg.MaxDepth = DefaultMaxDepth
		}
		if cfg.Trees == 0 {
			cfg.Trees = 1
		}
	}
	return cfg
}

// CheckConfig returns the error Fit would return for trainer (see
// NewTrainer) and cfg whatever the training rows: a value out of range
// (checked after the trainer's defaults are filled in, so 0 is always
// accepted) or an unknown trainer. Call it to refuse a configuration before
// loading the data to train on.
func CheckConfig(trainer string, cfg model.Config) error {
	if trainer == "" {
		trainer = TrainerBoost
	}
	switch trainer {
	case TrainerBoost, TrainerCART, TrainerGolearnCART:
	default:
		_, err := NewTrainer(trainer, cfg)
		return err
	}
	cfg = defaults(trainer, cfg, 1)
	if trainer == TrainerBoost {
		if err := checkBoost(cfg); err != nil {
			return fmt.Errorf("config: %w", err)
		}
	}
	if trainer != TrainerBoost {
		if err := boostOnly(cfg, "the "+TrainerBoost+" trainer"); err != nil {
			return fmt.Errorf("config: %w", err)
		}
	}
	if trainer == TrainerGolearnCART && cfg.Trees != 1 {
		return fmt.Errorf("config: %s grows a single tree, not %d", TrainerGolearnCART, cfg.Trees)
	}
	_, err := resolve(cfg, 1)
	return err
}

// boostOnly refuses cfg if it weighs rows (model.Config.WeightFeature),
// starts from an offset (model.Config.OffsetFeature) or blends models of
// several depths (model.Config.BlendDepths), for the trainers that do
// none of these; booster names the one that does, as the caller knows it.
func boostOnly(cfg model.Config, booster string) error {
	switch {
	case cfg.WeightFeature != "":
		return fmt.Errorf("rows weighed by %s: only %s weighs rows", cfg.WeightFeature, booster)
	case cfg.OffsetFeature != "":
		return fmt.Errorf("offset feature %s: only %s starts from an offset", cfg.OffsetFeature, booster)
	case len(cfg.BlendDepths) > 0:
		return fmt.Errorf("blend of depths %v: only %s blends models", cfg.BlendDepths, booster)
	}
	return nil
}

// checkBoost refuses the boosting parameters of cfg, its defaults filled
// in, that FitBoost cannot train with.
func checkBoost(cfg model.Config) error {
	if cfg.MaxDepth < 0 || cfg.MaxDepth > MaxBoostDepth {
		return fmt.Errorf("boosted tree depth %d outside 1..%d", cfg.MaxDepth, MaxBoostDepth)
	}
	for _, d := range cfg.BlendDepths {
		if d < 1 || d > MaxBoostDepth {
			return fmt.Errorf("blended tree depth %d outside 1..%d", d, MaxBoostDepth)
		}
	}
	if !(cfg.LearningRate > 0 && cfg.LearningRate <= 1) {
		return fmt.Errorf("learning rate %v outside (0, 1]", cfg.LearningRate)
	}
	if !(cfg.L2 > 0) || math.IsInf(cfg.L2, 0) {
		return fmt.Errorf("L2 %v is not a positive number", cfg.L2)
	}
	return nil
}

// resolve checks cfg's ranges and fills in what trainer-independent
// defaults remain for nf features: MinLeaf 1, DefaultBins, class weights 1
// for zeros (see balance), one tree, all features, GOMAXPROCS workers.
func resolve(c model.Config, nf int) (model.Config, error) {
	if c.Criterion > model.Entropy {
		return c, fmt.Errorf("config: unknown criterion %d", int(c.Criterion))
	}
	if c.MaxDepth < 1 || c.MaxDepth > MaxDepthLimit {
		return c, fmt.Errorf("config: max depth %d outside 1..%d", c.MaxDepth, MaxDepthLimit)
	}
	// The trainers that do not boost record these as given: a model file
	// cannot hold NaN or an infinity.
	for _, v := range [...]struct {
		name string
		v    float64
	}{{"learning rate", c.LearningRate}, {"L2", c.L2}} {
		if math.IsNaN(v.v) || math.IsInf(v.v, 0) {
			return c, fmt.Errorf("config: %s %v is not a finite number", v.name, v.v)
		}
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
			return c, fmt.Errorf("config: class weight %v for %v", w, model.Label(i))
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
	case c.MaxFeatures == 0 || c.MaxFeatures > nf:
		c.MaxFeatures = nf
	case c.MaxFeatures < 0:
		return c, fmt.Errorf("config: negative max features %d", c.MaxFeatures)
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
func balance(c model.Config, counts [2]int) model.Config {
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
