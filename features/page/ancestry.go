package page

// Path returns the tag names of the block-level elements from the
// outermost one down to element e (Page.Elements[e]), e's own last: the
// tag path of a block is p.Path(b.Element). It is a new slice, Depth
// long; the document (e = 0) has an empty path.
func (p *Page) Path(e int) []string {
	if e <= 0 || e >= len(p.Elements) {
		return nil
	}
	path := make([]string, p.Elements[e].Depth)
	for i := len(path) - 1; i >= 0 && e > 0; i-- {
		path[i] = p.Elements[e].Tag
		e = p.Elements[e].Parent
	}
	return path
}

// Ancestors returns the numbers of the elements of p.Path(e), in the same
// order: e itself is last. It is a new slice.
func (p *Page) Ancestors(e int) []int {
	if e <= 0 || e >= len(p.Elements) {
		return nil
	}
	ids := make([]int, p.Elements[e].Depth)
	for i := len(ids) - 1; i >= 0 && e > 0; i-- {
		ids[i] = e
		e = p.Elements[e].Parent
	}
	return ids
}

// Classes returns the class and id tokens of element e and of its two
// nearest block-level ancestors, nearest first: the tokens whose
// vocabulary is Block.SignalNear for the blocks of e. It is a new slice,
// nil when there are none.
func (p *Page) Classes(e int) []string {
	var out []string
	for k := 0; k < 3 && e > 0 && e < len(p.Elements); k++ {
		out = append(out, p.Elements[e].Classes...)
		e = p.Elements[e].Parent
	}
	return out
}
