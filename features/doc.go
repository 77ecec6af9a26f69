// Package features turns HTML into text blocks and blocks into feature vectors.
//
// It is the only package of winnow that sees the DOM. The pipeline is:
//
//	page, err := features.Parse(r, features.Options{}) // decode, parse, segment
//	if err != nil { ... }
//	vecs := features.Vectors(page)                     // one []float64 per block
//	names := features.Names()                          // feature names, in vector order
//
// A block is a run of visible text not interrupted by a block-level boundary;
// inline elements (a, b, i, em, span, ...) do not break a block. This follows
// the boilerpipe definition (Kohlschütter, Fankhauser, Nejdl, WSDM 2010) and
// the L3S-GN1 annotation, except that inline formatting tags other than A do
// not split blocks here either.
//
// Feature functions are pure arithmetic over []Block: no I/O, no DOM.
//
// The DOM is golang.org/x/net/html's tree. Segmentation and the head
// metadata walk its nodes directly, once, because that is the hot path;
// goquery (the only package of winnow that imports it) queries and edits the
// same tree where speed does not matter, as in Highlight.
package features
