// Package train grows the decision trees package model applies. It takes
// labelled feature vectors (rows X in the order of a model.Schema, labels
// y) and a model.Config, and gives a *model.Model:
//
//	m, err := train.FitBoost(s, X, y, model.Config{}) // winnow train's model
//	if err != nil { ... }
//	err = model.WriteFile("model.json", m, false)
//
// Three trainers: FitBoost (gradient-boosted oblivious trees, winnow's
// default), Fit (a histogram CART tree or a bagged forest of them) and
// GolearnCART (golearn's own CART, the reference). The fields of a Config
// left at 0 get the trainer's defaults, the ones winnow train uses, so the
// library with a zero Config and the command without trainer flags train
// the same model on the same rows (winnow train also passes its -seed).
//
// golearn (github.com/sjwhitworth/golearn) is the framework: every trainer
// is a base.Classifier (NewTrainer), fitted on the grids NewInstances
// builds, and its Predict output works with golearn's evaluation package.
// golearn's types appear in this package only, never in model. Training is
// deterministic: no global random source, no map order, and parallel work
// that never changes the result.
//
// The files hold:
//
//	config.go             trainer names, defaults and limits; filling in a Config
//	instances.go          NewInstances, FromInstances: golearn grids
//	bins.go               quantile binning of features into uint8 codes
//	histogram.go          per-node class histograms and split search
//	learner.go            Fit and the tree grower (histogram CART)
//	forest.go             bagged forests: bootstrap samples, parallel trees
//	boost.go              FitBoost: gradient-boosted oblivious trees
//	tree.go               building a model.Tree node by node
//	trainer.go            Trainer, NewTrainer, TreeLearner (golearn Classifier)
//	golearn_cart.go       GolearnCART: golearn's CART, converted to a Model
package train
