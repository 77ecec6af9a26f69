package eval

import (
	"strconv"
	"strings"

	"github.com/winnow-dev/winnow/dataset"
)

// Tokenisation: the text measures cut a page's texts as
// dataset.TokenisationOf its gold says (CJK gold by characters, the rest
// by words); the report counts, per group, the pages scored by characters
// and names each worst page's tokenisation.

// scoredByCharacters reports whether p has gold text that the text
// measures cut by characters.
func scoredByCharacters(p *dataset.LabelledPage) bool {
	return strings.TrimSpace(p.Gold) != "" && p.Tokenisation() == dataset.Characters
}

// characterPages counts the pages of evals scored by characters.
func characterPages(evals []pageEval) int {
	n := 0
	for _, pe := range evals {
		if pe.chars {
			n++
		}
	}
	return n
}

// tokenisationTable lists the groups with pages scored by characters.
func tokenisationTable(r *Report) *table {
	t := &table{Title: "Tokenisation: pages whose texts were scored by characters (CJK gold without spaces); groups not listed were scored by words",
		Head: []string{"group", "pages with gold", "by characters", "by words"}}
	for _, g := range r.Groups {
		if g.CharacterPages == 0 || len(g.Systems) == 0 || g.Systems[0].Text == nil {
			continue
		}
		gold := g.Systems[0].Text.Pages
		t.add(g.Name, strconv.Itoa(gold), strconv.Itoa(g.CharacterPages), strconv.Itoa(gold-g.CharacterPages))
	}
	return t
}
