// Package winnow extracts the main content of web pages with a decision tree
// learned from labelled pages, and lets users retrain it on their own.
//
// The pipeline, in ten lines:
//
//	pg, _ := page.Parse(r, page.Options{})              // decode, parse, split into text blocks
//	vecs := features.Vectors(pg)                        // shallow text and DOM features per block
//	for i, v := range vecs {
//		p := m.Predict(v)                               // P(content) from the decision tree
//		content[i] = p >= threshold
//	}
//	content = smooth(content)                           // gaps, promotions, tables, byline; fallback when little is kept
//	article := render(pg, content)                      // text, Markdown, clean HTML
//
// Extract does all of it with the default model embedded in the package;
// an Extractor holds another model, loaded once and shared by goroutines.
package winnow

// The embedded default model is rebuilt, byte for byte, from the shared
// labelled sets with the training defaults:
//
//go:generate go run ./cmd/winnow train -data ../shared/data -o model/default.json -force
