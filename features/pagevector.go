package features

import (
	"math"
	"net/url"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// PageSchemaVersion names the page feature schema (PageNames), as
// SchemaVersion names the blocks': it changes whenever a page feature is
// added, removed, reordered or computed differently.
const PageSchemaVersion = "winnow-page-features-1"

// pageFeatures are the features of a whole page, in vector order: what a
// page-type classifier reads.
var pageFeatures = []feature{
	{"PageWords", "log(1 + words)"},
	{"PageBlocks", "log(1 + blocks)"},
	{"PageLinkDensity", "link words / words"},
	{"LinkedBlockShare", "share of blocks whose every word is linked"},
	{"ParagraphShare", "share of blocks that are <p>"},
	{"ParagraphWordShare", "words in <p> / words"},
	{"ListItemShare", "share of blocks that are list items"},
	{"TableCellShare", "share of blocks that are table cells"},
	{"HeadingShare", "share of blocks that are headings"},
	{"PreShare", "share of blocks that are preformatted"},
	{"FormShare", "share of blocks inside forms"},
	{"ArticleWordShare", "words inside <article> / words"},
	{"MainWordShare", "words inside <main> / words"},
	{"LongestBlockShare", "words of the longest block / words"},
	{"TopNodeShare", "words inside the densest text region (see topNode) / words"},
	{"LongBlockShare", "share of blocks with 30 words or more"},
	{"MeanBlockWords", "words / blocks"},
	{"LargestRunBlocks", "blocks in the page's largest run (see runGroup)"},
	{"LargestRunContainers", "records (parents of block elements) in the largest run"},
	{"LargestRunWordShare", "words of the largest run / words"},
	{"LargestRunLinkDensity", "link words / words of the largest run"},
	{"RecordRuns", "runs of three or more records"},
	{"RecordWordShare", "words in runs of three or more records / words"},
	{"RecordLinkDensity", "link words / words in runs of three or more records"},
	{"DefinitionListShare", "share of blocks in definition lists"},
	{"TwoCellRowShare", "share of blocks that are cells of two-cell rows"},
	{"SpecClassShare", "share of blocks with a spec class (ClassSpec)"},
	{"FAQClassShare", "share of blocks with an FAQ class (ClassFAQ)"},
	{"ReviewClassShare", "share of blocks with a review class (ClassReview)"},
	{"CommentSignalShare", "share of blocks with a comment class or id on an ancestor"},
	{"ContentSignalShare", "share of blocks with a content class or id on an ancestor"},
	{"TypeArticle", "1 if the markup declares an article, blog or news type (JSON-LD, microdata or og:type article)"},
	{"TypeProduct", "1 if it declares a product or offer"},
	{"TypeForum", "1 if it declares a forum post, question or Q&A page"},
	{"TypeList", "1 if it declares an item list, collection, search results or event"},
	{"TypeDocs", "1 if it declares a technical article, API reference or software"},
	{"TypeService", "1 if it declares a service, business or organisation's page (with no article)"},
	{"TypeFAQ", "1 if it declares an FAQ page"},
	{"OGTypeWebsite", "1 if og:type is website"},
	{"HasDate", "1 if the markup gives a publication date"},
	{"HasAuthor", "1 if the markup gives an author"},
	{"TimeMarks", "the body's <time> and datePublished marks"},
	{"URLDepth", "path segments of the page's own URL (Meta.URL); -1 without one"},
	{"URLDigits", "1 if a path segment of the URL has four or more digits in a row"},
	{"URLSlugWords", "hyphen-separated words of the URL's last path segment"},
	{"URLQuery", "1 if the URL has a query"},
	{"URLProduct", "1 if a path segment names a product (product, products, p, item, shop, dp)"},
	{"URLForum", "1 if a path segment names a forum (forum, forums, thread, threads, topic, t, community, discussion, questions)"},
	{"URLDocs", "1 if a path segment names documentation (docs, doc, documentation, api, reference, guide, manual, wiki)"},
	{"URLList", "1 if a path segment names a listing (category, categories, tag, tags, collections, collection, search, events, list, archive)"},
	{"URLArticle", "1 if a path segment names news (news, blog, article, articles, story, post, posts) or is a year"},
}

var pageNames = featureNames(pageFeatures)

// PageNames returns the page feature names in vector order. The caller
// must not modify the slice.
func PageNames() []string { return pageNames }

// NumPageFeatures is the length of every page vector.
func NumPageFeatures() int { return len(pageFeatures) }

// PageVector computes the page features of p, in the order of PageNames:
// aggregates over its blocks and its runs of alike blocks, the types its
// markup declares, and the shape of its URL.
func PageVector(p *page.Page) []float64 {
	v := make([]float64, len(pageFeatures))
	sc := vecScratchPool.Get().(*vecScratch)
	defer sc.keep()
	c := &sc.ctx
	*c = blockContext{p: p, n: len(p.Blocks)}
	if len(p.Blocks) > 0 {
		minC := sc.zeroContainers(c)
		for i := range p.Blocks {
			b := &p.Blocks[i]
			c.containers[b.Container-minC].blocks++
		}
		sc.computeRuns(c)
		c.sub = zeroed(sc.sub, max(len(p.Elements), 1))
		sc.sub = c.sub
		subtreeTotals(p, c.sub)
	}
	c.pageVector(v)
	return v
}

// pageVector writes the page features of c's page into v
// (NumPageFeatures values, whatever they hold before). Of c it reads the page, the blocks of each
// container, the runs (computeRuns) and the subtree totals
// (subtreeTotals), which pageContext makes as PageVector does.
func (c *blockContext) pageVector(v []float64) {
	_ = v[len(pageFeatures)-1]
	clear(v)
	p := c.p
	var words, links, linked, para, paraWords, list, cell, head, pre, form, art, main, longest, long float64
	var dl, twoCell, spec, faq, review, comment, content float64
	for i := range p.Blocks {
		b := &p.Blocks[i]
		w := float64(b.Words)
		words += w
		links += float64(b.LinkWords)
		longest = max(longest, w)
		linked += bool01(b.Flags&page.InLink != 0)
		if b.Tag == "p" {
			para++
			paraWords += w
		}
		list += bool01(b.Kind == page.KindListItem)
		cell += bool01(b.Kind == page.KindTableCell)
		head += bool01(b.Kind == page.KindHeading)
		pre += bool01(b.Kind == page.KindPre)
		form += bool01(b.Flags&page.InForm != 0)
		if b.Flags&page.InArticle != 0 {
			art += w
		}
		if b.Flags&page.InMain != 0 {
			main += w
		}
		long += bool01(b.Words >= 30)
		dl += bool01(b.Tag == "dt" || b.Tag == "dd" || inPath(p, b.Element, "dl"))
		twoCell += bool01(b.Kind == page.KindTableCell && b.Row >= 0 && b.Row < len(c.rowCells) && c.rowCells[b.Row] == 2)
		f := c.runFacts[i]
		spec += bool01(f.vocab&vocabSpec != 0)
		faq += bool01(f.vocab&vocabFAQ != 0)
		review += bool01(f.vocab&vocabReview != 0)
		comment += bool01(b.SignalAny&page.SigComment != 0)
		content += bool01(b.SignalAny&page.SigContent != 0)
	}
	n := float64(len(p.Blocks))
	v[0], v[1] = math.Log1p(words), math.Log1p(n)
	v[2], v[3] = ratio(links, words), ratio(linked, n)
	v[4], v[5] = ratio(para, n), ratio(paraWords, words)
	v[6], v[7], v[8], v[9], v[10] = ratio(list, n), ratio(cell, n), ratio(head, n), ratio(pre, n), ratio(form, n)
	v[11], v[12] = ratio(art, words), ratio(main, words)
	v[13] = ratio(longest, words)
	if len(c.sub) > 0 {
		v[14] = ratio(c.sub[topNode(c.sub)].words, words)
	}
	v[15], v[16] = ratio(long, n), ratio(words, n)
	if len(c.runs) > 0 {
		r := &c.runs[c.largestRun]
		v[17], v[18], v[19], v[20] = r.blocks, r.containers, ratio(r.words, words), ratio(r.links, r.words)
		var recW, recL float64
		for k := range c.runs {
			if r := &c.runs[k]; r.containers >= 3 {
				v[21]++
				recW += r.words
				recL += r.links
			}
		}
		v[22], v[23] = ratio(recW, words), ratio(recL, recW)
	}
	v[24], v[25] = ratio(dl, n), ratio(twoCell, n)
	v[26], v[27], v[28] = ratio(spec, n), ratio(faq, n), ratio(review, n)
	v[29], v[30] = ratio(comment, n), ratio(content, n)
	declaredTypes(&p.Meta, v[31:39:39])
	v[39] = bool01(p.Meta.Date != "")
	v[40] = bool01(p.Meta.Author != "")
	v[41] = float64(len(p.Meta.TimeHints))
	urlShape(p.Meta.URL, v[42:51:51])
}

// typeKinds sort schema.org types into the page kinds of the Type*
// features, in their order: article, product, forum, list, docs,
// service, FAQ.
var typeKinds = map[string]int{
	"Article": 0, "NewsArticle": 0, "BlogPosting": 0, "ReportageNews": 0, "AnalysisNewsArticle": 0,
	"OpinionNewsArticle": 0, "Blog": 0, "LiveBlogPosting": 0, "ScholarlyArticle": 0, "Report": 0,
	"Product": 1, "Offer": 1, "AggregateOffer": 1, "ProductGroup": 1, "IndividualProduct": 1,
	"DiscussionForumPosting": 2, "QAPage": 2, "Question": 2, "Answer": 2, "SocialMediaPosting": 2, "Comment": 2,
	"ItemList": 3, "CollectionPage": 3, "SearchResultsPage": 3, "Event": 3, "OfferCatalog": 3,
	"TechArticle": 4, "APIReference": 4, "SoftwareSourceCode": 4, "SoftwareApplication": 4, "HowTo": 4,
	"Service": 5, "LocalBusiness": 5, "ProfessionalService": 5, "Organization": 5, "ContactPage": 5, "AboutPage": 5,
	"FAQPage": 6,
}

// declaredTypes sets v (8 values: the Type* features and OGTypeWebsite)
// from the types m declares.
func declaredTypes(m *page.Meta, v []float64) {
	_ = v[7]
	for _, t := range m.Types {
		if k, ok := typeKinds[t]; ok {
			v[k] = 1
		}
	}
	switch m.OGType {
	case "article", "blog":
		v[0] = 1
	case "product", "og:product", "product.item":
		v[1] = 1
	case "website":
		v[7] = 1
	}
}

var (
	urlProduct = map[string]bool{"product": true, "products": true, "p": true, "item": true, "shop": true, "dp": true}
	urlForum   = map[string]bool{"forum": true, "forums": true, "thread": true, "threads": true, "topic": true, "t": true,
		"community": true, "discussion": true, "questions": true}
	urlDocs = map[string]bool{"docs": true, "doc": true, "documentation": true, "api": true, "reference": true,
		"guide": true, "manual": true, "wiki": true}
	urlList = map[string]bool{"category": true, "categories": true, "tag": true, "tags": true, "collections": true,
		"collection": true, "search": true, "events": true, "list": true, "archive": true}
	urlArticle = map[string]bool{"news": true, "blog": true, "article": true, "articles": true, "story": true,
		"post": true, "posts": true}
)

// urlShape sets v (9 values, URLDepth to URLArticle) from the page's URL
// u, "" when unknown.
func urlShape(u string, v []float64) {
	_ = v[8]
	pu, err := url.Parse(u)
	if u == "" || err != nil {
		v[0] = -1
		return
	}
	var segs []string
	for s := range strings.SplitSeq(strings.Trim(pu.Path, "/"), "/") {
		if s != "" {
			segs = append(segs, strings.ToLower(s))
		}
	}
	v[0] = float64(len(segs))
	v[3] = bool01(pu.RawQuery != "")
	for _, s := range segs {
		v[1] = max(v[1], bool01(digitRun(s) >= 4))
		v[4] = max(v[4], bool01(urlProduct[s]))
		v[5] = max(v[5], bool01(urlForum[s]))
		v[6] = max(v[6], bool01(urlDocs[s]))
		v[7] = max(v[7], bool01(urlList[s]))
		v[8] = max(v[8], bool01(urlArticle[s] || (len(s) == 4 && digitRun(s) == 4 && (s[0] == '1' || s[0] == '2'))))
	}
	if len(segs) > 0 {
		last := segs[len(segs)-1]
		if i := strings.LastIndexByte(last, '.'); i > 0 {
			last = last[:i]
		}
		v[2] = float64(len(strings.FieldsFunc(last, func(r rune) bool { return r == '-' || r == '_' })))
	}
}

// digitRun is the longest run of ASCII digits in s.
func digitRun(s string) int {
	best, cur := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			cur++
			best = max(best, cur)
		} else {
			cur = 0
		}
	}
	return best
}
