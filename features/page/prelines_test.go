package page

import (
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
		if len(got) == 1 && p.Blocks[0].Kind != KindPre {
			t.Errorf("%s: kind %v, want KindPre", c.name, p.Blocks[0].Kind)
		}
	}
}
