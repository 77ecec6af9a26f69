package features

import (
	"github.com/winnow-dev/winnow/features/page"
)

// SchemaVersion names the feature schema. It changes whenever a feature is
// added, removed, reordered or computed differently, so that a model trained
// on one schema is never fed vectors of another.
const SchemaVersion = "winnow-features-4"

// feature is one position of the vectors: its name (as the model file
// records it), what it measures, and how it is computed from a block in
// its page.
type feature struct {
	name  string
	doc   string
	value func(c *blockContext) float64
}

// schema is every feature, in vector order: the one place that says which
// value goes where. Names, Vectors and EachChunk all read it.
var schema = concat(
	// The block's own text (boilerpipe's shallow text features), then the
	// same of the block before it and of the block after it (0 at the page's
	// ends).
	localFeatures("", "", func(c *blockContext) *textStats { return c.cur }),
	localFeatures("Prev", "previous block: ", func(c *blockContext) *textStats { return c.prev }),
	localFeatures("Next", "next block: ", func(c *blockContext) *textStats { return c.next }),
	[]feature{
		// boilerpipe's quotient features (DensityRulesClassifier and the
		// paper's table 2), with +1 smoothing.
		{"WordsQuotientPrev", "(words+1) / (previous block's words+1)",
			func(c *blockContext) float64 { return (c.cur.words + 1) / (c.prev.words + 1) }},
		{"WordsQuotientNext", "(words+1) / (next block's words+1)",
			func(c *blockContext) float64 { return (c.cur.words + 1) / (c.next.words + 1) }},
		{"DensityQuotientPrev", "(text density+1) / (previous block's text density+1)",
			func(c *blockContext) float64 { return (c.cur.density + 1) / (c.prev.density + 1) }},
		{"DensityQuotientNext", "(text density+1) / (next block's text density+1)",
			func(c *blockContext) float64 { return (c.cur.density + 1) / (c.next.density + 1) }},

		// The window of ±3 blocks around the block, the block itself excluded.
		{"WindowWords", "words of the three blocks before and the three after",
			func(c *blockContext) float64 { return c.windowWords }},
		{"WindowLinkDensity", "link words / words of the three blocks before and the three after",
			func(c *blockContext) float64 { return ratio(c.windowLinks, c.windowWords) }},

		// The block element.
		{"TagP", "1 if the block element is <p>",
			func(c *blockContext) float64 { return bool01(c.b.Tag == "p") }},
		{"TagHeading", "1 if it is a heading, <h1> to <h6>",
			func(c *blockContext) float64 { return bool01(c.b.Kind == page.KindHeading) }},
		{"HeadingLevel", "the heading's level, 1-6; 0 for other blocks",
			func(c *blockContext) float64 { return float64(c.b.Level) }},
		{"TagListItem", "1 if it is a list item: <li>, <dt>, <dd>",
			func(c *blockContext) float64 { return bool01(c.b.Kind == page.KindListItem) }},
		{"TagTableCell", "1 if it is <td> or <th>",
			func(c *blockContext) float64 { return bool01(c.b.Tag == "td" || c.b.Tag == "th") }},
		{"TagDiv", "1 if it is <div>",
			func(c *blockContext) float64 { return bool01(c.b.Tag == "div") }},
		{"TagPre", "1 if the block is preformatted text, inside <pre>",
			func(c *blockContext) float64 { return bool01(c.b.Kind == page.KindPre) }},
		{"TagQuote", "1 if it is <blockquote>",
			func(c *blockContext) float64 { return bool01(c.b.Tag == "blockquote") }},
		{"TagCaption", "1 if it is <figcaption> or <caption>",
			func(c *blockContext) float64 { return bool01(c.b.Kind == page.KindCaption) }},
		{"TagOther", "1 if it is a generic block other than <div>, <td> and <th> (section, body, ...)",
			func(c *blockContext) float64 {
				tag := c.b.Tag
				return bool01(c.b.Kind == page.KindText && tag != "div" && tag != "td" && tag != "th")
			}},

		// The enclosing elements (or their ARIA roles).
		flagFeature("InList", page.InList, "inside <ul>, <ol>, <dl>, <li> or <menu>"),
		flagFeature("InTable", page.InTable, "inside <table>"),
		flagFeature("InForm", page.InForm, "inside <form> (or role form or search)"),
		flagFeature("InFigure", page.InFigure, "inside <figure>"),
		flagFeature("InHeader", page.InHeader, "inside <header> (or role banner)"),
		flagFeature("InNav", page.InNav, "inside <nav> (or role navigation, menu, menubar)"),
		flagFeature("InAside", page.InAside, "inside <aside> (or role complementary)"),
		flagFeature("InFooter", page.InFooter, "inside <footer> (or role contentinfo)"),
		flagFeature("InArticle", page.InArticle, "inside <article> (or role article)"),
		flagFeature("InMain", page.InMain, "inside <main> (or role main)"),
		flagFeature("InBlockquote", page.InBlockquote, "inside <blockquote>"),
		flagFeature("AllWordsLinked", page.InLink, "every word of the block is inside a link"),

		// The class/id vocabularies of the block element and its two nearest
		// block-level ancestors.
		nearFeature("NearNav", page.SigNav, "navigation"),
		nearFeature("NearHeaderFooter", page.SigHeaderFoot, "header or footer"),
		nearFeature("NearShare", page.SigShare, "sharing"),
		nearFeature("NearRelated", page.SigRelated, "related or promoted links"),
		nearFeature("NearComment", page.SigComment, "comments"),
		nearFeature("NearSidebar", page.SigSidebar, "sidebar"),
		nearFeature("NearAd", page.SigAd, "advertising"),
		nearFeature("NearCookie", page.SigCookie, "cookie, consent, sign-up and paywall notices"),
		nearFeature("NearBreadcrumb", page.SigBreadcrumb, "breadcrumbs, tags and bylines"),
		nearFeature("NearContent", page.SigContent, "content (article, story, post, ...)"),

		// The class/id vocabularies of all its ancestors.
		anyFeature("AnyNav", page.SigNav, "navigation"),
		anyFeature("AnyHeaderFooter", page.SigHeaderFoot, "header or footer"),
		anyFeature("AnyShare", page.SigShare, "sharing"),
		anyFeature("AnyRelated", page.SigRelated, "related or promoted links"),
		anyFeature("AnyComment", page.SigComment, "comments"),
		anyFeature("AnySidebar", page.SigSidebar, "sidebar"),
		anyFeature("AnyAd", page.SigAd, "advertising"),
		anyFeature("AnyCookie", page.SigCookie, "cookie, consent, sign-up and paywall notices"),
		anyFeature("AnyBreadcrumb", page.SigBreadcrumb, "breadcrumbs, tags and bylines"),
		anyFeature("AnyContent", page.SigContent, "content (article, story, post, ...)"),

		// Position and page context.
		{"RelativePosition", "block index / (blocks-1)",
			func(c *blockContext) float64 { return float64(c.i) / float64(max(c.n-1, 1)) }},
		{"RelativeWordPosition", "words of the blocks before it / page words",
			func(c *blockContext) float64 { return ratio(c.wordsBefore, c.totalWords) }},
		{"Depth", "element ancestors of the block element, inline ones included",
			func(c *blockContext) float64 { return float64(c.b.Depth) }},
		{"WordShare", "block words / page words",
			func(c *blockContext) float64 { return ratio(float64(c.b.Words), c.totalWords) }},
		{"ContainerWordShare", "words of the blocks in the block's container (parent element) / page words",
			func(c *blockContext) float64 { return ratio(c.container.words, c.totalWords) }},
		{"ContainerLinkDensity", "link words / words of the blocks in its container",
			func(c *blockContext) float64 { return ratio(c.container.links, c.container.words) }},
		{"ContainerBlocks", "blocks in its container",
			func(c *blockContext) float64 { return c.container.blocks }},
		{"DistanceToLongest", "(block index - index of the page's longest block) / blocks",
			func(c *blockContext) float64 { return float64(c.i-c.longest) / float64(c.n) }},
		{"SameContainerAsLongest", "1 if it shares the longest block's container",
			func(c *blockContext) float64 { return bool01(c.b.Container == c.longestBlock.Container) }},
		{"PathSharedWithLongest", "common prefix of its tag path and the longest block's / the longer path",
			func(c *blockContext) float64 { return sharedPrefix(c.b.Path, c.longestBlock.Path) }},
		{"DistanceToH1", "(block index - index of the first <h1>) / blocks; 0 without an <h1>",
			func(c *blockContext) float64 {
				if c.h1 < 0 {
					return 0
				}
				return float64(c.i-c.h1) / float64(c.n)
			}},
		{"TitleOverlap", "share of its tokens found in the <title> (see titleOverlapLower); 0 for long blocks",
			func(c *blockContext) float64 {
				if !c.needTitle {
					return 0
				}
				return titleOverlapLower(c.low, c.title, &c.titleKeys)
			}},
		{"BoilerplatePhrases", "boilerplate phrases in it (see boilerplatePhrases); 0 for blocks over 30 words",
			func(c *blockContext) float64 {
				if !c.needPhrases {
					return 0
				}
				return phraseHitsLower(c.low)
			}},
		{"PageWords", "log(1 + page words)",
			func(c *blockContext) float64 { return c.logWords }},
		{"PageBlocks", "log(1 + blocks)",
			func(c *blockContext) float64 { return c.logBlocks }},

		// The enclosing elements two and three levels above the block
		// element; for a block too near the top, the whole page.
		{"GrandparentWordShare", "words inside the element two levels above the block element / page words",
			func(c *blockContext) float64 { return c.ancestorWordShare(3) }},
		{"GrandparentLinkDensity", "link words / words inside that element",
			func(c *blockContext) float64 { return c.ancestorLinkDensity(3) }},
		{"GreatGrandparentWordShare", "words inside the element three levels above / page words",
			func(c *blockContext) float64 { return c.ancestorWordShare(4) }},
		{"GreatGrandparentLinkDensity", "link words / words inside that element",
			func(c *blockContext) float64 { return c.ancestorLinkDensity(4) }},

		// The page's densest text region (see topNode).
		{"InTopNode", "1 if the block is inside the top node",
			func(c *blockContext) float64 { return bool01(c.belowTop >= 0) }},
		{"TopNodeWordShare", "words inside the top node / page words",
			func(c *blockContext) float64 { return ratio(c.sub[c.top].words, c.totalWords) }},
		{"LevelsBelowTopNode", "block-level elements from the top node down to the block element; -1 outside it",
			func(c *blockContext) float64 { return float64(c.belowTop) }},

		// Anchors.
		{"Links", "<a> elements with words in the block",
			func(c *blockContext) float64 { return float64(c.b.Links) }},
		{"StartsWithLink", "1 if its first word is inside a link",
			func(c *blockContext) float64 { return bool01(c.b.StartsWithLink) }},

		{"SameTagInContainer", "share of the blocks of its container held by the same element as it: low for the odd one out, such as a promo <div> among <p>s",
			func(c *blockContext) float64 { return ratio(float64(c.sameTag), c.container.blocks) }},
	},
)

// localFeatures are the shallow text features of one block (textStats), named
// with prefix and documented with docPrefix; stats picks the block.
func localFeatures(prefix, docPrefix string, stats func(c *blockContext) *textStats) []feature {
	local := []struct {
		name, doc string
		get       func(st *textStats) float64
	}{
		{"Words", "words", func(st *textStats) float64 { return st.words }},
		{"AvgWordLength", "mean characters per word", func(st *textStats) float64 { return st.avgWordLen }},
		{"AvgSentenceLength", "words per sentence", func(st *textStats) float64 { return st.avgSentLen }},
		{"TextDensity", "words per 80-column wrapped line (boilerpipe's text density)", func(st *textStats) float64 { return st.density }},
		{"LinkDensity", "words inside links / words", func(st *textStats) float64 { return st.linkDensity }},
		{"FullStops", "number of '.'", func(st *textStats) float64 { return st.fullStops }},
		{"UpperStartShare", "share of words starting with an upper-case letter", func(st *textStats) float64 { return st.upperShare }},
		{"DigitShare", "share of non-space characters that are digits", func(st *textStats) float64 { return st.digitShare }},
		{"PunctShare", "share of non-space characters that are punctuation or symbols", func(st *textStats) float64 { return st.punctShare }},
		{"Commas", "number of ','", func(st *textStats) float64 { return st.commas }},
		{"EndsWithPunct", "1 if the text ends with sentence punctuation, a closing quote or a parenthesis", func(st *textStats) float64 { return st.endsPunct }},
	}
	out := make([]feature, len(local))
	for i, l := range local {
		out[i] = feature{prefix + l.name, docPrefix + l.doc, func(c *blockContext) float64 { return l.get(stats(c)) }}
	}
	return out
}

// flagFeature is 1 when the block has flag f.
func flagFeature(name string, f page.Flags, doc string) feature {
	return feature{name, doc, func(c *blockContext) float64 { return bool01(c.b.Flags&f != 0) }}
}

// nearFeature is 1 when the class or id of the block element or of one of
// its two nearest block-level ancestors has a word of vocabulary s (see
// page.Signal), which vocab names for the documentation.
func nearFeature(name string, s page.Signal, vocab string) feature {
	return feature{name, "1 if the class or id of the block element or of its two nearest block-level ancestors speaks of " + vocab,
		func(c *blockContext) float64 { return bool01(c.b.SignalNear&s != 0) }}
}

// anyFeature is nearFeature over all the block's ancestors.
func anyFeature(name string, s page.Signal, vocab string) feature {
	return feature{name, "1 if the class or id of any ancestor speaks of " + vocab,
		func(c *blockContext) float64 { return bool01(c.b.SignalAny&s != 0) }}
}

func concat(parts ...[]feature) []feature {
	var out []feature
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var schemaNames = func() []string {
	names := make([]string, len(schema))
	for i, f := range schema {
		names[i] = f.name
	}
	return names
}()

// Names returns the feature names in vector order. The caller must not
// modify the slice.
func Names() []string { return schemaNames }

// NumFeatures is the length of every feature vector.
func NumFeatures() int { return len(schema) }
