package dataset

import (
	"strings"
	"testing"
)

// FuzzAlign: Align never panics, gives one label per block, and labels a
// block without tokens Unknown.
func FuzzAlign(f *testing.F) {
	f.Add("Home|News|The story goes here today.|Footer", "The story goes here today.")
	f.Add("a a a|a|•", "a a")
	f.Add("", "")
	f.Add("“Don’t” — &amp;|x", "&amp;&#039; don t")
	f.Fuzz(func(t *testing.T, page, gold string) {
		blocks := blocksOf(strings.Split(page, "|")...)
		labels := Align(blocks, gold, 0)
		if len(labels) != len(blocks) {
			t.Fatalf("%d labels for %d blocks", len(labels), len(blocks))
		}
		for i, l := range labels {
			if (len(Tokens(blocks[i].Text)) == 0) != (l == Unknown) {
				t.Fatalf("block %q labelled %v", blocks[i].Text, l)
			}
		}
	})
}
