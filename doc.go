// Package winnow extracts the main content of web pages with decision trees
// learned from labelled pages, and lets users retrain them on their own.
//
// The pipeline, in a few lines (winnow.go reads the same, top to bottom):
//
//	p, _ := page.Parse(r, page.Options{})          // decode, parse, cut into text blocks
//	for i, v := range features.Vectors(p) {        // shallow text and DOM features per block
//		probs[i] = m.Predict(v)                    // P(content) from the boosted trees
//		keep[i] = probs[i] >= threshold
//	}
//	article := assemble(p, keep)                   // roles; title, author, date; body, Markdown, HTML
//
// Extract does all of it with the default model embedded in the package;
// an Extractor holds another model or configuration, is built once and is
// shared by goroutines. The library does no network I/O: it takes an
// io.Reader and never closes it.
package winnow

// The embedded models are written by this command from the shared labelled
// sets with the training defaults (the same data, seed and flags give the
// same files, byte for byte); docs/training.md names the commit each file
// in model/ was written at:
//
//go:generate go run ./cmd/winnow train -data ../shared/data -o model/default.json -roles model/roles.json -page-types model/pagetypes.json -smooth model/smooth.json -smooth-records model/smooth-records.json -force
