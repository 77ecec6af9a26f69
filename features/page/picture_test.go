package page

import (
	"maps"
	"testing"
)

func TestElementImages(t *testing.T) {
	const doc = `<html><body>
<div class="post"><h1>A post</h1>
 <p><img src="a.jpg" width="600" height="400"></p>
 <p><img src="b.jpg" width="400"><img src="c.jpg" width="640px"> A line under two pictures.</p>
 <p><img src="tile.jpg" width="100%"><img src="free.jpg"> Sized by the style sheet.</p>
 <p><a href="/x"><img src="teaser.jpg" width="300"></a> A linked picture is a teaser.</p>
 <p><img src="icon.png" width="16" height="16"> An icon. <img src="strip.gif" width="1000" height="3"></p>
 <p><img src="hidden.jpg" width="600" hidden> <span style="display:none"><img src="gone.jpg" width="600"></span> Hidden.</p>
</div>
<div class="comments"><p><img src="avatar.jpg" width="300"> A reader's comment.</p></div>
</body></html>`
	p, err := ParseBytes([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Each element with pictures, named by the text of its first block.
	got := map[string]int{}
	for i, e := range p.Elements {
		if e.Images == 0 {
			continue
		}
		name := "(no text)"
		for _, b := range p.Blocks {
			if b.Element == i {
				name = b.Text
				break
			}
		}
		got[name] += e.Images
	}
	want := map[string]int{"(no text)": 1, "A line under two pictures.": 2}
	if !maps.Equal(got, want) {
		t.Errorf("pictures by element: %v, want %v", got, want)
	}
}

func TestPixels(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"600", 600, true}, {" 42 ", 42, true}, {"16px", 16, true}, {"100%", 0, false},
		{"", 0, false}, {"auto", 0, false}, {"99999999999", 9999999, true},
	} {
		if got, ok := pixels(c.in); got != c.want || ok != c.ok {
			t.Errorf("pixels(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
