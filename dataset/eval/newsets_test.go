package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features/page"
)

// labelledHTML parses html into a page of set, labelling a block content
// when its text holds "harbour" or "港口", and a reader comment when it
// holds "reader" (on sets that label comments).
func labelledHTML(t *testing.T, set, id, lang, html, gold, commentGold string) *dataset.LabelledPage {
	t.Helper()
	pg, err := page.ParseBytes([]byte(html), page.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &dataset.LabelledPage{Set: set, ID: id, Site: id + ".example", PageType: "article", Lang: lang, Page: pg, Gold: gold, CommentGold: commentGold}
	if dataset.CommentLabelled(set) {
		p.Comment = make([]bool, len(pg.Blocks))
	}
	for i, b := range pg.Blocks {
		switch {
		case strings.Contains(b.Text, "harbour") || strings.Contains(b.Text, "港口"):
			p.Labels = append(p.Labels, dataset.Content)
		case p.Comment != nil && strings.Contains(b.Text, "reader"):
			p.Labels = append(p.Labels, dataset.Boilerplate)
			p.Comment[i] = true
		default:
			p.Labels = append(p.Labels, dataset.Boilerplate)
		}
	}
	return p
}

const (
	enStory = "The harbour plan was approved by the council after a long debate about the cost of the new quay and the ferries."
	zhStory = "市议会经过长时间辩论后批准了港口计划，新码头和渡轮的费用引起了争论。"
	comment = "A reader wrote that the ferries are late every single morning and nobody on the council listens."
)

// newSetPages are a Dragnet page with two comment blocks and DAnIEL pages
// in English (two) and Chinese (one).
func newSetPages(t *testing.T) []*dataset.LabelledPage {
	wrap := func(body string) string {
		return "<html><body><nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>" + body +
			"<footer>Copyright the paper, all rights reserved</footer></body></html>"
	}
	return []*dataset.LabelledPage{
		labelledHTML(t, dataset.SetDragnet, "d1", "en", wrap("<h1>harbour plan</h1><p>"+enStory+"</p><div class=comments><p>"+comment+
			"</p><p>Another reader replied that the quay will cost twice the estimate.</p></div>"),
			"harbour plan\n"+enStory, comment+"\nAnother reader replied that the quay will cost twice the estimate."),
		labelledHTML(t, dataset.SetDaniel, "e1", "en", wrap("<p>"+enStory+"</p>"), enStory, ""),
		labelledHTML(t, dataset.SetDaniel, "e2", "en", wrap("<p>"+enStory+" More on the harbour tomorrow.</p>"), enStory+" More on the harbour tomorrow.", ""),
		labelledHTML(t, dataset.SetDaniel, "z1", "zh", wrap("<p>"+zhStory+"</p>"), zhStory, ""),
	}
}

// TestRunNewSets checks what the report adds for Dragnet and DAnIEL:
// DAnIEL's language groups, the comment blocks kept on Dragnet's pages,
// and the pages scored by characters, per group and per worst page, in the
// JSON and the text report.
func TestRunNewSets(t *testing.T) {
	pages := newSetPages(t)
	for _, p := range pages {
		if p.Comment != nil {
			if kept, n := dataset.CommentsKept(p, nil); n != 2 || kept != 0 {
				t.Fatalf("sample dragnet page has %d comment blocks, want 2 (blocks %v)", n, p.Page.Blocks)
			}
		}
	}
	r := runGold(t, pages, 1, 2)

	type group struct {
		Name, Kind            string
		Pages, CharacterPages int
	}
	var groups []group
	for _, g := range r.Groups {
		groups = append(groups, group{g.Name, g.Kind, g.Pages, g.CharacterPages})
	}
	want := []group{
		{"dragnet", "set", 1, 0},
		{"daniel", "set", 3, 1},
		{"daniel/en", "language", 2, 0}, // most pages first
		{"daniel/zh", "language", 1, 1},
		{"all", "pooled", 4, 1},
	}
	if d := cmp.Diff(want, groups); d != "" {
		t.Errorf("groups (-want +got):\n%s", d)
	}

	// Keeping everything keeps both comment blocks; the comment counts are
	// on the groups with Dragnet's page only.
	keepAll := -1
	for k, s := range r.Systems {
		if s == "keep-everything" {
			keepAll = k
		}
	}
	for _, g := range r.Groups {
		c := g.Systems[keepAll].Comments
		switch g.Name {
		case "dragnet", "all":
			if d := cmp.Diff(&CommentScore{Pages: 1, PagesWithComments: 1, Blocks: 2, KeptBlocks: 2, KeptShare: 1, PagesKept: 1}, c); d != "" {
				t.Errorf("%s: keep-everything's comments (-want +got):\n%s", g.Name, d)
			}
		default:
			if c != nil {
				t.Errorf("%s: comment counts %+v on a group without comment labels", g.Name, c)
			}
		}
	}

	tok := map[string]string{}
	for _, p := range r.Worst[0].Pages {
		tok[p.ID] = p.Tokenisation
	}
	if d := cmp.Diff(map[string]string{"d1": "words", "e1": "words", "e2": "words", "z1": "characters"}, tok); d != "" {
		t.Errorf("worst pages' tokenisation (-want +got):\n%s", d)
	}
	js := reportJSON(t, r)
	checkUnit(t, "report", js)
	g0 := js["groups"].([]any)[1].(map[string]any)
	if g0["name"] != "daniel" || g0["character_pages"] != 1.0 {
		t.Errorf("JSON group %v: want daniel with character_pages 1", g0)
	}

	var buf bytes.Buffer
	if err := WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for title, rows := range map[string][][]string{
		"Tokenisation:": {{"daniel", "3", "1", "2"}, {"daniel/zh", "1", "1", "0"}, {"all", "4", "1", "3"}},
		"Reader comments kept": {{"dragnet", "keep-everything", "1", "1", "2", "2", "100.0", "1"},
			{"all", "keep-everything", "1", "1", "2", "2", "100.0", "1"}},
	} {
		sec := section(out, title)
		if sec == nil {
			t.Errorf("no section %q in:\n%s", title, out)
			continue
		}
		for _, row := range rows {
			if !hasRow(sec, row) {
				t.Errorf("section %q lacks row %q:\n%s", title, row, strings.Join(sec, "\n"))
			}
		}
	}
	if hasRow(section(out, "Tokenisation:"), []string{"daniel/en", "2", "0", "2"}) {
		t.Error("the tokenisation table lists a group scored only by words")
	}
	if !strings.Contains(out, "daniel z1 (article), scored by characters  F1") {
		t.Errorf("the worst pages do not mark the page scored by characters:\n%s", out)
	}
	if strings.Contains(out, "daniel e1 (article), scored by") {
		t.Error("a page scored by words is marked")
	}
}

// section returns the lines of the text report's table whose title starts
// with title, up to the next blank line; nil when there is none.
func section(out, title string) []string {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, title) {
			continue
		}
		var sec []string
		for _, s := range lines[i+1:] {
			if s == "" {
				break
			}
			sec = append(sec, s)
		}
		return sec
	}
	return nil
}

// hasRow reports whether one of lines has exactly the fields of row, a
// blank first cell (a group's later systems) counting as the row's group.
func hasRow(lines []string, row []string) bool {
	group := ""
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) == len(row)-1 {
			f = append([]string{group}, f...)
		} else if len(f) > 0 {
			group = f[0]
		}
		if cmp.Equal(f, row) {
			return true
		}
	}
	return false
}

func TestLanguageGroups(t *testing.T) {
	pe := func(set, lang string) pageEval {
		return pageEval{page: &dataset.LabelledPage{Set: set, Lang: lang}, sys: make([]pageScore, 1)}
	}
	keepAll := &System{name: "keep-everything"}
	type row struct {
		Name, Kind string
		Pages      int
	}
	names := func(gs []GroupScore) []row {
		var out []row
		for _, g := range gs {
			out = append(out, row{g.Name, g.Kind, g.Pages})
		}
		return out
	}
	daniel := []pageEval{pe(dataset.SetDaniel, "pl"), pe(dataset.SetDaniel, "el"), pe(dataset.SetDaniel, ""), pe(dataset.SetDaniel, "el")}
	want := []row{{"daniel/el", "language", 2}, {"daniel/pl", "language", 1}, {"daniel/und", "language", 1}}
	if d := cmp.Diff(want, names(languageGroups(dataset.SetDaniel, daniel, []*System{keepAll}))); d != "" {
		t.Errorf("DAnIEL's languages, most pages first, then by code, a page without one as und (-want +got):\n%s", d)
	}
	if g := languageGroups(dataset.SetDaniel, daniel[1:2], []*System{keepAll}); g != nil {
		t.Errorf("one language gave groups %v", names(g))
	}
	wcxb := []pageEval{pe(dataset.SetWCXB, "en"), pe(dataset.SetWCXB, "de")}
	if g := languageGroups(dataset.SetWCXB, wcxb, []*System{keepAll}); g != nil {
		t.Errorf("WCXB, whose languages are the pages' own claims, gave language groups %v", names(g))
	}
}

// TestStatsCoverage checks the gold-coverage figures of data stats: the
// article and the comments apart on Dragnet, comment blocks counted only
// where a set labels comments, and pages scored by characters.
func TestStatsCoverage(t *testing.T) {
	C, B := dataset.Content, dataset.Boilerplate
	story := "the harbour plan was approved by the council after a long debate"
	reply := "a reader says the ferries are always late"
	zh := "市议会批准了港口计划"
	c := &dataset.Corpus{Pages: []*dataset.LabelledPage{
		// Comments half covered: the gold has a second comment in no block.
		{Set: dataset.SetDragnet, Site: "a.example", Page: blocks(story, reply, "menu"), Labels: []dataset.Label{C, B, B},
			Comment: []bool{false, true, false}, Gold: story, CommentGold: reply + "\nsecond reader comment text not in page"},
		{Set: dataset.SetDragnet, Site: "b.example", Page: blocks(story, "menu"), Labels: []dataset.Label{C, B}, Comment: []bool{false, false}, Gold: story},
		{Set: dataset.SetL3S, Site: "c.example", Page: blocks(story, reply), Labels: []dataset.Label{C, B}, Comment: []bool{false, true}, Gold: story},
		{Set: dataset.SetWCXB, Site: "d.example", Page: blocks(story, "footer"), Labels: []dataset.Label{C, B}, Gold: story},
		{Set: dataset.SetDaniel, Site: "e.example", Page: blocks(zh, "导航 首页"), Labels: []dataset.Label{C, B}, Gold: zh},
	}}
	stats := Stats(c, 0)
	by := map[string]*SetStats{}
	for _, s := range stats {
		by[s.Set] = s
	}
	type cov struct {
		CharacterPages, CommentPages, CommentedPages, CommentBlocks, ArticlePages, CommentGoldPages int
	}
	of := func(s *SetStats) cov {
		return cov{s.CharacterPages, s.CommentPages, s.CommentedPages, s.CommentBlocks, s.Coverage.Article.Pages(), s.Coverage.Comments.Pages()}
	}
	for set, want := range map[string]cov{
		dataset.SetDragnet: {0, 2, 1, 1, 2, 1},
		dataset.SetL3S:     {0, 1, 1, 1, 1, 0},
		dataset.SetWCXB:    {0, 0, 0, 0, 1, 0},
		dataset.SetDaniel:  {1, 0, 0, 0, 1, 0},
	} {
		if d := cmp.Diff(want, of(by[set])); d != "" {
			t.Errorf("%s (-want +got):\n%s", set, d)
		}
	}
	// The comment block's 8 tokens are all in the comments' gold, which has
	// 8 + 7 tokens: precision 1, recall and in-page 8/15.
	cm := by[dataset.SetDragnet].Coverage.Comments
	if cm.Precision() != 1 || !near(cm.Recall(), 8.0/15) || !near(cm.InPage(), 8.0/15) {
		t.Errorf("dragnet comments P %v R %v in page %v, want 1, 8/15, 8/15", cm.Precision(), cm.Recall(), cm.InPage())
	}

	var buf bytes.Buffer
	if err := WriteStats(&buf, stats); err != nil {
		t.Fatal(err)
	}
	sec := section(buf.String(), "Gold text covered")
	for _, row := range [][]string{
		{"dragnet", "2", "0", "1.000/1.000", "1.000", "1", "1.000/0.533", "0.533", "1", "on", "1/2", "pages"},
		{"l3s-gn1", "1", "0", "1.000/1.000", "1.000", "0", "-", "-", "1", "on", "1/1", "pages"},
		{"wcxb", "1", "0", "1.000/1.000", "1.000", "0", "-", "-", "-"},
		{"daniel", "1", "1", "1.000/1.000", "1.000", "0", "-", "-", "-"},
	} {
		if !hasRow(sec, row) {
			t.Errorf("coverage table lacks %q:\n%s", row, buf.String())
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
