package winnow

import (
	_ "embed"
	"io"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

// The page types: what kind of page a whole page is. A page-type model
// file is a heads file (model.Heads) with one one-vs-rest model per type,
// named by the type, over the page features (PageTypeSchema); the page's
// type is the head with the highest probability.

// pageTypeArticle is the type of a news story, a blog post or any other
// article: the one type whose parts (headline, bylines, captions) roles
// tells from its body (see refineRoles).
const pageTypeArticle = "article"

// pageTypeForum is the type of a discussion thread, whose posts are its
// content rather than reader comments on it (see roles).
const pageTypeForum = "forum"

// pageTypeDocumentation is the type of a manual's or a reference's page.
const pageTypeDocumentation = "documentation"

// pageTypeProduct is the type of a product's page in a shop.
const pageTypeProduct = "product"

// readerComments reports whether a page of type pageType may have reader
// comments, which roles takes out of its text: not a forum thread, whose
// posts are its content, nor a documentation page, whose steps, notes
// and code samples the comment head takes for comments far more often
// than it finds one (docs/accuracy.md, "No reader comments on
// documentation pages").
func readerComments(pageType string) bool {
	return pageType != pageTypeForum && pageType != pageTypeDocumentation
}

// repeatTypes reports whether RuleRepeat runs on a page of type pageType:
// a product's or a forum thread's, where a block repeated word for word is
// a copy of the same text (see repeats). On articles the annotators of the
// labelled sets keep both copies of a story a page prints twice, and
// dropping repeats lowers held-back text F1 there (docs/rules.md).
func repeatTypes(pageType string) bool {
	return pageType == pageTypeForum || pageType == pageTypeProduct
}

// RecordPage reports whether a page of type pageType (PageTypeOf, or a
// labelled page's type) is a page of records, a forum thread, listing,
// collection, product, documentation or service page, whose blocks the
// records smoothing model decides with the blocks that look like them
// (WithRecordsSmoother, features.RecordsVectors): any known type but an
// article.
func RecordPage(pageType string) bool {
	return pageType != "" && pageType != pageTypeArticle
}

// articleParts reports whether a page of type pageType keeps its bylines
// and captions apart from its text: an article's (or a page of unknown
// type's, without page-type models); on any other page they are part of
// what it shows (see refineRoles).
func articleParts(pageType string) bool {
	return pageType == "" || pageType == pageTypeArticle
}

// PageTypes are the page types a page-type model file may hold heads for,
// in the order `winnow train` writes them.
func PageTypes() []string {
	return []string{pageTypeArticle, pageTypeForum, pageTypeProduct, "listing", "collection", pageTypeDocumentation, "service"}
}

// PageTypeSchema is the page feature schema of this version of winnow, as
// page-type models record it.
func PageTypeSchema() model.Schema {
	return model.Schema{Version: features.PageSchemaVersion, Names: features.PageNames()}
}

// pageType returns the type of p under the page-type models of x
// (PageTypeOf).
func (x *Extractor) pageType(p *page.Page) string { return PageTypeOf(x.cfg.pageTypes, p) }

// PageTypeOf returns the type of p under the page-type models h (read
// with LoadPageTypes): the head with the highest probability on p's page
// vector (features.PageVector), the first in h's order on a tie; "" when
// h is nil or has no head.
func PageTypeOf(h *model.Heads, p *page.Page) string {
	if !hasHeads(h) {
		return ""
	}
	return pageTypeOfVector(h, features.PageVector(p))
}

// hasHeads reports whether h holds a model.
func hasHeads(h *model.Heads) bool { return h != nil && len(h.Models) > 0 }

// pageTypeOfVector is PageTypeOf for the page whose page vector is v; v
// is not read when h has no head.
func pageTypeOfVector(h *model.Heads, v []float64) string {
	if !hasHeads(h) {
		return ""
	}
	best, bestP := "", -1.0
	for i, m := range h.Models {
		if pr := m.Predict(v); pr > bestP {
			best, bestP = h.Names[i], pr
		}
	}
	return best
}

//go:embed model/pagetypes.json
var defaultPageTypesFile []byte

var defaultPageTypes = loadOnce("page-type models", defaultPageTypesFile, LoadPageTypes)

// DefaultPageTypes returns the page-type models embedded in the package,
// trained by `winnow train` beside the default model. They are loaded once.
func DefaultPageTypes() (*model.Heads, error) { return defaultPageTypes() }

// LoadPageTypes reads a page-type model file written by `winnow train` (a
// heads file, see model.HeadsMagic) and checks that its heads are page
// types (PageTypes) trained on the page feature schema of this version of
// winnow.
func LoadPageTypes(r io.Reader) (*model.Heads, error) { return pageTypeHeads.load(r) }
