// Package model applies the decision trees that tell a page's main content
// from its boilerplate: it takes feature vectors ([]float64, one value per
// name of a Schema) and gives P(content) for each, and the tests a vector
// met on its way (Explain). It knows nothing of HTML and nothing of
// training: the trainers, in package model/train, build Trees and hand them
// to New (a tree or a bagged forest) or NewBoosted (gradient-boosted
// trees).
//
//	m, err := model.ReadFile("model.json", s) // ErrSchemaMismatch if s changed
//	if err != nil { ... }
//	p := m.Predict(x)        // P(content) of one vector
//	m.PredictBatch(xs, ps)   // of many, faster, bit for bit the same
//	p, path := m.Explain(x)  // and the tests x met in one tree
//	err = model.WriteFile("copy.json", m, false) // ErrExists if it exists
//
// The files hold:
//
//	label.go, schema.go   Label (Boilerplate, Content) and Schema
//	config.go             Config, Criterion: the trainer's parameters a file records
//	tree.go               Tree, the file's node arrays, and their checks
//	model.go              Model, New, NewBoosted, Predict, Explain, Importances
//	batch.go              branchless tree walks; PredictBatch
//	oblivious*.go         the boosted trees' layout: leaf index from bits, AVX2 kernel
//	file.go               Save, Load, WriteFile, ReadFile and their errors
//	rules.go              WriteRules (if/else text) and WriteDot (Graphviz)
//
// Prediction is a walk over flat arrays; a Model is immutable once built
// and safe for concurrent use. The AVX2 kernel of PredictBatch is built on
// amd64 unless the purego build tag is set; every path gives the same bits.
package model
