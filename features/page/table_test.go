package page

import (
	"strings"
	"testing"
)

func TestDataTables(t *testing.T) {
	const scores = `<tr><th>Player</th><th>Score</th></tr><tr><td>Choi</td><td>64</td></tr><tr><td>Els</td><td>66</td></tr>`
	long := strings.Repeat("word ", 30)
	tests := []struct {
		name string
		html string
		want bool // every cell is in a data table
	}{
		{"scores", `<p>Story.</p><table>` + scores + `</table><p>More.</p>`, true},
		{"rows without header cells", `<table><tr><td>Obama</td><td>37</td></tr><tr><td>Clinton</td><td>42</td></tr></table>`, true},
		{"one row", `<table><tr><td>Obama</td><td>37</td><td>Clinton</td><td>42</td></tr></table>`, false},
		{"one column", `<table><tr><td>Obama 37</td></tr><tr><td>Clinton 42</td></tr></table>`, false},
		{"laying out text", `<table><tr><td>` + long + `</td><td>` + long + `</td></tr><tr><td>a</td><td>b</td></tr></table>`, false},
		{"a menu", `<table><tr><td><a href=/a>Home</a></td><td><a href=/b>News</a></td></tr><tr><td><a href=/c>Sport</a></td><td><a href=/d>Weather</a></td></tr></table>`, false},
		{"a form", `<table><tr><td>Email</td><td><input name=e></td></tr><tr><td>Password</td><td><input type=password></td></tr></table>`, false},
		{"role presentation", `<table role="presentation">` + scores + `</table>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parseString(t, tt.html)
			cells := 0
			for _, b := range p.Blocks {
				if b.Flags&InTable == 0 {
					if b.Flags&InDataTable != 0 {
						t.Errorf("block %q outside tables has InDataTable", b.Text)
					}
					continue
				}
				cells++
				if got := b.Flags&InDataTable != 0; got != tt.want {
					t.Errorf("block %q: InDataTable = %v, want %v", b.Text, got, tt.want)
				}
			}
			if cells == 0 {
				t.Fatal("no block in a table")
			}
		})
	}
}

// TestDataTableNesting checks that a table's facts are its own: the outer
// table of a nested one is layout, the inner one data, and the cells of the
// outer table after the inner one still count in the outer one.
func TestDataTableNesting(t *testing.T) {
	p := parseString(t, `<table><tr><td>Left</td><td><table>
		<tr><td>Choi</td><td>64</td></tr><tr><td>Els</td><td>66</td></tr></table></td><td>After</td></tr></table>`)
	want := map[string]bool{"Left": false, "Choi": true, "64": true, "Els": true, "66": true, "After": false}
	for _, b := range p.Blocks {
		w, ok := want[b.Text]
		if !ok {
			t.Errorf("unexpected block %q", b.Text)
			continue
		}
		if got := b.Flags&InDataTable != 0; got != w {
			t.Errorf("block %q: InDataTable = %v, want %v", b.Text, got, w)
		}
		delete(want, b.Text)
	}
	if len(want) > 0 {
		t.Errorf("blocks not found: %v", want)
	}
}
