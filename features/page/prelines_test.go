package page

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestPreListing checks that a <pre> whose lines are <div> and <br>
// elements is one block with a line per line, and that a <pre> holding
// any other element, such as an unclosed one that holds the rest of the
// page, is segmented element by element.
func TestPreListing(t *testing.T) {
	cases := []struct {
		name string
		html string
		want []string // the blocks' texts
	}{
		{"div lines", `<pre><div>x := 1</div><div>y := 2</div></pre>`,
			[]string{"x := 1\ny := 2"}},
		{"numbered lines", `<pre><div><span>1</span><div>x := 1</div></div><div><span>2</span><div>y := <b>2</b></div></div></pre>`,
			[]string{"1\nx := 1\n2\ny := 2"}},
		{"br lines", `<p>Run:</p><pre>make<br>make test</pre>`,
			[]string{"Run:", "make\nmake test"}},
		{"hidden line", `<pre><div>shown</div><div hidden>not shown</div><div>shown too</div></pre>`,
			[]string{"shown\nshown too"}},
		{"paragraph inside", `<pre><p>A paragraph.</p><div>A line.</div></pre>`,
			[]string{"A paragraph.", "A line."}},
		{"unclosed", `<pre><div>code</div><ul><li>Home</li></ul><p>The story.</p>`,
			[]string{"code", "Home", "The story."}},
		{"pre in pre", `<pre><div>a</div><pre>b</pre></pre>`,
			[]string{"a", "b"}},
	}
	for _, c := range cases {
		p, err := ParseBytes([]byte(c.html), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		for _, b := range p.Blocks {
			got = append(got, b.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: blocks %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPreListingPage checks testdata/hidden/code-lines.html: a
// highlighter's listing, each line a <div> with its number, is one
// preformatted block between the paragraphs around it.
func TestPreListingPage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "hidden", "code-lines.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseBytes(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, bl := range p.Blocks {
		got = append(got, bl.Text)
	}
	want := []string{
		"Reading a file line by line",
		"A bufio.Scanner reads a file one line at a time, without loading all of it.",
		"1\nf, err := os.Open(name)\n2\nsc := bufio.NewScanner(f)\n3\nfor sc.Scan() { fmt.Println(sc.Text()) }",
		"Scanner stops at the first error; ask it with sc.Err() after the loop.",
		"go run read.go\ngo vet ./...",
		"A paragraph inside a pre is not a line of a listing.",
		"Nor is the line after it.",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("blocks\n%q\nwant\n%q", got, want)
	}
	if k := p.Blocks[2].Kind; k != KindPre {
		t.Errorf("listing block kind %v, want KindPre", k)
	}
}
