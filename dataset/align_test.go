package dataset

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/winnow-dev/winnow/features/page"
)

func blocksOf(texts ...string) []page.Block {
	bs := make([]page.Block, len(texts))
	for i, t := range texts {
		bs[i] = page.Block{Text: t, Index: i}
	}
	return bs
}

const (
	B = Boilerplate
	C = Content
	U = Unknown
)

func TestAlign(t *testing.T) {
	story1 := "Russia and China have agreed to deepen their partnership, the two leaders said on Thursday."
	story2 := "The talks in Beijing lasted two days and covered trade, energy and security."
	story3 := "Analysts said the agreement was mostly symbolic but signalled a closer alignment."
	tests := []struct {
		name      string
		blocks    []string
		gold      string
		threshold float64
		want      []Label
		reason    string
	}{
		{
			name:   "plain",
			blocks: []string{"Home News Sport", "Leaders agree", story1, story2, "Copyright 2024 Example Ltd"},
			gold:   "Leaders agree\n\n" + story1 + "\n\n" + story2,
			want:   []Label{B, C, C, C, B},
			reason: "gold blocks are content, menu and footer are not",
		},
		{
			name:   "teaser repeats the first sentence",
			blocks: []string{"Top stories", story1, "Leaders agree", story1 + " " + story2},
			gold:   "Leaders agree\n" + story1 + " " + story2,
			want:   []Label{B, B, C, C},
			reason: "a teaser that repeats the story's first sentence before the story is not matched: the story's copy is",
		},
		{
			name:   "related block repeats a sentence",
			blocks: []string{story1, story2, "Related", story2},
			gold:   story1 + "\n" + story2,
			want:   []Label{C, C, B, B},
			reason: "the gold's single copy matches the first occurrence only",
		},
		{
			name:   "gold in another order",
			blocks: []string{story1, "Advertisement: buy a new car today", story2, story3},
			gold:   story3 + "\n\n" + story1 + "\n\n" + story2,
			want:   []Label{C, B, C, C},
			reason: "the second pass finds paragraphs the gold lists in another order",
		},
		{
			name:   "entities in the gold",
			blocks: []string{"Tom & Jerry's show returns to TV", "More shows"},
			gold:   "Tom &amp; Jerry&#039;s show returns to TV",
			want:   []Label{C, B},
			reason: "the gold's HTML entities are decoded before tokenising",
		},
		{
			name:   "curly quotes",
			blocks: []string{"“Don’t panic,” he said — and nobody did.", "Share on Facebook"},
			gold:   "\"Don't panic,\" he said - and nobody did.",
			want:   []Label{C, B},
			reason: "quotes and dashes are not tokens",
		},
		{
			name:   "block split across gold paragraphs",
			blocks: []string{story1 + " " + story2, "Sign up for our newsletter"},
			gold:   story1 + "\n\n" + story2,
			want:   []Label{C, B},
			reason: "paragraph breaks in the gold do not matter, tokens do",
		},
		{
			name:   "gold paragraph split across blocks",
			blocks: []string{"Leaders agree", "Russia and China have agreed", "to deepen their partnership, the two leaders said on Thursday."},
			gold:   "Leaders agree\n" + story1,
			want:   []Label{C, C, C},
			reason: "one gold paragraph may span several blocks (a <br> or an inline block)",
		},
		{
			name:   "one-word block",
			blocks: []string{"Menu", "Reuters", story1},
			gold:   "Reuters\n" + story1,
			want:   []Label{B, C, C},
			reason: "a short block wholly matched counts although shorter than the minimum run",
		},
		{
			name:   "stray words",
			blocks: []string{story1, "Share this story with your friends", story2},
			gold:   story1 + " story " + story2,
			want:   []Label{C, B, C},
			reason: "a lone common word does not make a boilerplate block content",
		},
		{
			name:   "no tokens",
			blocks: []string{"•", "|", story1},
			gold:   story1,
			want:   []Label{U, U, C},
			reason: "a block without word tokens cannot be aligned",
		},
		{
			name:   "empty gold",
			blocks: []string{story1, "•"},
			gold:   "",
			want:   []Label{B, U},
			reason: "nothing is content when the gold is empty",
		},
		{
			name:      "half matched at 0.5",
			blocks:    []string{"alpha beta gamma delta one two three four"},
			gold:      "alpha beta gamma delta",
			threshold: 0.5,
			want:      []Label{C},
			reason:    "the threshold is inclusive",
		},
		{
			name:      "half matched at 0.6",
			blocks:    []string{"alpha beta gamma delta one two three four"},
			gold:      "alpha beta gamma delta",
			threshold: 0.6,
			want:      []Label{B},
			reason:    "below the threshold",
		},
		{
			name:   "no blocks",
			blocks: nil,
			gold:   story1,
			want:   []Label{},
			reason: "an empty page gives no labels",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Align(blocksOf(tc.blocks...), tc.gold, tc.threshold)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Align (-want +got): %s\nreason: %s", diff, tc.reason)
			}
		})
	}
}

// TestAlignDeterministic: go-diff runs without its wall-clock timeout, so
// the same input gives the same labels even on a large page.
func TestAlignDeterministic(t *testing.T) {
	blocks, gold := syntheticPage(400)
	first := Align(blocks, gold, 0)
	for range 3 {
		if diff := cmp.Diff(first, Align(blocks, gold, 0)); diff != "" {
			t.Fatalf("Align is not deterministic: %s", diff)
		}
	}
}

// syntheticPage makes a page of n blocks alternating story paragraphs (in
// the gold) and link lists (not in the gold) with a shared vocabulary.
func syntheticPage(n int) ([]page.Block, string) {
	var texts []string
	var gold strings.Builder
	for i := range n {
		if i%3 == 0 {
			texts = append(texts, fmt.Sprintf("Home News Sport Business %d Weather Contact", i%7))
			continue
		}
		p := fmt.Sprintf("Paragraph %d tells the story of the %d people who met in the town %d times and said the news was good.", i, i%11, i%5)
		texts = append(texts, p)
		gold.WriteString(p + "\n\n")
	}
	return blocksOf(texts...), gold.String()
}

func ExampleAlign() {
	blocks := []page.Block{
		{Text: "Home | World | Sport"},
		{Text: "Leaders agree on trade"},
		{Text: "The two leaders agreed on Thursday to cut tariffs."},
		{Text: "Read more: five things to know"},
	}
	gold := "Leaders agree on trade\n\nThe two leaders agreed on Thursday to cut tariffs."
	fmt.Println(Align(blocks, gold, 0))
	// Output: [boilerplate content content boilerplate]
}
