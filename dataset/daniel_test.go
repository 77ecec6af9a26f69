package dataset

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestLoadDaniel: site from the host in the file name, language from
// doc_lg.json, a Chinese page aligned by characters, and the pages refused
// (no reference, a reference that is not gzip, an empty reference) with a
// reason and an error naming the file, while the load goes on.
func TestLoadDaniel(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, SetDaniel)
	const (
		zh    = "20111102_news.example.cn_bbb"
		el    = "20111101_www2.example.gr_aaa"
		noRef = "20111103_c.example.com_ccc"
		notGz = "20111103_d.example.com_ddd"
		blank = "20111103_e.example.com_eee"
	)
	writeFile(t, filepath.Join(set, "doc_lg.json"), []byte(`{"`+zh+`": "Chinese", "`+el+`": "Greek"}`))
	// The story differs from the reference in two of its three clauses
	// (很 / 非常, 一起 / 一同): under Words, where a clause is one token,
	// only one token of three would match.
	// The page is served in GB2312, as its <meta> says.
	gb, err := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta charset="gb2312"></head><body>
<div>首页 新闻 体育 财经</div><h1>北京今天天气很好</h1><p>今天北京天气很好，我们一起去公园散步，看见很多人在湖边跑步。</p>
<p>广告：购买最新手机，立即享受八折优惠。</p></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	writeGz(t, filepath.Join(set, "html", zh+".html.gz"), []byte(gb))
	writeGz(t, filepath.Join(set, "reference", zh+".txt.gz"), []byte("<p>北京今天天气很好</p>\n<p>今天北京天气非常好，我们一同去公园散步，看见很多人在湖边跑步。</p>"))
	writeGz(t, filepath.Join(set, "html", el+".html.gz"), []byte(`<html><body><div>Αρχική Ειδήσεις</div>
<h1>Οι ευτυχισμένοι άνθρωποι ζούνε περισσότερα χρόνια</h1><p>Οι χαρούμενοι άνθρωποι ζουν περισσότερο, σύμφωνα με νέα έρευνα.</p></body></html>`))
	writeGz(t, filepath.Join(set, "reference", el+".txt.gz"), []byte("<p>Οι ευτυχισμένοι άνθρωποι ζούνε περισσότερα χρόνια</p><p>Οι χαρούμενοι άνθρωποι ζουν περισσότερο, σύμφωνα με νέα έρευνα.</p>"))
	page := []byte("<html><body><p>Some story text of the page, long enough.</p></body></html>")
	writeGz(t, filepath.Join(set, "html", noRef+".html.gz"), page)
	writeGz(t, filepath.Join(set, "html", notGz+".html.gz"), page)
	writeFile(t, filepath.Join(set, "reference", notGz+".txt.gz"), []byte("<p>Some story text of the page, long enough.</p>"))
	writeGz(t, filepath.Join(set, "html", blank+".html.gz"), page)
	writeGz(t, filepath.Join(set, "reference", blank+".txt.gz"), []byte("<p> </p>\n<p></p>"))

	c, err := Load(dir, Options{Sets: []string{SetDaniel}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"daniel/" + el, "daniel/" + zh}, ids(c.Pages)); diff != "" {
		t.Fatalf("loaded pages (-want +got): %s\nskipped: %v", diff, c.Skipped)
	}
	want := map[string]struct{ reason, file string }{
		noRef: {"no gold", noRef + ".txt.gz"},
		notGz: {"read", notGz + ".txt.gz"},
		blank: {"empty gold", blank + ".txt.gz"},
	}
	if len(c.Skipped) != len(want) {
		t.Errorf("skipped %v, want %d pages", c.Skipped, len(want))
	}
	for _, s := range c.Skipped {
		w := want[s.ID]
		if s.Reason != w.reason {
			t.Errorf("skip %s: reason %q, want %q", s.ID, s.Reason, w.reason)
		}
		if s.Err == nil || !strings.Contains(s.Err.Error(), w.file) {
			t.Errorf("skip %s: error %v does not name %s", s.ID, s.Err, w.file)
		}
	}

	g := c.Pages[0]
	checkPage(t, g)
	if g.Site != "example.gr" || g.Lang != "el" || g.PageType != "article" || g.Tokenisation() != Words {
		t.Errorf("el: site, lang, type, tokenisation = %q, %q, %q, %v", g.Site, g.Lang, g.PageType, g.Tokenisation())
	}
	if diff := cmp.Diff([]Label{B, C, C}, g.Labels); diff != "" {
		t.Errorf("el labels (-want +got): %s", diff)
	}
	if g.Comment != nil {
		t.Errorf("DAnIEL has no comment labels, Comment = %v", g.Comment)
	}

	z := c.Pages[1]
	checkPage(t, z)
	if z.Site != "example.cn" || z.Lang != "zh" || z.Tokenisation() != Characters {
		t.Errorf("zh: site, lang, tokenisation = %q, %q, %v", z.Site, z.Lang, z.Tokenisation())
	}
	if diff := cmp.Diff([]string{"北京今天天气很好", "今天北京天气非常好，我们一同去公园散步，看见很多人在湖边跑步。"}, strings.Fields(z.Gold)); diff != "" || strings.Contains(z.Gold, "<") {
		t.Errorf("zh gold = %q, want the paragraphs without <p> marks", z.Gold)
	}
	if diff := cmp.Diff([]Label{B, C, C, B}, z.Labels); diff != "" {
		t.Errorf("zh labels (-want +got): %s", diff)
	}
	// Word tokens would miss the edited paragraph.
	if got := Align(z.Page.Blocks, z.Gold, 0)[2]; got != Boilerplate {
		t.Errorf("Align by words labels the edited paragraph %v; the test no longer shows why characters are needed", got)
	}
}

func TestDanielHost(t *testing.T) {
	for in, want := range map[string]string{
		"20111101_www.express.gr_66480588": "www.express.gr",
		"20111209_finance.ce.cn_3d5502a9":  "finance.ce.cn",
		"no-underscores":                   "",
	} {
		if got := danielHost(in); got != want {
			t.Errorf("danielHost(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRealDaniel: on the real set, every page has one of the five
// languages, Chinese pages (and only they) are scored by characters, and
// the labelled blocks cover the reference in every language.
func TestRealDaniel(t *testing.T) {
	dir := dataDir(t)
	c := loadReal(t, dir, SetDaniel)
	byLang := map[string]*Coverage{}
	for _, p := range c.Pages {
		if (p.Lang == "zh") != (p.Tokenisation() == Characters) {
			t.Errorf("%s: language %q scored by %v", p.ID, p.Lang, p.Tokenisation())
		}
		if byLang[p.Lang] == nil {
			byLang[p.Lang] = &Coverage{}
		}
		byLang[p.Lang].Add(p)
	}
	for _, lang := range []string{"en", "zh", "el", "pl", "ru"} {
		cov := byLang[lang]
		if cov == nil {
			t.Errorf("no pages in %s", lang)
			continue
		}
		a := cov.Article
		t.Logf("%s: %d pages, P %.3f R %.3f (in page %.3f)", lang, a.Pages(), a.Precision(), a.Recall(), a.InPage())
		if a.Recall() < 0.9 || a.Precision() < 0.95 {
			t.Errorf("%s: coverage P %.3f R %.3f, want >= 0.95, 0.9", lang, a.Precision(), a.Recall())
		}
	}
	if len(byLang) != 5 {
		t.Errorf("languages %v, want the five of doc_lg.json", len(byLang))
	}
}
