package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

// trainerFlags choose a trainer and its configuration. winnow train and
// winnow eval -cv register the same flags, so that cross-validation trains
// exactly as winnow train does, by default or with the flags given. A flag
// left at 0 leaves the field to the trainer's default (package
// model/train), so the library with a zero model.Config trains what winnow
// train does.
type trainerFlags struct {
	trainer, criterion, weight            string
	maxDepth, minLeaf, trees, maxFeatures int
	learningRate                          float64
	blend                                 depthList
}

// depthList is a flag of comma-separated tree depths; set records that it
// was given.
type depthList struct {
	depths []int
	set    bool
}

func (d *depthList) String() string {
	if d == nil || d.depths == nil {
		return ""
	}
	return joinInts(d.depths)
}

func (d *depthList) Set(v string) error {
	d.set, d.depths = true, nil
	if v == "0" {
		return nil
	}
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("%q is not a list of depths (want e.g. 6,8, or 0 for none)", v)
		}
		d.depths = append(d.depths, n)
	}
	return nil
}

// joinInts is v as comma-separated numbers.
func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

// trainerFlagNames are the names of the flags register adds, read off a
// FlagSet it registered them on.
var trainerFlagNames = func() []string {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	var t trainerFlags
	t.register(fs)
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return names
}()

func (t *trainerFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&t.trainer, "trainer", defaultTrainer, "boost (gradient-boosted oblivious trees), cart (histogram CART) or golearn-cart (golearn's CART; slow beyond ~20k blocks)")
	fs.StringVar(&t.criterion, "criterion", "gini", "cart: split criterion, gini or entropy")
	fs.IntVar(&t.maxDepth, "tree-depth", 0, fmt.Sprintf("maximum tree depth (0: %d for boost, %d for cart)", train.DefaultBoostDepth, train.DefaultMaxDepth))
	fs.IntVar(&t.minLeaf, "min-leaf", 0, fmt.Sprintf("minimum blocks per leaf, for boost on each side of a split (0: %d for boost; for cart one per 14,000 training blocks, at least 5)", train.DefaultBoostMinLeaf))
	fs.IntVar(&t.trees, "trees", 0, fmt.Sprintf("boosting rounds, or bagged trees (0: %d for boost, %d for cart, 1 for golearn-cart; -trainer cart -trees 1: a single, readable tree)", train.DefaultBoostTrees, train.DefaultForestTrees))
	fs.Float64Var(&t.learningRate, "learning-rate", 0, fmt.Sprintf("boost: shrinkage of each tree's scores (0: %v)", train.DefaultLearningRate))
	fs.StringVar(&t.weight, "weight", "blocks", "how training weighs a block in the content and smoothing models: blocks (each 1) or words (by its words + 1, as text F1 counts them; boost only)")
	fs.Var(&t.blend, "blend-depths", fmt.Sprintf("boost: the content model is the mean of one boosted model per depth in `list`, comma-separated (default %s unless -tree-depth is given; 0: one model of -tree-depth)", joinInts(train.DefaultBlendDepths())))
	fs.IntVar(&t.maxFeatures, "max-features", 0, fmt.Sprintf("cart: features drawn as split candidates per node in a forest (0: %d; a single tree: all)", train.DefaultMaxFeatures))
}

// recipe checks the flags and returns the recipe they give, with seed:
// the configuration every model shares and the content model's own
// settings (trainRecipe); the trainer fills in the defaults for the fields
// left at 0. An unknown trainer or criterion, or a value the trainer would
// refuse for the content model (train.CheckConfig), is a usage error,
// found before any data is read.
func (t *trainerFlags) recipe(seed uint64) (trainRecipe, error) {
	r := trainRecipe{base: model.Config{MaxDepth: t.maxDepth, MinLeaf: t.minLeaf, Trees: t.trees, Seed: seed, LearningRate: t.learningRate, MaxFeatures: t.maxFeatures}}
	switch t.criterion {
	case "gini":
		r.base.Criterion = model.Gini
	case "entropy":
		r.base.Criterion = model.Entropy
	default:
		return r, fmt.Errorf("%w: unknown -criterion %q", errUsage, t.criterion)
	}
	if err := checkRange("learning-rate", t.learningRate, 0, 1, false); err != nil {
		return r, err
	}
	switch t.weight {
	case "words":
		r.weighWords = true
	case "blocks":
	default:
		return r, fmt.Errorf("%w: unknown -weight %q (want words or blocks)", errUsage, t.weight)
	}
	switch {
	case !t.boosted():
		if len(t.blend.depths) > 0 {
			return r, fmt.Errorf("%w: -blend-depths: only -trainer %s blends models", errUsage, train.TrainerBoost)
		}
	case t.blend.set:
		r.blend = t.blend.depths
	case t.maxDepth == 0:
		r.blend = train.DefaultBlendDepths()
	}
	if err := train.CheckConfig(t.trainer, r.content()); err != nil {
		return r, fmt.Errorf("%w: %v", errUsage, err)
	}
	return r, nil
}

// boosted reports whether the trainer is boosting.
func (t *trainerFlags) boosted() bool { return t.trainer == train.TrainerBoost }

// describe is the trainer and its configuration in one line, as trained:
// cfg is the Params of a content model it trained, which hold the
// trainer's defaults and the content model's own settings.
func (t *trainerFlags) describe(cfg model.Config) string {
	if t.boosted() {
		weight := "blocks"
		if cfg.WeightFeature != "" {
			weight = "words"
		}
		depth := fmt.Sprintf("tree-depth %d", cfg.MaxDepth)
		if len(cfg.BlendDepths) > 0 {
			depth = "blend of depths " + joinInts(cfg.BlendDepths)
		}
		return fmt.Sprintf("%s (%s, min-leaf %d, trees %d, learning rate %v, weight %s)", t.trainer, depth, cfg.MinLeaf, cfg.Trees, cfg.LearningRate, weight)
	}
	return fmt.Sprintf("%s (%s, tree-depth %d, min-leaf %d, trees %d, seed %d)", t.trainer, t.criterion, cfg.MaxDepth, cfg.MinLeaf, cfg.Trees, cfg.Seed)
}
