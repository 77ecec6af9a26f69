package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow/dataset"
)

// SetStats describes one labelled set as loaded: the numbers of winnow
// data stats.
type SetStats struct {
	Set string
	// Pages, Sites and Blocks count what was loaded; Labelled and Content
	// count the blocks with a known label and those labelled content.
	Pages, Sites, Blocks, Labelled, Content int
	// Alignment compares, on block-labelled sets, the labels Align gives
	// from the gold text with the annotators' labels (content positive);
	// zero elsewhere.
	Alignment Confusion
	// GoldPages counts the pages with a gold text; GoldPrecision and
	// GoldRecall are the mean over them of the bag-of-words precision and
	// recall of the content blocks' text against the gold text.
	GoldPages                 int
	GoldPrecision, GoldRecall float64
	// Skipped counts the pages the loader skipped, by reason.
	Skipped map[string]int
	// Gold-text coverage, printed by WriteStats after the main table
	// (statscover.go).
	GoldCoverage
}

// ContentShare is the share of labelled blocks that are content, 0 when
// none is labelled.
func (s *SetStats) ContentShare() float64 { return share(float64(s.Content), float64(s.Labelled)) }

// Stats describes every set of c that has a page or a skipped page, in
// dataset.SetNames order. threshold is Align's (0: its default).
func Stats(c *dataset.Corpus, threshold float64) []*SetStats {
	type acc struct {
		*SetStats
		sites        map[string]bool
		goldP, goldR float64
	}
	by := map[string]*acc{}
	get := func(set string) *acc {
		if by[set] == nil {
			by[set] = &acc{SetStats: &SetStats{Set: set, Skipped: map[string]int{}}, sites: map[string]bool{}}
		}
		return by[set]
	}
	for _, p := range c.Pages {
		a := get(p.Set)
		a.Pages++
		a.sites[p.Site] = true
		a.Blocks += len(p.Labels)
		for _, l := range p.Labels {
			if l != dataset.Unknown {
				a.Labelled++
			}
			if l == dataset.Content {
				a.Content++
			}
		}
		a.GoldCoverage.add(p)
		if dataset.BlockLabelled(p.Set) && p.Gold != "" {
			a.Alignment.Merge(agreement(p.Labels, dataset.Align(p.Page.Blocks, p.Gold, threshold)))
		}
		if p.Gold != "" {
			// How much of the gold the content blocks hold, and how much of
			// them is gold: a check on labels where no truth exists.
			var text strings.Builder
			for i, b := range p.Page.Blocks {
				if p.Labels[i] == dataset.Content {
					text.WriteString(b.Text)
					text.WriteByte('\n')
				}
			}
			bp, br, _ := dataset.BagOfWords(text.String(), p.Gold)
			a.goldP += bp
			a.goldR += br
			a.GoldPages++
		}
	}
	for _, s := range c.Skipped {
		get(s.Set).Skipped[s.Reason]++
	}
	var out []*SetStats
	for _, set := range dataset.SetNames() {
		if a := by[set]; a != nil {
			a.Sites = len(a.sites)
			if a.GoldPages > 0 {
				a.GoldPrecision, a.GoldRecall = a.goldP/float64(a.GoldPages), a.goldR/float64(a.GoldPages)
			}
			out = append(out, a.SetStats)
		}
	}
	return out
}

// agreement counts how the labels got agree with the known labels truth,
// block by block, content positive; blocks either side calls Unknown are
// left out.
func agreement(truth, got []dataset.Label) Confusion {
	var c Confusion
	for i := range truth {
		if i >= len(got) || truth[i] == dataset.Unknown || got[i] == dataset.Unknown {
			continue
		}
		c.Add(got[i] == dataset.Content, truth[i] == dataset.Content)
	}
	return c
}

// AlignmentAgreement aligns the gold text of block-labelled pages as if
// they had only gold text (dataset.Align with threshold) and compares the
// result with their known labels. Pages of other sets, or without gold,
// are ignored.
func AlignmentAgreement(pages []*dataset.LabelledPage, threshold float64) Confusion {
	var c Confusion
	for _, p := range pages {
		if dataset.BlockLabelled(p.Set) && p.Gold != "" {
			c.Merge(agreement(p.Labels, dataset.Align(p.Page.Blocks, p.Gold, threshold)))
		}
	}
	return c
}

// WriteStats prints stats as the table of winnow data stats, with a note
// on the columns. Alignment scores follow the OrZero rule (Confusion).
func WriteStats(w io.Writer, stats []*SetStats) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SET\tPAGES\tSITES\tBLOCKS\tCONTENT\tALIGN P/R/F1\tGOLD P/R\tSKIPPED\tWHY")
	for _, s := range stats {
		agree := "-"
		if a := s.Alignment; a != (Confusion{}) {
			agree = fmt.Sprintf("%.3f/%.3f/%.3f", a.PrecisionOrZero(), a.RecallOrZero(), a.F1OrZero())
		}
		gold := "-"
		if s.GoldPages > 0 {
			gold = fmt.Sprintf("%.3f/%.3f", s.GoldPrecision, s.GoldRecall)
		}
		var why []string
		nskip := 0
		for reason, n := range s.Skipped {
			why = append(why, fmt.Sprintf("%d %s", n, reason))
			nskip += n
		}
		slices.Sort(why)
		name := s.Set
		if !dataset.Trainable(s.Set) {
			name += " (regression only)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f%%\t%s\t%s\t%d\t%s\n", name, s.Pages, s.Sites, s.Blocks,
			100*s.ContentShare(), agree, gold, nskip, strings.Join(why, "; "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, `
CONTENT: share of labelled blocks that are content. ALIGN: block labels from aligning the gold text
against the annotators' labels (block-labelled sets only). GOLD: bag-of-words precision/recall of the
content blocks' text against the gold text, averaged over pages.
`)
	if err != nil {
		return err
	}
	return writeCoverage(w, stats)
}
