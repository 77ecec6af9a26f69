package page

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestTextHygiene checks the blocks of the pages of testdata/hidden whose
// text needs cleaning: ruby annotations left out, soft hyphens removed,
// double-encoded UTF-8 repaired only where that is unambiguous, blocks of
// nothing but invisible marks left out, a listing of lines one block.
func TestTextHygiene(t *testing.T) {
	cases := []struct {
		page string
		want []string // the blocks' texts
	}{
		{"ruby.html", []string{"子どもの読み物", "子は漢字を学ぶ。"}},
		{"hygiene.html", []string{
			"The Donaudampfschifffahrt company ran steamers on the Danube.",
			"Hyphenation points written as characters: Worttrennung.",
			"The café served crème brûlée, the world’s best.",
			"SÃO PAULO E IRMÃ are written in capitals.",
			"NÃO é verdade: a cafÃ© beside a correct café is left alone.",
			"MÃE — CAFÉ at the corner.",
		}},
		// Blocks of only zero-width and direction marks are no blocks;
		// the same marks inside words and emoji stay.
		{"invisible.html", []string{
			"A paragraph before the marks.",
			"A family emoji 👨\u200d👩\u200d👧 keeps its joiners.",
			"می\u200cخواهم keeps its non-joiner.",
		}},
		// A highlighter's listing, each line a <div> with its number, is
		// one block, as is a <pre> of <br> lines; a <pre> holding a
		// paragraph is not a listing (TestPreListing).
		{"code-lines.html", []string{
			"Reading a file line by line",
			"A bufio.Scanner reads a file one line at a time, without loading all of it.",
			"1\nf, err := os.Open(name)\n2\nsc := bufio.NewScanner(f)\n3\nfor sc.Scan() { fmt.Println(sc.Text()) }",
			"Scanner stops at the first error; ask it with sc.Err() after the loop.",
			"go run read.go\ngo vet ./...",
			"A paragraph inside a pre is not a line of a listing.",
			"Nor is the line after it.",
		}},
	}
	for _, c := range cases {
		t.Run(c.page, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "hidden", c.page))
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
			if !slices.Equal(got, c.want) {
				t.Errorf("blocks\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}
