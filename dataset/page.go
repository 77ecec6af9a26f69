package dataset

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// LabelledPage is one page of a set with a label per block.
type LabelledPage struct {
	// Set is the set's folder name (see SetNames); ID names the page within
	// the set (a file name without extension, or subset/name).
	Set, ID string
	// Source is the file holding the page's HTML as the site served it,
	// gzip-compressed when its name ends in .gz, for running other
	// extractors on the same page: for L3S-GN1 the original, not the
	// annotated copy the labels come from; for CleanEval the raw page
	// with its <text> wrapper line; for CleanEval-Victor, which has no
	// other copy, the annotated page.
	Source string
	// Site is the page's host, lower-cased, without "www." and port; for
	// pages without a URL it is derived from the set's file naming (see
	// each set's loader). Splits keep a site's pages on one side.
	Site string
	// URL is the page's address, where the set gives or the page declares it.
	URL string
	// PageType is WCXB's page type (article, forum, product, ...); "article"
	// for the news sets, "" where unknown.
	PageType string
	// Lang is the page's language code where known ("en").
	Lang string
	// Page is the parsed, segmented page.
	Page *page.Page
	// Labels has one label per Page.Blocks.
	Labels []Label
	// Fine has one fine label per block for L3S-GN1, and is nil otherwise.
	Fine []FineLabel
	// Comment has one flag per block for the sets that label reader
	// comments (CommentLabelled): true for a block of reader comments. It
	// is nil for the other sets, whose pages say nothing about comments
	// (nil means "not known", not "no comments"). A comment block's Label
	// is Boilerplate (comments are not main content) and a Content block
	// is never a comment, so Labels and Comment together give three
	// classes: content, comment, other boilerplate. For Dragnet a comment
	// block is one aligned to the comments part of the gold and not to the
	// article part; for L3S-GN1 one whose fine label is Comments.
	Comment []bool
	// Gold is the main text a person selected (for L3S-GN1, the text of the
	// spans marked headline, full text or supplemental; for readability, the
	// text of Readability.js's expected output; for Dragnet, the article
	// part, without the comments); "" if none.
	Gold string
	// BodyGold is the article's body alone, for the sets that have it
	// apart: for L3S-GN1 the text of the spans marked full text (no
	// headline, no supplemental text); for Dragnet, Gold (the article part
	// the person copied, comments left out). "" otherwise.
	BodyGold string
	// GoldTitle, GoldAuthor and GoldDate are the article's headline,
	// author and publication date as the set gives them: WCXB's
	// ground_truth title, author and publish_date; DAnIEL's first
	// reference paragraph (its headline) as GoldTitle. "" where unknown.
	GoldTitle, GoldAuthor, GoldDate string
	// CommentGold is the reader comments' text a person copied, for
	// Dragnet pages that have comments; "" otherwise. It is not part of
	// Gold.
	CommentGold string
	// With and Without are snippets the extracted text must / must not contain.
	With, Without []string
}

// Set names, as the folders under the data directory are named.
const (
	SetL3S             = "l3s-gn1"
	SetCleanEval       = "cleaneval"
	SetVictor          = "cleaneval-victor"
	SetCleanPortalEval = "cleanportaleval"
	SetWCXB            = "wcxb"
	SetMSVCode         = "msvcode"
	SetReadability     = "readability"
	SetDragnet         = "dragnet"
	SetDaniel          = "daniel"
)

// SetNames returns the names of every set Load knows, in the fixed order
// it reads and splits them (the sets added later come last, so that adding
// them left the earlier sets' splits as they were). Load reads them all
// when Options.Sets is nil.
func SetNames() []string {
	return []string{SetL3S, SetCleanEval, SetVictor, SetCleanPortalEval, SetWCXB, SetMSVCode, SetReadability, SetDragnet, SetDaniel}
}

// KnownSet reports whether Load can read a set of that name.
func KnownSet(name string) bool { return slices.Contains(SetNames(), name) }

// Trainable reports whether a set's labels may be trained on. Readability's
// expected output is another extractor's, not a person's: it is a
// regression set only.
func Trainable(set string) bool {
	return set != SetReadability
}

// TrainableSets returns the names of the sets that may be trained on, in
// SetNames order: the default sets of training and evaluation.
func TrainableSets() []string {
	var sets []string
	for _, s := range SetNames() {
		if Trainable(s) {
			sets = append(sets, s)
		}
	}
	return sets
}

// ParseSets reads a comma-separated list of set names, blanks ignored. An
// unknown name is an error; an empty list gives nil (every set, for Load).
func ParseSets(list string) ([]string, error) {
	var sets []string
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if !slices.Contains(SetNames(), s) {
			return nil, fmt.Errorf("unknown set %q (want some of %s)", s, strings.Join(SetNames(), ","))
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// BlockLabelled reports whether a set labels blocks directly (so Labels are
// the annotators' own), rather than through gold-text alignment.
func BlockLabelled(set string) bool {
	return set == SetL3S || set == SetCleanEval || set == SetVictor
}

// CommentLabelled reports whether a set labels reader comments, so that
// its pages carry LabelledPage.Comment: Dragnet (comments separated in its
// gold text) and L3S-GN1 (its fine label Comments). For other sets a
// block's being a comment is unknown.
func CommentLabelled(set string) bool {
	return set == SetDragnet || set == SetL3S
}

// Options controls Load. The zero value loads every set.
type Options struct {
	// Sets are the sets to load, by name (any of SetNames); nil means
	// SetNames.
	Sets []string
	// Workers is the number of pages processed at once; 0 means GOMAXPROCS.
	Workers int
	// Threshold is Align's threshold for gold-text sets; 0 means
	// DefaultThreshold. Load refuses one outside [0, 1], NaN included.
	Threshold float64
	// Every, above 1, loads only every Every-th page of each set (the
	// first, the Every+1-th, ... in the set's listing order): a fixed
	// sample for quick runs and tests. 0 and 1 load every page.
	Every int
	// Progress, if set, is called after each page is read, loaded or
	// skipped, with the pages done and the total; the calls come one at a
	// time, from Load's goroutines.
	Progress func(done, total int)
}

// Skip records a page Load could not use.
type Skip struct {
	Set, ID string
	// Source is the file of the page's HTML (LabelledPage.Source); Err
	// names the gold file when that is what failed.
	Source string
	// Reason is short and groupable: "read", "parse: nesting too deep",
	// "empty gold", "no blocks", ...
	Reason string
	// Err is the full error, for logs.
	Err error
}

// Corpus is the result of Load: the usable pages in a deterministic order
// (sets in AllSetNames order, pages sorted by ID) and the skipped ones.
type Corpus struct {
	Pages   []*LabelledPage
	Skipped []Skip
}

// siteOf is the host of a URL, lower-cased, without port and "www.".
// It returns "" for anything without a host.
func siteOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
