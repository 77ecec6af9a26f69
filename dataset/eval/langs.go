package eval

import (
	"cmp"
	"slices"

	"github.com/winnow-dev/winnow/dataset"
)

// languageSets are the sets the report breaks down by language: those
// whose pages' languages come from the set's own labels and that were
// gathered to span several languages (DAnIEL's doc_lg.json). Other sets'
// LabelledPage.Lang is the page's own claim or the set's one language.
var languageSets = map[string]bool{dataset.SetDaniel: true}

// undeterminedLang names the group of pages without a language.
const undeterminedLang = "und"

// languageGroups scores the pages of set by language (groups "set/lang",
// kind "language"), most pages first, then by code; none when the set is
// not broken down by language or its pages are all of one language.
func languageGroups(set string, evals []pageEval, systems []*System) []GroupScore {
	if !languageSets[set] {
		return nil
	}
	byLang := map[string][]pageEval{}
	for _, pe := range evals {
		l := pe.page.Lang
		if l == "" {
			l = undeterminedLang
		}
		byLang[l] = append(byLang[l], pe)
	}
	if len(byLang) < 2 {
		return nil
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	slices.SortFunc(langs, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(byLang[b]), len(byLang[a])), cmp.Compare(a, b))
	})
	var out []GroupScore
	for _, l := range langs {
		out = append(out, scoreGroup(set+"/"+l, "language", byLang[l], systems))
	}
	return out
}
