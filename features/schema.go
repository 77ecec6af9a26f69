package features

import (
	"github.com/winnow-dev/winnow/features/page"
)

// SchemaVersion names the feature schema. It changes whenever a feature is
// added, removed, reordered or computed differently, so that a model trained
// on one schema is never fed vectors of another.
const SchemaVersion = "winnow-features-8"

// feature is one position of the vectors: its name (as the model file
// records it) and what it measures.
type feature struct {
	name string
	doc  string
}

// featureNames returns the names of fs, in order.
func featureNames(fs []feature) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// group is a run of consecutive features computed together, in one call
// per block: fill sets v[k] to the value of features[k] for every k, v
// having exactly len(features) values, from a block in its page. Computing
// a group in one call, not each feature in a call of its own, keeps a
// block's vector about as cheap as straight-line code (TestGroupsFill checks
// that every fill sets its positions and no others).
type group struct {
	features []feature
	fill     func(c *blockContext, v []float64)
}

// schema is every feature, in vector order: the one place that says which
// value goes where. Names, Vectors and EachChunk all read it.
var schema = []group{
	// The block's own text (boilerpipe's shallow text features), then the
	// same of the block before it and of the block after it (0 at the page's
	// ends).
	localGroup("", "", func(c *blockContext, v []float64) { c.cur.put(v) }),
	localGroup("Prev", "previous block: ", func(c *blockContext, v []float64) { c.prev.put(v) }),
	localGroup("Next", "next block: ", func(c *blockContext, v []float64) { c.next.put(v) }),

	// boilerpipe's quotient features (DensityRulesClassifier and the paper's
	// table 2), with +1 smoothing.
	{[]feature{
		{"WordsQuotientPrev", "(words+1) / (previous block's words+1)"},
		{"WordsQuotientNext", "(words+1) / (next block's words+1)"},
		{"DensityQuotientPrev", "(text density+1) / (previous block's text density+1)"},
		{"DensityQuotientNext", "(text density+1) / (next block's text density+1)"},
	}, func(c *blockContext, v []float64) {
		_ = v[3]
		v[0] = (c.cur.words + 1) / (c.prev.words + 1)
		v[1] = (c.cur.words + 1) / (c.next.words + 1)
		v[2] = (c.cur.density + 1) / (c.prev.density + 1)
		v[3] = (c.cur.density + 1) / (c.next.density + 1)
	}},

	// The window of ±3 blocks around the block, the block itself excluded.
	{[]feature{
		{"WindowWords", "words of the three blocks before and the three after"},
		{"WindowLinkDensity", "link words / words of the three blocks before and the three after"},
	}, func(c *blockContext, v []float64) {
		_ = v[1]
		v[0] = c.windowWords
		v[1] = ratio(c.windowLinks, c.windowWords)
	}},

	// The block element.
	{[]feature{
		{"TagP", "1 if the block element is <p>"},
		{"TagHeading", "1 if it is a heading, <h1> to <h6>"},
		{"HeadingLevel", "the heading's level, 1-6; 0 for other blocks"},
		{"TagListItem", "1 if it is a list item: <li>, <dt>, <dd>"},
		{"TagTableCell", "1 if it is <td> or <th>"},
		{"TagDiv", "1 if it is <div>"},
		{"TagPre", "1 if the block is preformatted text, inside <pre>"},
		{"TagQuote", "1 if it is <blockquote>"},
		{"TagCaption", "1 if it is <figcaption> or <caption>"},
		{"TagOther", "1 if it is a generic block other than <div>, <td> and <th> (section, body, ...)"},
	}, func(c *blockContext, v []float64) {
		_ = v[9]
		b := c.b
		tag := b.Tag
		v[0] = bool01(tag == "p")
		v[1] = bool01(b.Kind == page.KindHeading)
		v[2] = float64(b.Level)
		v[3] = bool01(b.Kind == page.KindListItem)
		v[4] = bool01(tag == "td" || tag == "th")
		v[5] = bool01(tag == "div")
		v[6] = bool01(b.Kind == page.KindPre)
		v[7] = bool01(tag == "blockquote")
		v[8] = bool01(b.Kind == page.KindCaption)
		v[9] = bool01(b.Kind == page.KindText && tag != "div" && tag != "td" && tag != "th")
	}},

	// The enclosing elements (or their ARIA roles).
	flagGroup([]flagFeature{
		{"InList", page.InList, "inside <ul>, <ol>, <dl>, <li> or <menu>"},
		{"InTable", page.InTable, "inside <table>"},
		{"InForm", page.InForm, "inside <form> (or role form or search)"},
		{"InFigure", page.InFigure, "inside <figure>"},
		{"InHeader", page.InHeader, "inside <header> (or role banner)"},
		{"InNav", page.InNav, "inside <nav> (or role navigation, menu, menubar)"},
		{"InAside", page.InAside, "inside <aside> (or role complementary)"},
		{"InFooter", page.InFooter, "inside <footer> (or role contentinfo)"},
		{"InArticle", page.InArticle, "inside <article> (or role article)"},
		{"InMain", page.InMain, "inside <main> (or role main)"},
		{"InBlockquote", page.InBlockquote, "inside <blockquote>"},
		{"AllWordsLinked", page.InLink, "every word of the block is inside a link"},
	}),

	// The class/id vocabularies of the block element and its two nearest
	// block-level ancestors (Block.SignalNear), then of all its ancestors
	// (Block.SignalAny).
	signalGroup("Near", "the block element or of its two nearest block-level ancestors",
		func(c *blockContext, v []float64) { putSignals(c.b.SignalNear, v) }),
	signalGroup("Any", "any ancestor",
		func(c *blockContext, v []float64) { putSignals(c.b.SignalAny, v) }),

	// Position and page context.
	{[]feature{
		{"RelativePosition", "block index / (blocks-1)"},
		{"RelativeWordPosition", "words of the blocks before it / page words"},
		{"Depth", "element ancestors of the block element, inline ones included"},
		{"WordShare", "block words / page words"},
		{"ContainerWordShare", "words of the blocks in the block's container (parent element) / page words"},
		{"ContainerLinkDensity", "link words / words of the blocks in its container"},
		{"ContainerBlocks", "blocks in its container"},
		{"DistanceToLongest", "(block index - index of the page's longest block) / blocks"},
		{"SameContainerAsLongest", "1 if it shares the longest block's container"},
		{"PathSharedWithLongest", "common prefix of its tag path and the longest block's / the longer path"},
		{"DistanceToH1", "(block index - index of the first <h1>) / blocks; 0 without an <h1>"},
		{"TitleOverlap", "share of its tokens found in the <title> (see titleOverlapLower); 0 for long blocks"},
		{"BoilerplatePhrases", "boilerplate phrases in it (see boilerplatePhrases); 0 for blocks over 30 words"},
		{"PageWords", "log(1 + page words)"},
		{"PageBlocks", "log(1 + blocks)"},
	}, func(c *blockContext, v []float64) {
		_ = v[14]
		b := c.b
		v[0] = float64(c.i) / float64(max(c.n-1, 1))
		v[1] = ratio(c.wordsBefore, c.totalWords)
		v[2] = float64(b.Depth)
		v[3] = ratio(float64(b.Words), c.totalWords)
		v[4] = ratio(c.container.words, c.totalWords)
		v[5] = ratio(c.container.links, c.container.words)
		v[6] = c.container.blocks
		v[7] = float64(c.i-c.longest) / float64(c.n)
		v[8] = bool01(b.Container == c.longestBlock.Container)
		v[9] = c.sharedPrefix()
		v[10] = 0
		if c.h1 >= 0 {
			v[10] = float64(c.i-c.h1) / float64(c.n)
		}
		v[11] = 0
		if c.needTitle {
			v[11] = titleOverlapLower(c.low, c.title, &c.titleKeys)
		}
		v[12] = 0
		if c.needPhrases {
			v[12] = phraseHitsLower(c.low)
		}
		v[13] = c.logWords
		v[14] = c.logBlocks
	}},

	// The enclosing elements two and three levels above the block element;
	// for a block too near the top, the whole page.
	{[]feature{
		{"GrandparentWordShare", "words inside the element two levels above the block element / page words"},
		{"GrandparentLinkDensity", "link words / words inside that element"},
		{"GreatGrandparentWordShare", "words inside the element three levels above / page words"},
		{"GreatGrandparentLinkDensity", "link words / words inside that element"},
	}, func(c *blockContext, v []float64) {
		c.ancestorShares(3, v[0:2:2])
		c.ancestorShares(4, v[2:4:4])
	}},

	// The page's densest text region (see topNode).
	{[]feature{
		{"InTopNode", "1 if the block is inside the top node"},
		{"TopNodeWordShare", "words inside the top node / page words"},
		{"LevelsBelowTopNode", "block-level elements from the top node down to the block element; -1 outside it"},
	}, func(c *blockContext, v []float64) {
		_ = v[2]
		v[0] = bool01(c.belowTop >= 0)
		v[1] = ratio(c.sub[c.top].words, c.totalWords)
		v[2] = float64(c.belowTop)
	}},

	// The densest text region outside reader comments (see storyNode).
	{[]feature{
		{"InStoryNode", "1 if the block is inside the story node"},
		{"StoryNodeWordShare", "words inside the story node / page words"},
		{"LevelsBelowStoryNode", "block-level elements from the story node down to the block element; -1 outside it"},
	}, func(c *blockContext, v []float64) {
		_ = v[2]
		v[0] = bool01(c.belowStory >= 0)
		v[1] = ratio(c.sub[c.story].words, c.totalWords)
		v[2] = float64(c.belowStory)
	}},

	// Anchors, and the block among its container's.
	{[]feature{
		{"Links", "<a> elements with words in the block"},
		{"StartsWithLink", "1 if its first word is inside a link"},
		{"SameTagInContainer", "share of the blocks of its container held by the same element as it: low for the odd one out, such as a promo <div> among <p>s"},
	}, func(c *blockContext, v []float64) {
		_ = v[2]
		v[0] = float64(c.b.Links)
		v[1] = bool01(c.b.StartsWithLink)
		v[2] = ratio(float64(c.sameTag), c.container.blocks)
	}},

	// Repeated structure: the block's run of alike blocks, specification
	// markup, and the class vocabularies of FAQs and reviews (runs.go).
	runGroup,

	// Comment sections: the headings that open them and the blocks under
	// them (commentsection.go).
	commentGroup,
}

// localFeatures are the shallow text features of one block (textStats), in
// the order textStats.put writes them.
var localFeatures = []feature{
	{"Words", "words"},
	{"AvgWordLength", "mean characters per word"},
	{"AvgSentenceLength", "words per sentence"},
	{"TextDensity", "words per 80-column wrapped line (boilerpipe's text density)"},
	{"LinkDensity", "words inside links / words"},
	{"FullStops", "number of '.'"},
	{"UpperStartShare", "share of words starting with an upper-case letter"},
	{"DigitShare", "share of non-space characters that are digits"},
	{"PunctShare", "share of non-space characters that are punctuation or symbols"},
	{"Commas", "number of ','"},
	{"EndsWithPunct", "1 if the text ends with sentence punctuation, a closing quote or a parenthesis"},
}

// put writes st into v (len(localFeatures) values) in the order of
// localFeatures.
func (st *textStats) put(v []float64) {
	_ = v[10]
	v[0] = st.words
	v[1] = st.avgWordLen
	v[2] = st.avgSentLen
	v[3] = st.density
	v[4] = st.linkDensity
	v[5] = st.fullStops
	v[6] = st.upperShare
	v[7] = st.digitShare
	v[8] = st.punctShare
	v[9] = st.commas
	v[10] = st.endsPunct
}

// localGroup is localFeatures of one block, named with prefix and
// documented with docPrefix; fill puts the block's textStats.
func localGroup(prefix, docPrefix string, fill func(c *blockContext, v []float64)) group {
	fs := make([]feature, len(localFeatures))
	for k, f := range localFeatures {
		fs[k] = feature{prefix + f.name, docPrefix + f.doc}
	}
	return group{fs, fill}
}

// flagFeature is a feature that is 1 when the block has flag.
type flagFeature struct {
	name string
	flag page.Flags
	doc  string
}

// flagGroup is the group of features fs, in order.
func flagGroup(fs []flagFeature) group {
	g := group{features: make([]feature, len(fs))}
	flags := make([]page.Flags, len(fs))
	for k, f := range fs {
		g.features[k] = feature{f.name, f.doc}
		flags[k] = f.flag
	}
	g.fill = func(c *blockContext, v []float64) {
		v = v[:len(flags)]
		for k, f := range flags {
			v[k] = bool01(c.b.Flags&f != 0)
		}
	}
	return g
}

// signalVocabularies are the class/id vocabularies (page.Signal) that
// signalGroup makes features of: a name suffix, the signal and what its
// words speak of.
var signalVocabularies = []struct {
	name   string
	signal page.Signal
	vocab  string
}{
	{"Nav", page.SigNav, "navigation"},
	{"HeaderFooter", page.SigHeaderFoot, "header or footer"},
	{"Share", page.SigShare, "sharing"},
	{"Related", page.SigRelated, "related or promoted links"},
	{"Comment", page.SigComment, "comments"},
	{"Sidebar", page.SigSidebar, "sidebar"},
	{"Ad", page.SigAd, "advertising"},
	{"Cookie", page.SigCookie, "cookie, consent, sign-up and paywall notices"},
	{"Breadcrumb", page.SigBreadcrumb, "breadcrumbs, tags and bylines"},
	{"Content", page.SigContent, "content (article, story, post, ...)"},
}

// signalMasks are the signals of signalVocabularies, in order.
var signalMasks = func() []page.Signal {
	out := make([]page.Signal, len(signalVocabularies))
	for k, s := range signalVocabularies {
		out[k] = s.signal
	}
	return out
}()

// signalGroup has a feature per signalVocabularies entry, prefix+name: 1
// when the class or id of where (as the documentation says) speaks of the
// entry's vocabulary. fill puts the block's signals there with putSignals.
func signalGroup(prefix, where string, fill func(c *blockContext, v []float64)) group {
	g := group{features: make([]feature, len(signalVocabularies)), fill: fill}
	for k, s := range signalVocabularies {
		g.features[k] = feature{prefix + s.name, "1 if the class or id of " + where + " speaks of " + s.vocab}
	}
	return g
}

// putSignals sets v[k] (len(signalVocabularies) values) to 1 if have has
// the signal of signalVocabularies[k], else to 0.
func putSignals(have page.Signal, v []float64) {
	v = v[:len(signalMasks)]
	for k, s := range signalMasks {
		v[k] = bool01(have&s != 0)
	}
}

var schemaNames = func() []string {
	var names []string
	for _, g := range schema {
		for _, f := range g.features {
			names = append(names, f.name)
		}
	}
	return names
}()

// Names returns the feature names in vector order. The caller must not
// modify the slice.
func Names() []string { return schemaNames }

// NumFeatures is the length of every feature vector.
func NumFeatures() int { return len(schemaNames) }
