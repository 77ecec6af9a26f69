package winnow

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/features/page"
)

// metaPage is a small news page: head is put in <head>, byline under the
// headline, after at the end of the body.
func metaPage(head, byline, after string) string {
	return `<html lang="en"><head><title>Tide tables | Harbour Gazette</title>` + head + `</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Spring tides expected this weekend</h1>
` + byline + `
<p>The harbour master has warned boat owners that the highest tides of the year are expected on Saturday and Sunday, with water levels up to half a metre above normal.</p>
<p>Owners of vessels moored on the inner wall are asked to check their lines before Friday evening, and the slipway will be closed for two hours either side of high water.</p>
<p>The council said that sandbags would be available at the fire station for residents of the lower town, as in previous years, and that it did not expect flooding.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">New café opens on the quay</a></li></ul></aside>
` + after + `
<footer><p>© 2026 Harbour Gazette. All rights reserved.</p></footer>
</body></html>`
}

// articleMeta is what TestArticleMetadata compares.
type articleMeta struct {
	Title, Author, Date, DateText, Language, URL, SiteName string
}

func TestArticleMetadata(t *testing.T) {
	const title = "Spring tides expected this weekend"
	tests := []struct {
		name, reason        string
		head, byline, after string
		want                articleMeta
	}{
		{
			name: "nothing", reason: "no byline, no date, no metadata: empty fields, the h1 as title",
			want: articleMeta{Title: title, Language: "en"},
		},
		{
			name: "head", reason: "the head gives every field",
			head: `<meta property="og:title" content="Spring tides this weekend | Harbour Gazette"><meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2026-03-27T08:00:00+00:00"><link rel="canonical" href="https://gazette.example/tides">
<meta property="og:site_name" content="Harbour Gazette">`,
			want: articleMeta{Title: "Spring tides this weekend", Author: "Ann Lee", Date: "2026-03-27T08:00:00Z",
				Language: "en", URL: "https://gazette.example/tides", SiteName: "Harbour Gazette"},
		},
		{
			name: "head decorates the headline", reason: "the head's title is the page's h1 with a section and the site after it: the h1",
			head: `<meta property="og:title" content="Spring tides expected this weekend - Local news | The Gazette">`,
			want: articleMeta{Title: title, Language: "en"},
		},
		{
			name: "head rewords the headline", reason: "the head's title words the headline otherwise: the head's",
			head: `<meta property="og:title" content="Highest tides of the year this weekend">`,
			want: articleMeta{Title: "Highest tides of the year this weekend", Language: "en"},
		},
		{
			name: "head wins", reason: "the head's author and date win over the byline's",
			head:   `<meta name="author" content="Ann Lee"><meta name="date" content="2026-03-27">`,
			byline: `<p class="byline">By <span class="author">Bob Ray</span>, <time datetime="2026-03-28">28 March 2026</time></p>`,
			want:   articleMeta{Title: title, Author: "Ann Lee", Date: "2026-03-27", Language: "en"},
		},
		{
			name: "byline marks", reason: "author and time marks in the block under the headline fill what the head lacks",
			byline: `<p class="byline">By <span class="author">Bob Ray</span>, <time datetime="2026-03-28T09:30">28 March 2026, 9:30</time></p>`,
			want:   articleMeta{Title: title, Author: "Bob Ray", Date: "2026-03-28", Language: "en"},
		},
		{
			name: "unparsed date", reason: "a date that does not parse stays as written, and Date is empty",
			head: `<meta property="article:published_time" content="3 hours ago">`,
			want: articleMeta{Title: title, DateText: "3 hours ago", Language: "en"},
		},
		{
			name: "unparsed time mark", reason: "a byline's <time> that does not parse goes to DateText",
			byline: `<p><time>Yesterday evening</time></p>`,
			want:   articleMeta{Title: title, DateText: "Yesterday evening", Language: "en"},
		},
		{
			name: "marks far away", reason: "author and time marks in a teaser far from the headline are no byline: no guess",
			after: `<div class="teaser"><p>Ferry strike called off, and more news from the harbour this week</p><p>by <span class="author">Cy Fox</span></p><time datetime="2026-01-01">1 January</time></div>`,
			want:  articleMeta{Title: title, Language: "en"},
		},
		{
			name: "hostile head", reason: "huge values, broken JSON-LD and a time mark far too long give empty fields",
			head: `<meta name="author" content="` + strings.Repeat("x", 5000) + `"><meta property="article:published_time" content="` +
				strings.Repeat("9", 300) + `"><script type="application/ld+json">{"@type":"NewsArticle","author":</script>` +
				strings.Repeat(`<script type="application/ld+json">[[[[[[[[[[[[[[[[{"@type":"Article","author":"Deep"}]]]]]]]]]]]]]]]]</script>`, 20),
			after: `<p><time datetime="` + strings.Repeat("2", 500) + `">` + strings.Repeat("y ", 500) + `</time></p>`,
			want:  articleMeta{Title: title, Language: "en"},
		},
		{
			name: "json-ld", reason: "the JSON-LD article's headline, authors, date and publisher",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Tides","author":[{"name":"Ann Lee"},{"name":"Bob Ray"}],"datePublished":"2026-03-27","publisher":{"name":"Gazette"}}</script>`,
			want: articleMeta{Title: "Tides", Author: "Ann Lee, Bob Ray", Date: "2026-03-27", Language: "en", SiteName: "Gazette"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Without role models: the cases test what the markup gives,
			// not what the learned heads make of these small pages.
			a, err := Extract(strings.NewReader(metaPage(tt.head, tt.byline, tt.after)), WithRoles(nil))
			if err != nil {
				t.Fatal(err)
			}
			got := articleMeta{a.Title, a.Author, a.Date, a.DateText, a.Language, a.URL, a.SiteName}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
			if strings.Contains(a.Text, "Spring tides") || !strings.HasPrefix(a.Text, "The harbour master") {
				t.Errorf("%s: Text is not the body alone:\n%s", tt.reason, a.Text)
			}
		})
	}
}

func TestBylineAuthor(t *testing.T) {
	tests := []struct {
		name, reason   string
		hints, bylines []string
		want           string
	}{
		{"hint", "a mark held by a byline", []string{"Jane Doe", "Teaser Author"}, []string{"By Jane Doe | 9 April 2024"}, "Jane Doe"},
		{"two hints", "two marked authors joined", []string{"Ann", "Bob"}, []string{"By Ann and Bob"}, "Ann, Bob"},
		{"by", "a leading By, cut before the date", nil, []string{"By Jane Doe, April 9, 2024"}, "Jane Doe"},
		{"von", "German", nil, []string{"Von Hans Meier | heise online"}, "Hans Meier"},
		{"name", "a line that is only a name", nil, []string{"09 April, 2024", "Jane Doe"}, "Jane Doe"},
		{"one word", "one word is no name (it may be a label)", nil, []string{"Published", "Reuters"}, ""},
		{"month first", "a line that starts with its date has no name", nil, []string{"Jan 4, 2008"}, ""},
		{"name, month, day", "the month's name before the day is the date's", nil, []string{"Jane Doe April 9, 2024"}, "Jane Doe"},
		{"name and date", "a name before a date", nil, []string{"Анна Смирнова, 12 марта 2024, 14:35"}, "Анна Смирнова"},
		{"month name", "a name that is a month's", []string{"April Fulton"}, []string{"By", "April Fulton"}, "April Fulton"},
		{"lone by", "a By on a line of its own is no name", nil, []string{"By"}, ""},
		{"label", "a label ending in By is no name", nil, []string{"Written By", "Posted by"}, ""},
		{"no name", "a line that is no name gives nothing", nil, []string{"Last modified: 09 April, 2024", "share this story"}, ""},
		{"none", "no byline", nil, nil, ""},
	}
	for _, tt := range tests {
		if got := bylineAuthor(tt.hints, tt.bylines); got != tt.want {
			t.Errorf("%s: bylineAuthor = %q, want %q (%s)", tt.name, got, tt.want, tt.reason)
		}
	}
}

func TestDatePart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By ANNE GEARAN – 3 days ago", "3 days ago"},
		{"Updated yesterday | By Ann", "Updated yesterday"},
		{"By Ann Lee", ""},
	}
	for _, tt := range tests {
		if got := datePart(tt.in); got != tt.want {
			t.Errorf("datePart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsSite(t *testing.T) {
	tests := []struct {
		author, site string
		want         bool
	}{
		{"Mac & i", "Mac & i", true},
		{"CBSNews.com", "CBS News", true},
		{"Jane Doe", "CBS News", false},
		{"Jane Doe", "", false},
	}
	for _, tt := range tests {
		if got := isSite(tt.author, tt.site); got != tt.want {
			t.Errorf("isSite(%q, %q) = %v, want %v", tt.author, tt.site, got, tt.want)
		}
	}
}

func TestDropSiteName(t *testing.T) {
	tests := []struct{ title, site, want, reason string }{
		{"Headline | Site", "Site", "Headline", "site after a bar"},
		{"SITE - Headline", "Site", "Headline", "site before a dash, any case"},
		{"Headline | Section", "Site", "Headline | Section", "no part is the site"},
		{"Headline | Site", "", "Headline | Site", "no site name"},
		{"Site", "Site", "Site", "the title is the site's name only"},
	}
	for _, tt := range tests {
		if got := dropSiteName(tt.title, tt.site); got != tt.want {
			t.Errorf("dropSiteName(%q, %q) = %q, want %q (%s)", tt.title, tt.site, got, tt.want, tt.reason)
		}
	}
}

func TestDecorates(t *testing.T) {
	tests := []struct {
		title, headline string
		want            bool
		reason          string
	}{
		{"Using promises - JavaScript | MDN", "Using promises", true, "sections after a spaced dash"},
		{"Headline here and there", "Headline here", false, "more words, no separator"},
		{"Headline here: REGNUM", "Headline here", true, "a colon right after the headline"},
		{"Президент исповедался // НТВ.Ru", "Президент исповедался", true, "a run of slashes"},
		{"内蒙古确保工资无拖欠_要闻_正北方网", "内蒙古确保工资无拖欠", false, "an underscore without spaces joins"},
		{"Video Games : Target", "Video Games", true, "a spaced colon"},
		{"Site » Headline", "Headline", true, "the site before"},
		{"COVID-19 cases rise", "COVID", false, "a hyphen inside a word"},
		{"Top 10 IT Security Best Practices", "IT Security Best Practices", false, "words before, no separator"},
		{"Headline", "Headline", false, "the same"},
		{"Headline | Site", "", false, "no headline"},
		{"Headline  |  Site", " Headline ", true, "white space at the ends of both"},
	}
	for _, tt := range tests {
		if got := decorates(tt.title, tt.headline); got != tt.want {
			t.Errorf("decorates(%q, %q) = %v, want %v (%s)", tt.title, tt.headline, got, tt.want, tt.reason)
		}
	}
}

// TestRenderParts checks what Text, Markdown and HTML carry of the
// article's parts, with and without WithCaptions and WithComments, on
// blocks whose roles are set by hand (as a role model would set them).
func TestRenderParts(t *testing.T) {
	blocks := []Block{
		{Text: "Headline", Kind: 2, Level: 1, Row: -1, Content: true, Role: RoleTitle},
		{Text: "By Ann", Row: -1, Content: true, Role: RoleByline},
		{Text: "A photo.", Kind: 7, Row: -1, Content: true, Role: RoleCaption},
		{Text: "Body one.", Kind: 1, Row: -1, Content: true, Role: RoleBody},
		{Text: "Menu", Row: -1, Role: RoleBoilerplate},
		{Text: "Body two.", Kind: 1, Row: -1, Content: true, Role: RoleBody},
		{Text: "Great piece!", Kind: 1, Row: -1, Content: true, Role: RoleComment},
	}
	tests := []struct {
		name                         string
		captions, comments           bool
		text, markdown, htmlContains string
	}{
		{"body", false, false, "Body one.\n\nBody two.", "# Headline\n\nBody one.\n\nBody two.", "<figure><figcaption>A photo.</figcaption></figure>\n<p>Body one.</p>"},
		{"captions", true, false, "A photo.\n\nBody one.\n\nBody two.", "# Headline\n\nA photo.\n\nBody one.\n\nBody two.", "</header>\n<figure>"},
		{"comments", false, true, "Body one.\n\nBody two.\n\nGreat piece!", "# Headline\n\nBody one.\n\nBody two.\n\nGreat piece!", "</p>\n<section>\n<p>Great piece!</p>\n</section>\n</article>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Title: "Headline", Blocks: blocks, withCaptions: tt.captions, withComments: tt.comments}
			if diff := cmp.Diff(tt.text, a.text()); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.markdown, a.Markdown()); diff != "" {
				t.Errorf("markdown (-want +got):\n%s", diff)
			}
			if h := a.HTML(); !strings.Contains(h, tt.htmlContains) {
				t.Errorf("HTML lacks %q:\n%s", tt.htmlContains, h)
			}
			if c := a.ContentText(); c != "Headline\n\nBy Ann\n\nA photo.\n\nBody one.\n\nBody two.\n\nGreat piece!" {
				t.Errorf("ContentText = %q: not every kept block", c)
			}
		})
	}
}

func TestHeadlineDate(t *testing.T) {
	h1 := Block{Text: "Spring tides expected", Kind: page.KindHeading, Level: 1}
	title := Block{Text: "Spring tides expected", Role: RoleTitle}
	line := func(s string) Block { return Block{Text: s, Role: RoleBody} }
	long := line(strings.Repeat("word ", 30))
	tests := []struct {
		name   string
		meta   page.Meta
		blocks []Block
		want   string
	}{
		{"under the title block", page.Meta{}, []Block{line("Home"), title, line("Published on July 18, 2025")}, "2025-07-18"},
		{"under the first h1", page.Meta{}, []Block{h1, line("By the harbour desk"), line("Dec. 19, 2025 · Ann Lee")}, "2025-12-19"},
		{"a time mark's value first", page.Meta{TimeHints: []page.TimeHint{{Value: "2025-04-29 21:00:25", Text: "2025/4/30"}}},
			[]Block{title, line("EcoFlow - 2025/4/30")}, "2025-04-29"},
		{"no further than three blocks", page.Meta{}, []Block{title, line("a"), line("b"), line("c"), line("12 March 2026")}, ""},
		{"not past a long block", page.Meta{}, []Block{title, long, line("12 March 2026")}, ""},
		{"not in reader comments", page.Meta{}, []Block{title, {Text: "12 March 2026", Role: RoleComment}}, ""},
		{"a date that does not parse is not taken", page.Meta{}, []Block{title, line("3 hours ago")}, ""},
		{"no headline", page.Meta{}, []Block{line("12 March 2026")}, ""},
	}
	for _, tt := range tests {
		if got := headlineDate(&tt.meta, underHeadline(tt.blocks)); got != tt.want {
			t.Errorf("%s: headlineDate = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestHeadlineAuthor(t *testing.T) {
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"Dec. 19, 2025", "By Niko Matsakis"}, "Niko Matsakis"},
		{[]string{"By Lucy Zhang on Wednesday at 4:30pm"}, "Lucy Zhang"},
		{[]string{"By: Ryan McNeill Last Updated: 1/14/08 11:15 AM ET"}, "Ryan McNeill"},
		{[]string{"By Ramona Pringle, for CBC News Posted: Dec 10, 2012"}, "Ramona Pringle"},
		{[]string{"By Montezemolo: the driver line-up is crucial"}, "Montezemolo"},
		{[]string{"by the harbour desk"}, ""},
		{[]string{"Jane Doe"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := headlineAuthor(tt.lines); got != tt.want {
			t.Errorf("headlineAuthor(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}
