// Package model learns and applies the decision trees that tell a page's
// main content from its boilerplate. It knows nothing of HTML: it sees
// feature vectors ([]float64, one value per name of a Schema) and labels.
// Three trainers make a Model: FitBoost (gradient-boosted oblivious trees,
// winnow's default), Fit (a CART tree or a bagged forest of them) and
// GolearnCART (golearn's own CART, the reference).
//
//	s := model.Schema{Version: "1", Names: []string{"LinkDensity", "NumWords"}}
//	m, err := model.Fit(s, X, y, model.Config{MaxDepth: 12, MinLeaf: 20})
//	if err != nil { ... }
//	p := m.Predict([]float64{0.1, 42}) // P(content)
//	err = model.WriteFile("model.json", m, false)
//	m, err = model.ReadFile("model.json", s) // ErrSchemaMismatch if s changed
//
// The files hold:
//
//	label.go, schema.go   Label (Boilerplate, Content) and Schema
//	config.go             Config, Criterion: the trainers' parameters
//	instances.go          NewInstances, FromInstances: golearn grids
//	bins.go               quantile binning of features into uint8 codes
//	histogram.go          per-node class histograms and split search
//	learner.go            Fit and the tree grower (histogram CART)
//	forest.go             bagged forests: bootstrap samples, parallel trees
//	boost.go              FitBoost: gradient-boosted oblivious trees
//	trainer.go            Trainer, NewTrainer, TreeLearner (golearn Classifier)
//	golearn_cart.go       GolearnCART: golearn's CART, converted to a Model
//	tree.go, model.go     flat node arrays; Model, Predict, Explain, Importances
//	batch.go              branchless tree walks; PredictBatch
//	oblivious.go          the boosted trees' layout: leaf index from bits
//	file.go               Save, Load, WriteFile, ReadFile and their errors
//	rules.go              WriteRules (if/else text) and WriteDot (Graphviz)
//
// golearn (github.com/sjwhitworth/golearn) is the framework: every trainer
// is a base.Classifier, fitted on the grids NewInstances builds, and its
// Predict output works with golearn's evaluation package. Only this package
// imports golearn, and only for training; prediction is a walk over flat
// arrays. Training is deterministic: no global random source, no map order,
// and parallel work that never changes the result.
package model
