package page

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-dev/winnow/internal/shareddata"
)

// nodes is the number of nodes html.Parse makes of b, the document
// included, as Parse calls it.
func nodes(t testing.TB, b []byte) int {
	t.Helper()
	root, err := html.ParseWithOptions(bytes.NewReader(b), html.ParseOptionEnableScripting(false))
	if err != nil {
		return -1
	}
	n := 1
	for range root.Descendants() {
		n++
	}
	return n
}

// amplified is a page that makes the parser clone many formatting
// elements per input byte: formatting elements that differ in an
// attribute are left open and closed by a block's end, then every
// character reopens them all.
func amplified(open, repeats int) []byte {
	var b strings.Builder
	b.WriteString("<html><body><div>")
	for i := range open {
		fmt.Fprintf(&b, "<b id=%d>", i)
	}
	b.WriteString("</div>")
	b.WriteString(strings.Repeat("<div>x</div>", repeats))
	return []byte(b.String())
}

// treeBoundCases are pages whose trees the parser grows beyond their
// markup, each with what makes it grow.
var treeBoundCases = []struct{ name, in string }{
	{"plain", "<p>x<p>y<div><span>z</span></div>"},
	{"implied table parts", strings.Repeat("<table><td>x<td>y<tr><td>z</table>", 20)},
	{"reopened formatting", string(amplified(30, 40))},
	{"formatting around paragraphs", strings.Repeat("<b><i><u><p>x</b>y</i>z</u></p>", 50)},
	{"adoption agency", strings.Repeat("<a><b><div><p>x</a>y</b>z</div>", 50)},
	{"unclosed links in cells", strings.Repeat("<table><tr><td><a href=1>x<td><a href=2>y</table>", 50)},
	{"formatting in a table", strings.Repeat("<b id=1><table><tr><td>x</b></td></tr></table>y", 50)},
	{"cells outside tables", strings.Repeat("<td><b id=2>x</td><div>y</div>", 50)},
	{"identical formatting", strings.Repeat("<font color=red>", 40) + strings.Repeat("<p>x</p>", 50)},
	{"noscript", "<noscript>" + strings.Repeat("<b id=3><p>x</p>", 40) + "</noscript>" + strings.Repeat("<p>y</p>", 20)},
	{"select", "<select><b id=4><option>x</select>" + strings.Repeat("<p>y</p>", 40)},
	{"svg", "<svg><style>" + strings.Repeat("<b id=5><p>x</p>", 40) + "</style></svg>" + strings.Repeat("<p>y</p>", 20)},
	{"math text", "<math><mi>" + strings.Repeat("<i id=6><p>x</p>", 40) + "</mi></math>" + strings.Repeat("<p>y</p>", 20)},
	{"nobr", strings.Repeat("<nobr>x<nobr>y<p>z", 50)},
	{"template", "<template>" + strings.Repeat("<b id=7><p>x</p>", 40) + "</template>" + strings.Repeat("<p>y</p>", 20)},
}

// TestTreeBoundCoversParser: treeBound is never below the nodes the
// parser makes.
func TestTreeBoundCoversParser(t *testing.T) {
	for _, tt := range treeBoundCases {
		t.Run(tt.name, func(t *testing.T) {
			checkTreeBound(t, []byte(tt.in))
		})
	}
	for _, tp := range readTestPages(t) {
		dec, _, err := Decode(tp.raw, "")
		if err != nil {
			t.Fatal(err)
		}
		checkTreeBound(t, dec)
	}
}

func checkTreeBound(t testing.TB, b []byte) {
	t.Helper()
	got, over := treeBound(b, 1<<62, nil)
	want := nodes(t, b)
	if over || got < want {
		t.Fatalf("treeBound = %d (over: %v), parser makes %d nodes of %.200q", got, over, want, b)
	}
}

// FuzzTreeBound checks that treeBound is never below the nodes the
// parser makes, whatever the markup.
func FuzzTreeBound(f *testing.F) {
	for _, tt := range treeBoundCases {
		f.Add([]byte(tt.in))
	}
	for _, tt := range foreignBoundCases {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkTreeBound(t, in)
	})
}

// TestTreeRefusedBeforeBuilt: a page within MaxBytes whose tree would be
// too large is refused before the tree is built, so refusing it costs
// little memory. Before, 32 MiB of <p>x cost 2.2 GB before the block
// limit refused it, and 29 KB of reopened formatting elements made a
// tree of a million nodes (160 MB).
func TestTreeRefusedBeforeBuilt(t *testing.T) {
	tests := []struct {
		name, reason string
		in           []byte
	}{
		{"dense blocks", "1,200,000 <p>x blocks: more nodes than DefaultMaxNodes", bytes.Repeat([]byte("<p>x"), 1_200_000)},
		{"reopened formatting", "500 open formatting elements reopened 2,000 times: a million clones", amplified(500, 2000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			perByte := allocPerByte(t, tt.in, func(b []byte) { _, err = ParseBytes(b, Options{}) })
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge: %s", err, tt.reason)
			}
			t.Logf("%s: %.1f bytes allocated per input byte to refuse it", err, perByte)
			if perByte > 4 {
				t.Errorf("refusing %s cost %.1f bytes allocated per input byte, want at most 4", tt.name, perByte)
			}
		})
	}
}

// TestMaxNodes: the node limit is an option, and a small page cannot
// have more than MinNodeBudget + NodesPerByte × its size.
func TestMaxNodes(t *testing.T) {
	page := []byte("<html><body>" + strings.Repeat("<p>x</p>", 100))
	if _, err := ParseBytes(page, Options{MaxNodes: 300}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxNodes 300, 100 paragraphs: err = %v, want ErrTooLarge", err)
	}
	if _, err := ParseBytes(page, Options{MaxNodes: 1000}); err != nil {
		t.Errorf("MaxNodes 1000, 100 paragraphs: %v", err)
	}
	if got, want := (Options{MaxNodes: 1 << 40}).maxNodes(1000), MinNodeBudget+NodesPerByte*1000; got != want {
		t.Errorf("node limit of a 1000-byte page = %d, want %d", got, want)
	}
}

// TestTreeBoundOnSharedSets: every page of the shared labelled sets is
// within the node limits with room to spare, and treeBound covers the
// nodes the parser makes of it. It logs the most nodes per byte counted.
//
//	WINNOW_DATA=/work/shared/data go test ./features/page -run TreeBoundOnSharedSets -v
func TestTreeBoundOnSharedSets(t *testing.T) {
	if testing.Short() {
		t.Skip("parses every page of the shared sets")
	}
	var worst, worstWork float64
	var worstFile, worstWorkFile string
	pages := eachSharedPage(t, func(f string, dec []byte) {
		if _, _, part := markupBound(dec, 1<<62); part {
			// Its reads are followed within their budget of work.
			_, _, unsure, work := readingsBoundWork(dec, 0, 1<<62)
			if unsure {
				t.Errorf("%s: refused as unsure (work %d for %d bytes)", f, work, len(dec))
			}
			if r := float64(work) / float64(len(dec)); r > worstWork {
				worstWork, worstWorkFile = r, f
			}
		}
		bound, _ := treeBound(dec, 1<<62, nil)
		if got := nodes(t, dec); got > bound {
			t.Errorf("%s: treeBound %d, parser makes %d nodes", f, bound, got)
		}
		if limit := (Options{}).maxNodes(len(dec)); 2*bound > limit {
			t.Errorf("%s: treeBound %d, more than half the limit %d", f, bound, limit)
		}
		if r := float64(bound) / float64(len(dec)); r > worst {
			worst, worstFile = r, f
		}
	})
	t.Logf("%d pages; the most nodes per byte counted: %.2f (%s); the most work per byte of the reads: %.3f (%s)", pages, worst, worstFile, worstWork, worstWorkFile)
}

// eachSharedPage calls fn with the path and the decoded text of every
// page of the shared sets (every tenth under the race detector, which
// makes parsing ten times slower) and returns how many it read; it fails
// t when there is none.
func eachSharedPage(t *testing.T, fn func(path string, decoded []byte)) int {
	t.Helper()
	dir := shareddata.Dir(t)
	var files []string
	for _, pattern := range []string{"*/*/*.gz", "*/*/*/*.gz"} {
		m, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	step := 1
	if raceEnabled {
		step = 10
	}
	pages := 0
	for k := 0; k < len(files); k += step {
		raw, err := readGz(files[k])
		if err != nil {
			continue // not a gzip page (a gold file, say)
		}
		dec, _, err := Decode(raw, "")
		if err != nil {
			continue
		}
		pages++
		fn(files[k], dec)
	}
	if pages == 0 {
		t.Fatalf("no .gz pages under %s", dir)
	}
	return pages
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// TestFormattingIndex checks that formattingIndex finds every formatting
// element at its place in formattingNames, and no other name.
func TestFormattingIndex(t *testing.T) {
	for i, f := range formattingNames {
		if got := formattingIndex([]byte(f)); got != i {
			t.Errorf("formattingIndex(%q) = %d, want %d", f, got, i)
		}
	}
	for _, name := range []string{"", "div", "A", "bb", "strongs", "span", "em "} {
		if got := formattingIndex([]byte(name)); got != -1 {
			t.Errorf("formattingIndex(%q) = %d, want -1", name, got)
		}
	}
}
