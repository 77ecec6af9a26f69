package model

import (
	"fmt"
	"strconv"
)

// Label is the class of a text block: what the models learn and predict,
// and what the labelled sets (package dataset) say of their blocks.
type Label uint8

// The two classes, and Unknown. The classes' numeric values are the class
// codes used in model files and golearn grids, so they must not change.
const (
	Boilerplate Label = 0
	Content     Label = 1
	// Unknown marks a block a labelled set says nothing reliable about (no
	// word tokens to align, or an annotation too mixed to call): it is
	// never a class, and trainers and block scores leave it out.
	Unknown Label = 2
)

var _ fmt.Stringer = Label(0)

// String returns "boilerplate" or "content", the class values of the golearn
// class attribute of model/train's golearn grids, or "unknown".
func (l Label) String() string {
	switch l {
	case Boilerplate:
		return "boilerplate"
	case Content:
		return "content"
	case Unknown:
		return "unknown"
	}
	return "Label(" + strconv.Itoa(int(l)) + ")"
}

// labelOf turns P(content) into a hard label: content when p > 0.5. Ties go to
// boilerplate, as in golearn's CART (whose mode label favours the lower class).
func labelOf(p float64) Label {
	if p > 0.5 {
		return Content
	}
	return Boilerplate
}
