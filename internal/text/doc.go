// Package text holds the text rules the page and feature stages share:
// what white space is, what a word is and how words are counted, and byte
// tables for the fast ASCII paths of both.
//
// It takes strings and runes and gives counts and classes; it knows
// nothing of HTML or blocks. Segmentation (features/page) and the text
// features (features) use the same definitions, so a block's Words and
// the features computed from its Text agree.
package text
