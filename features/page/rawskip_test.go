package page

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// parseBoth parses b as ParseBytes does, with the raw text of scripts and
// styles cut (the package's way) and without, and returns both pages, or
// the errors.
func parseBoth(b []byte) (cut, whole *Page, errCut, errWhole error) {
	parse := func(skipRaw bool) (*Page, error) {
		root, enc, err := parseTree(context.Background(), b, Options{}, skipRaw)
		if err != nil {
			return nil, err
		}
		p, err := segment(root, Options{}, nil)
		if err != nil {
			return nil, err
		}
		p.Encoding = enc
		readHead(root, p)
		return p, nil
	}
	cut, errCut = parse(true)
	whole, errWhole = parse(false)
	return
}

// checkSameParse fails t unless cutting the raw text of b changes nothing
// segmentation or the head reader make of it.
func checkSameParse(t *testing.T, name string, b []byte) {
	t.Helper()
	cut, whole, errCut, errWhole := parseBoth(b)
	if (errCut == nil) != (errWhole == nil) || errCut != nil && errCut.Error() != errWhole.Error() {
		t.Fatalf("%s: error %v with the raw text cut, %v without", name, errCut, errWhole)
	}
	if !reflect.DeepEqual(cut, whole) {
		for i := range min(len(cut.Blocks), len(whole.Blocks)) {
			if !reflect.DeepEqual(cut.Blocks[i], whole.Blocks[i]) {
				t.Fatalf("%s: block %d is %+v with the raw text cut, %+v without", name, i, cut.Blocks[i], whole.Blocks[i])
			}
		}
		t.Fatalf("%s: the pages differ (%d and %d blocks)", name, len(cut.Blocks), len(whole.Blocks))
	}
}

var rawSkipCases = []string{
	`<html><head><style>p{color:red}</style><script>var x = "<p>not text</p>";</script></head><body><p>Hello</p></body></html>`,
	`<p>a<script>document.write("<b>")</script>b</p><style>.x{}</style><p>c</p>`,
	`<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"The body."}</script><p>x</p>`,
	`<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"post":{"content":"<p>Story</p>"}}}}</script><div id="__next"></div>`,
	`<div hidden id="S:1"><p>Streamed story text.</p></div><script>$RC("B:1","S:1")</script><template id="B:1"></template>`,
	`<script><!-- <script> </script> --></script><p>after an escaped script</p>`,
	`<script><!--</script><p>visible</p>`,
	`<script>`,
	`<style>`,
	`<p>text</p><script>unterminated`,
	`<svg><script>if (a < b) {}</script><style>.s{}</style></svg><p>after svg</p>`,
	`<math><style><p>in math</p></style></math><p>x</p>`,
	`<noscript><script>x()</script><p>noscript text</p></noscript>`,
	`<table><script>x</script><tr><td>cell<style>td{}</style></td></tr></table>`,
	`<textarea><script>not a script</script></textarea><title><style></title><p>t</p>`,
	`<SCRIPT TYPE="text/template"><div>template</div></SCRIPT><p>y</p>`,
	`<script type=module>import x from "y"</script><script type="text/javascript">z</script><p>z</p>`,
	`<select><script>s</script><option>o</option></select>`,
	`<frameset><script>f</script></frameset>`,
	`<p>a<!-- one -->b <!-- two --> c</p><table><!--x-->t<tr><!--y--><td>u<!--z-->v</td></tr></table>`,
	`<!--[if IE]><p>old</p><![endif]--><p>new</p><!--$--><template id="B:0"></template><p>fallback</p><!--/$--><div hidden id="S:0"><p>done</p></div><script>$RC("B:0","S:0")</script>`,
	`<p>x<!-- unterminated`,
	`<<!-->A <!---->B&amp<!---->; &<!---->amp;`,
	`<svg><![CDATA[>  <!-- ]]> --><p>visible</p>`,
	`<svg><![CDATA[ > </svg> <!-- ]]> --> <p>v</p>`,
	`<svg><![CDATA[ > </svg> ]]><script><p>visible</p></script>`,
	`<svg><foreignObject><script> <!-- <script> --> </script><p>v</p></script></foreignObject></svg>`,
	`<math><mi><style>a<!-- b --></style></mi></math><p>m</p>`,
	`<svg><foreignObject><style></svg></style></foreignObject><script><p>v</p></script></svg>`,
	`<svg><foreignObject><style></foreignObject></svg><script></style></foreignObject></svg><p>v</p><script>x</script>`,
	`<svg><p></p></svg><script><!--</script><p>x</p>`,
	`<svg><title>t</title><path d="M0"/></svg><script>cut()</script><!-- c --><p>after an icon</p>`,
	`<p>a<svg viewBox="0 0 1 1"><g><path d="M0 0"/><svg><circle r="1"/></svg></g><text>in svg</text></svg>b</p>`,
	`<select><svg><option>o</option></svg></select><p>s</p>`,
	`<svg><g><p>breaks out</p></g></svg><p>after</p>`,
	`<svg/><p>x</p><svg><rect/></SVG ><p>y</p>`,
	`<table><svg><path/></svg><tr><td>c</td></tr></table>`,
	`<svg><path></div><p>q</p></svg>`,
	attrCase,
	`<a href="1"><b data-x="1">x<a href="2"><b data-x="2">y<div>z</div></b></a></b></a><p>after</p>`,
	`<p><b data-i="1"><b data-i="2"><b data-i="3"><b data-i="4"></p>Noah's ark<div>d</div>`,
}

// attrCase holds attributes that are cut and some that are not.
const attrCase = `<p class="c" data-x="1" DATA-Y='2'>a <a href="/x" title="t">link</a><img src="i.png" srcset="i2.png 2x" alt="A"></p>` +
	`<link rel="canonical" href="https://e.com/p"><b data-z="3">b</b><a/href="u">v</a><a href=unquoted>w</a><a href="q"/>x<i  href="y">i</i>` +
	`<svg data-s="s"><path data-p="p" d="M0"/></svg>`

// TestRawSkipSameTree checks that cutting the raw text of scripts and
// styles, the comments, svg content and unread attributes changes nothing
// of the page ParseBytes makes, on tricky markup.
func TestRawSkipSameTree(t *testing.T) {
	for _, in := range append(append(rawSkipCases, tagScanCases...), treeBoundCaseInputs()...) {
		checkSameParse(t, strings.ReplaceAll(in, "\n", " "), []byte(in))
	}
}

// TestRawSkipCuts checks what is cut: the JavaScript, the style sheets,
// the comments and the content of an svg, not the scripts the package
// reads nor React's boundaries, and nothing after a CDATA section in svg.
func TestRawSkipCuts(t *testing.T) {
	in := `<title>T</title>` + rawSkipCases[0] + rawSkipCases[2] + rawSkipCases[3] + rawSkipCases[4] + rawSkipCases[15] + `<!--c--><!--$--><!--/$--><?php x ?><!--a--><!--b-->` +
		`<svg><title>t</title><!--in svg--></svg><style>after</style><svg><![CDATA[x]]></svg><style>never</style>`
	var skip rawSkip
	treeBound([]byte(in), 1<<62, &skip)
	var got []string
	for _, s := range skip.spans {
		got = append(got, in[s.start:s.end])
	}
	want := []string{`p{color:red}`, `var x = "<p>not text</p>";`, `<!--c-->`, `<!--a--><!--b-->`, `<title>t</title><!--in svg-->`, `after`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cut %q, want %q", got, want)
	}
}

// TestRawSkipAttrs checks which attributes are cut: href, src, srcset and
// data-* with a quoted value after white space, outside svg and math, but
// not the href of a <link> nor the attributes of formatting elements other
// than <a>.
func TestRawSkipAttrs(t *testing.T) {
	var skip rawSkip
	treeBound([]byte(attrCase), 1<<62, &skip)
	var got []string
	for _, s := range skip.spans {
		got = append(got, attrCase[s.start:s.end])
	}
	want := []string{`data-x="1"`, `DATA-Y='2'`, `href="/x"`, `src="i.png"`, `srcset="i2.png 2x"`, `href="q"`, `data-s="s"`, `<path data-p="p" d="M0"/>`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cut %q, want %q", got, want)
	}
	checkSameParse(t, attrCase, []byte(attrCase))
}

// TestRawSkipOnSharedSets checks every page of the shared sets.
//
//	WINNOW_DATA=/work/shared/data go test ./features/page -run RawSkipOnSharedSets
func TestRawSkipOnSharedSets(t *testing.T) {
	if testing.Short() {
		t.Skip("parses every page of the shared sets twice")
	}
	eachSharedPage(t, func(f string, dec []byte) { checkSameParse(t, f, dec) })
}

// FuzzRawSkip checks on arbitrary bytes that cutting the raw text changes
// nothing of the page.
func FuzzRawSkip(f *testing.F) {
	for _, in := range append(rawSkipCases, tagScanCases...) {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) { checkSameParse(t, "input", in) })
}

// TestRawSkipForeignEnd checks the end tags in svg: one that names an
// element open inside it, nested in others of its name, keeps the cutting
// going; one that names none stops it, since the parser may read it as
// HTML and end the svg (<g><svg></g>).
func TestRawSkipForeignEnd(t *testing.T) {
	for _, tc := range []struct {
		in      string
		stopped bool
	}{
		{`<svg><g><g><path d="M0"></path></g></g></svg><style>after</style>`, false},
		{`<g><svg></g>0</svg>0<style>after</style>`, true},
		{`<svg><g></span></g></svg><style>after</style>`, true},
	} {
		var skip rawSkip
		treeBound([]byte(tc.in), 1<<62, &skip)
		if skip.stopped != tc.stopped {
			t.Errorf("%s: stopped %v, want %v", tc.in, skip.stopped, tc.stopped)
		}
		checkSameParse(t, tc.in, []byte(tc.in))
	}
}
