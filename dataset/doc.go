// Package dataset reads the human-labelled main-content sets into one type,
// LabelledPage: a parsed page (package features/page) with one label per block.
//
// Three kinds of label exist in the sets. Block-labelled sets (L3S-GN1,
// CleanEval's character mask, CleanEval-Victor) mark the page's text itself;
// their marks are carried onto our blocks by character overlap. Gold-text
// sets (CleanPortalEval, WCXB, MSVCode, Dragnet, DAnIEL) give the main text
// a person selected; Align labels blocks by how much of each block the gold
// contains (a token longest common subsequence computed with go-diff;
// AlignAs cuts CJK text into characters). Snippet sets give must /
// must-not contain strings (LabelledPage.With / Without).
//
// Dragnet's gold also holds the reader comments, apart from the article:
// its pages, and L3S-GN1's, flag comment blocks (LabelledPage.Comment,
// CommentLabelled).
//
//	corpus, err := dataset.Load(os.Getenv("WINNOW_DATA"), dataset.Options{})
//	if err != nil { ... }
//	for _, s := range corpus.Skipped { fmt.Println(s.Set, s.ID, s.Reason) }
//	train, test := dataset.Split(corpus.Pages, 0.2, 1) // by site, seeded
//
// Readability's test pages carry another extractor's output, not a
// person's: they are loaded for regression tests, and Trainable("readability")
// is false.
//
// The text measures of score.go (Tokens, BagOfWords, Shingles) are pure
// functions of two strings; package dataset/eval scores models with them.
// They score CJK gold by characters (TokenisationOf). Coverage measures how
// much of a gold text the labelled blocks hold, for the sets without block
// truth. LoadGoldDir reads a user's own folder of pages and gold texts;
// WriteCSV and WriteARFF write the labelled blocks' feature table.
package dataset
