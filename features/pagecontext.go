package features

// The page around a block: what kind of page its markup and URL declare,
// and how much of it is records. Every block of a page has the same
// values; they let the trees treat the blocks of a product page or a
// listing apart from an article's.

// pageContextNames are the page features (pageFeatures) the page-context
// group copies into every block's vector, in order.
var pageContextNames = []string{
	"TypeArticle", "TypeProduct", "TypeForum", "TypeList", "TypeDocs", "TypeService",
	"URLProduct", "URLForum", "URLDocs", "URLList", "URLArticle",
	"RecordWordShare",
}

// pageContextGroup is the page-context group of the schema: the features
// of pageContextNames, named with the prefix "Page" (TypeArticle is
// PageTypeArticle).
var pageContextGroup = func() group {
	g := group{fill: func(c *blockContext, v []float64) { copy(v[:len(c.pageCtx)], c.pageCtx[:]) }}
	for _, name := range pageContextNames {
		for _, f := range pageFeatures {
			if f.name == name {
				g.features = append(g.features, feature{"Page" + name, "the page's " + name + ": " + f.doc})
			}
		}
	}
	return g
}()

// pageContextValues computes c.pageCtx, the page-context features of c's
// page, after computeRuns.
func (c *blockContext) pageContextValues() {
	var types [8]float64
	declaredTypes(&c.p.Meta, types[:])
	var shape [9]float64
	urlShape(c.p.Meta.URL, shape[:])
	copy(c.pageCtx[0:6], types[0:6])
	copy(c.pageCtx[6:11], shape[4:9])
	var recW float64
	for k := range c.runs {
		if r := &c.runs[k]; r.containers >= 3 {
			recW += r.words
		}
	}
	c.pageCtx[11] = ratio(recW, c.totalWords)
}
