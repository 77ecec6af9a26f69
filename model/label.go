package model

import (
	"fmt"
	"strconv"
)

// Label is the class of a text block.
type Label uint8

// The two classes. Their numeric values are the class codes used in model
// files and golearn grids, so they must not change.
const (
	Boilerplate Label = 0
	Content     Label = 1
)

var _ fmt.Stringer = Label(0)

// String returns "boilerplate" or "content", the class values of the golearn
// class attribute of model/train's golearn grids.
func (l Label) String() string {
	switch l {
	case Boilerplate:
		return "boilerplate"
	case Content:
		return "content"
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
