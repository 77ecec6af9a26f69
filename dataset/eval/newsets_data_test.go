package eval

import (
	"context"
	"testing"

	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/internal/shareddata"
)

// TestNewSetsData reads Dragnet and DAnIEL from the shared data and checks
// the figures the reports add for them: Dragnet's comments covered apart
// from the article, DAnIEL's Chinese pages scored by characters and its
// languages reported as groups, Dragnet's comment blocks counted.
func TestNewSetsData(t *testing.T) {
	dir := shareddata.Dir(t)
	c, err := dataset.Load(dir, dataset.Options{Sets: []string{dataset.SetDragnet, dataset.SetDaniel}, Workers: 2, Every: raceEvery})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]*SetStats{}
	for _, s := range Stats(c, 0) {
		by[s.Set] = s
	}
	dn, da := by[dataset.SetDragnet], by[dataset.SetDaniel]
	if dn == nil || da == nil {
		t.Fatalf("stats lack dragnet or daniel: %v", by)
	}
	cm := dn.Coverage.Comments
	t.Logf("dragnet: %d pages, comments gold on %d, comment blocks %d on %d pages; comments P %.3f R %.3f in page %.3f",
		dn.Pages, cm.Pages(), dn.CommentBlocks, dn.CommentedPages, cm.Precision(), cm.Recall(), cm.InPage())
	// About 30% of Dragnet's pages have a comments part; nearly every one
	// aligns to comment blocks.
	if cm.Pages() < dn.Pages/5 || cm.Pages() > dn.Pages/2 {
		t.Errorf("dragnet: comment gold on %d of %d pages, want about 30%%", cm.Pages(), dn.Pages)
	}
	if dn.CommentPages != dn.Pages || dn.CommentedPages < cm.Pages()*9/10 || dn.CommentBlocks < dn.CommentedPages {
		t.Errorf("dragnet: comment labels on %d of %d pages, comment blocks %d on %d pages (comment gold on %d)",
			dn.CommentPages, dn.Pages, dn.CommentBlocks, dn.CommentedPages, cm.Pages())
	}
	if cm.Recall() < 0.8 || cm.Recall() > cm.InPage()+1e-9 {
		t.Errorf("dragnet: comment blocks cover %.3f of the comments' gold (%.3f is in the page); want most, never more than is in the page", cm.Recall(), cm.InPage())
	}
	if da.CommentPages != 0 {
		t.Errorf("daniel has comment labels on %d pages; it does not label comments", da.CommentPages)
	}

	// Every Chinese page, and no other, is scored by characters.
	langs := map[string]int{}
	var sample []*dataset.LabelledPage
	for i, p := range c.Pages {
		if p.Set == dataset.SetDaniel {
			langs[p.Lang]++
			if chars := p.Tokenisation() == dataset.Characters; chars != (p.Lang == "zh") {
				t.Errorf("daniel %s (%s) scored by characters: %v", p.ID, p.Lang, chars)
			}
		}
		if i%8 == 0 {
			sample = append(sample, p)
		}
	}
	if da.CharacterPages != langs["zh"] || langs["zh"] == 0 {
		t.Errorf("daniel: %d pages scored by characters, %d Chinese pages", da.CharacterPages, langs["zh"])
	}

	// A report on a sample: DAnIEL by language, Dragnet's comments counted.
	o := testOptions("all", 2)
	m, err := fitSmall(Rows(sample))
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewModelSystem("model", "m.json", m, o)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), sample, []*System{s}, o)
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]GroupScore{}
	for _, g := range r.Groups {
		groups[g.Name] = g
	}
	for _, l := range []string{"en", "zh", "el", "pl", "ru"} {
		g, ok := groups["daniel/"+l]
		if !ok || g.Kind != "language" || g.Pages == 0 {
			t.Errorf("no language group daniel/%s in the report", l)
			continue
		}
		want := 0
		if l == "zh" {
			want = g.Pages
		}
		if g.CharacterPages != want {
			t.Errorf("daniel/%s: %d of %d pages scored by characters, want %d", l, g.CharacterPages, g.Pages, want)
		}
	}
	cs := groups[dataset.SetDragnet].Systems[0].Comments
	if cs == nil || cs.Blocks == 0 || cs.KeptBlocks > cs.Blocks {
		t.Fatalf("dragnet comment counts %+v", cs)
	}
	t.Logf("dragnet sample: the small model keeps %d of %d comment blocks (%.1f%%)", cs.KeptBlocks, cs.Blocks, 100*cs.KeptShare)
	if groups[dataset.SetDaniel].Systems[0].Comments != nil {
		t.Error("daniel has comment counts")
	}
}
