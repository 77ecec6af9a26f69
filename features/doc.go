// Package features turns a page's blocks into feature vectors.
//
// It takes a *page.Page (features/page: the decoded, segmented page) and
// gives one []float64 per block, every value in the position Names gives:
//
//	p, err := page.Parse(r, page.Options{}) // decode, parse, segment
//	if err != nil { ... }
//	vecs := features.Vectors(p)             // one []float64 per block
//	names := features.Names()               // feature names, in vector order
//
// The schema is one table (schema.go): each feature's name and what it
// measures, in vector order, in groups of consecutive features (the block's
// text, its element, its flags, ...) each computed by one function beside
// them, so names and positions cannot drift apart and a vector costs one
// call per group, not per feature. SchemaVersion names it; a model records
// the names it was trained on.
//
// Feature functions are pure arithmetic over []page.Block: no I/O, no DOM.
// They cover the block's own text (boilerpipe's shallow text features,
// Kohlschütter, Fankhauser, Nejdl, WSDM 2010), the same of its neighbours,
// its element, the elements and class/id vocabularies around it, and its
// place in the page.
package features
