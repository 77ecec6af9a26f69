package dataset

import (
	"strconv"

	"github.com/winnow-dev/winnow/model"
)

// Label is a block's label: the models' class type, model.Label, so that
// labels go to the trainers as they are. The set says Content or
// Boilerplate, or Unknown where it says nothing reliable (trainers skip
// those blocks).
type Label = model.Label

// Block labels, as package model names them. The zero value is Boilerplate
// so that a label slice made with make starts as "not content".
const (
	Boilerplate = model.Boilerplate
	Content     = model.Content
	Unknown     = model.Unknown
)

// FineLabel is L3S-GN1's finer annotation of a block.
type FineLabel uint8

// Fine labels of L3S-GN1 (x-nc-sel1 … x-nc-sel5). None is text the assessors
// marked "not content" (x-nc-sel0) or left unselected.
const (
	None FineLabel = iota
	Headline
	FullText
	Supplemental
	Related
	Comments
)

var fineNames = [...]string{"none", "headline", "fulltext", "supplemental", "related", "comments"}

// FineLabels returns every fine label, None first, in the order of the
// constants.
func FineLabels() []FineLabel {
	out := make([]FineLabel, len(fineNames))
	for i := range out {
		out[i] = FineLabel(i)
	}
	return out
}

func (f FineLabel) String() string {
	if int(f) < len(fineNames) {
		return fineNames[f]
	}
	return "FineLabel(" + strconv.Itoa(int(f)) + ")"
}

// IsContent reports whether the fine label counts as main content: the
// headline, the full text and the supplemental text (captions) do; related
// content and comments do not, as in the seed page's reading.
func (f FineLabel) IsContent() bool {
	return f == Headline || f == FullText || f == Supplemental
}
