package render

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/features/page"
)

func TestMarkdownText(t *testing.T) {
	for _, tt := range []struct{ in, want, reason string }{
		{"The budget rose 4.5% in 2024. Well-known figures, e.g. a-b.", "The budget rose 4.5% in 2024. Well-known figures, e.g. a-b.", "ordinary text stays as it is"},
		{"<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>", "a tag the page shows literally is no tag"},
		{"<img src=x onerror=alert(1)> <!-- c --> <?php ?> <https://evil.example>", "&lt;img src=x onerror=alert(1)> &lt;!-- c --> &lt;?php ?> &lt;https://evil.example>", "tags, comments, processing instructions, autolinks"},
		{"a < b and c<5", "a < b and c<5", "a < that opens nothing stays"},
		{"&lt;script&gt; &#60; &#x3C; AT&T & co &amp", "&amp;lt;script&amp;gt; &amp;#60; &amp;#x3C; AT&T & co &amp", "character references are shown, not read"},
		{"![pixel](https://evil.example/p.gif) [x](javascript:alert(1)) [1]", `!\[pixel](https://evil.example/p.gif) \[x](javascript:alert(1)) \[1]`, "no image, link or reference"},
		{"*bold* **b** `code` ~~s~~ back\\slash", `\*bold\* \*\*b\*\* \` + "`code\\`" + ` \~\~s\~\~ back\\slash`, "emphasis, code spans, strikethrough, escapes"},
		{"snake_case_name and _emph_", `snake_case_name and \_emph\_`, "an underscore inside a word stays"},
		{"# not a heading", `\# not a heading`, "heading"},
		{"> not a quote", `\> not a quote`, "quote"},
		{"- not an item", `\- not an item`, "bullet"},
		{"+ not an item", `\+ not an item`, "plus bullet"},
		{"2024. A year", `2024\. A year`, "ordered item"},
		{"1) first", `1\) first`, "ordered item with )"},
		{"line one\n===", "line one\n\\===", "setext underline"},
		{"a | b\n|---|---|", "a | b\n\\|---|---|", "table delimiter row"},
		{"x\n    indented\n  - item", "x\nindented\n\\- item", "leading spaces go, a line start is escaped"},
		{"```\nfence", "\\`\\`\\`\nfence", "a fence"},
	} {
		if diff := cmp.Diff(tt.want, MarkdownText(tt.in)); diff != "" {
			t.Errorf("MarkdownText(%q) (%s) (-want +got):\n%s", tt.in, tt.reason, diff)
		}
	}
}

func TestMarkdownHeading(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"C# tips #", `C# tips \#`},
		{"Two\nlines", "Two lines"},
		{"<b>Bold</b> claims", "&lt;b>Bold&lt;/b> claims"},
	} {
		if got := MarkdownHeading(tt.in); got != tt.want {
			t.Errorf("MarkdownHeading(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCodeFence(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"x := 1", "```"},
		{"a `b` c", "```"},
		{"```\nrm -rf /\n```", "````"},
		{"``````", "```````"},
	} {
		if got := codeFence(tt.code); got != tt.want {
			t.Errorf("codeFence(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

// TestMarkdownBlocks checks the escaping in every kind of block and that a
// code block holding a fence is not closed by it.
func TestMarkdownBlocks(t *testing.T) {
	blocks := []Block{
		{Text: "<b>Title</b> #", Kind: page.KindHeading, Level: 2, Row: -1},
		{Text: "Shown as &lt;script&gt;: <script>alert(1)</script>", Kind: page.KindParagraph, Row: -1},
		{Text: "- dash", Kind: page.KindListItem, Row: -1},
		{Text: "<i>one</i>", Kind: page.KindListItem, Item: 1, Row: -1},
		{Text: "a|b <img src=x>", Kind: page.KindTableCell, Row: 0},
		{Text: "c\nd", Kind: page.KindTableCell, Row: 0},
		{Text: "x\n```\n<script>alert(2)</script>\n```", Kind: page.KindPre, Row: -1},
		{Text: "> nested", Kind: page.KindQuote, Row: -1},
	}
	got := Blocks(len(blocks), func(i int) Block { b := blocks[i]; b.Keep = true; return b }, Markdown)
	want := "## &lt;b>Title&lt;/b> \\#\n\n" +
		"Shown as &amp;lt;script&amp;gt;: &lt;script>alert(1)&lt;/script>\n\n" +
		"- \\- dash\n\n" +
		"1. &lt;i>one&lt;/i>\n\n" +
		"| a\\|b &lt;img src=x> | c d\n\n" +
		"````\nx\n```\n<script>alert(2)</script>\n```\n````\n\n" +
		"> \\> nested"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("markdown (-want +got):\n%s", diff)
	}
	if strings.Contains(strings.ReplaceAll(got, "````\nx\n```\n<script>alert(2)</script>\n```\n````", ""), "<script") {
		t.Errorf("live HTML outside the code block:\n%s", got)
	}
}
