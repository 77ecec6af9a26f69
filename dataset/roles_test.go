package dataset

import (
	"slices"
	"testing"

	"github.com/winnow-dev/winnow/features/page"
)

// TestRoleLabelsL3SSupplemental checks how L3S-GN1's Supplemental text is
// split between the byline and caption heads: bylines and datelines to the
// byline head, captions and image credits to the caption head, the rest
// (agency names, table cells, subheadings, copyright lines) to neither.
func TestRoleLabelsL3SSupplemental(t *testing.T) {
	blocks := []page.Block{
		{Text: "By Jane Smith", Kind: page.KindText, Tag: "div", Words: 3},
		{Text: "A painting on a wall in west London is for sale. Photo / Reuters", Kind: page.KindParagraph, Tag: "p", Words: 13},
		{Text: "Flood water", Kind: page.KindCaption, Tag: "figcaption", Words: 2},
		{Text: "Reuters", Kind: page.KindParagraph, Tag: "p", Words: 1},
		{Text: "Pictures of the day from the trip", Kind: page.KindHeading, Tag: "h4", Words: 7},
		{Text: "Closing price on the day of trade", Kind: page.KindTableCell, Tag: "td", Words: 7},
		{Text: "Copyright 2008 The Daily Paper. All rights reserved.", Kind: page.KindText, Tag: "div", Words: 8},
		{Text: "The story's first paragraph, long enough to be one.", Kind: page.KindParagraph, Tag: "p", Words: 9},
		{Text: "Home", Kind: page.KindListItem, Tag: "li", Words: 1},
	}
	fine := []FineLabel{Supplemental, Supplemental, Supplemental, Supplemental, Supplemental, Supplemental, Supplemental, FullText, None}
	labels := make([]Label, len(fine))
	for i, f := range fine {
		labels[i] = Boilerplate
		if f.IsContent() {
			labels[i] = Content
		}
	}
	p := &LabelledPage{Set: SetL3S, Page: &page.Page{Blocks: blocks}, Labels: labels, Fine: fine}
	C, B, U := Content, Boilerplate, Unknown
	for _, tc := range []struct {
		head RoleHead
		want []Label
	}{
		{HeadByline, []Label{C, U, U, U, U, U, U, B, B}},
		{HeadCaption, []Label{U, C, C, U, U, U, U, B, B}},
	} {
		if got := p.RoleLabels(tc.head); !slices.Equal(got, tc.want) {
			t.Errorf("%v: got %v, want %v", tc.head, got, tc.want)
		}
	}
}
