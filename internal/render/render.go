package render

import (
	"html"
	"strconv"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// Format is an output format.
type Format uint8

// The formats.
const (
	Text     Format = iota // paragraphs separated by blank lines, list items and table rows on lines of their own
	Markdown               // headings, lists (ordered ones numbered), tables, quotes and fenced code; text escaped (MarkdownText)
	HTML                   // structural elements only, no attributes but an <ol>'s start
)

// Block is what rendering reads of a text block.
type Block struct {
	Text  string
	Kind  page.Kind
	Level int  // heading level 1-6, or 0
	Row   int  // table row, or -1
	Item  int  // the number of an ordered list's item, or 0
	Keep  bool // whether the block is rendered
}

// Page renders the blocks of page for which keep is true. keep has one
// entry per block.
func Page(page *page.Page, keep []bool, f Format) string {
	return Blocks(len(page.Blocks), func(i int) Block {
		b := &page.Blocks[i]
		return Block{Text: b.Text, Kind: b.Kind, Level: b.Level, Row: b.Row, Item: b.Item, Keep: keep[i]}
	}, f)
}

// group is how a block joins its neighbours: blocks of one list, one table
// row or one table render together.
type group uint8

const (
	groupNone group = iota
	groupList
	groupOrdered // the items of an ordered list
	groupTable
)

func groupOf(b *Block) group {
	switch b.Kind {
	case page.KindListItem:
		if b.Item != 0 {
			return groupOrdered
		}
		return groupList
	case page.KindTableCell:
		return groupTable
	}
	return groupNone
}

// Blocks renders the kept ones of n blocks, at(i) being block i, in format
// f, without leading or trailing space. It takes the blocks through a
// function so that callers with blocks of their own type need not copy
// them.
func Blocks(n int, at func(i int) Block, f Format) string {
	var sb strings.Builder
	if f == Text {
		// The kept text and a blank line after each block: one allocation
		// for nearly every page instead of a doubling series.
		size := 0
		for i := range n {
			if b := at(i); b.Keep {
				size += len(b.Text) + 2
			}
		}
		sb.Grow(size)
	}
	prevGroup, prevRow := groupNone, -1
	tableRows := 0
	closeGroup := func() {
		if f == HTML {
			switch prevGroup {
			case groupList:
				sb.WriteString("</ul>\n")
			case groupOrdered:
				sb.WriteString("</ol>\n")
			case groupTable:
				sb.WriteString("</tr>\n</table>\n")
			}
		}
	}
	for i := range n {
		b := at(i)
		if !b.Keep {
			continue
		}
		g := groupOf(&b)
		sameRow := g == groupTable && prevGroup == groupTable && b.Row == prevRow
		if g != prevGroup {
			closeGroup()
			if sb.Len() > 0 && f != HTML {
				sb.WriteString("\n\n")
			}
			tableRows = 0
			if f == HTML {
				switch g {
				case groupList:
					sb.WriteString("<ul>\n")
				case groupOrdered:
					if b.Item != 1 {
						sb.WriteString("<ol start=\"" + strconv.Itoa(b.Item) + "\">\n")
					} else {
						sb.WriteString("<ol>\n")
					}
				case groupTable:
					sb.WriteString("<table>\n<tr>")
				}
			}
		} else if sb.Len() > 0 {
			switch {
			case g == groupNone && f != HTML:
				sb.WriteString("\n\n")
			case g == groupTable && !sameRow:
				tableRows++
				switch f {
				case HTML:
					sb.WriteString("</tr>\n<tr>")
				case Markdown:
					sb.WriteString(" |\n")
					if tableRows == 1 {
						sb.WriteString(markdownRule(at, i, prevRow))
					}
				default:
					sb.WriteString("\n")
				}
			case g == groupTable && sameRow:
				if f == Text {
					sb.WriteString(" | ")
				}
			case (g == groupList || g == groupOrdered) && f != HTML:
				sb.WriteString("\n")
			}
		}
		writeBlock(&sb, &b, f, g == groupTable && (!sameRow))
		prevGroup, prevRow = g, b.Row
	}
	if f == Markdown && prevGroup == groupTable {
		sb.WriteString(" |")
	}
	closeGroup()
	return strings.TrimSpace(sb.String())
}

// markdownRule is the separator line after the first row of a Markdown
// table, with one column per kept cell of that row, which ends before
// block next.
func markdownRule(at func(int) Block, next, row int) string {
	cells := 0
	for j := next - 1; j >= 0; j-- {
		b := at(j)
		if b.Row != row {
			break
		}
		if b.Keep {
			cells++
		}
	}
	return "|" + strings.Repeat(" --- |", max(cells, 1)) + "\n"
}

func writeBlock(sb *strings.Builder, b *Block, f Format, rowStart bool) {
	switch f {
	case Text:
		sb.WriteString(b.Text)
	case Markdown:
		switch b.Kind {
		case page.KindHeading:
			sb.WriteString(strings.Repeat("#", b.Level) + " " + MarkdownHeading(b.Text))
		case page.KindListItem:
			if b.Item != 0 {
				sb.WriteString(strconv.Itoa(b.Item) + ". " + MarkdownText(b.Text))
			} else {
				sb.WriteString("- " + MarkdownText(b.Text))
			}
		case page.KindTableCell:
			if rowStart {
				sb.WriteString("| ")
			} else {
				sb.WriteString(" | ")
			}
			sb.WriteString(markdownCell(b.Text))
		case page.KindPre:
			fence := codeFence(b.Text)
			sb.WriteString(fence + "\n" + b.Text + "\n" + fence)
		case page.KindQuote:
			sb.WriteString("> " + MarkdownText(b.Text))
		default:
			sb.WriteString(MarkdownText(b.Text))
		}
	case HTML:
		t := html.EscapeString(b.Text)
		switch b.Kind {
		case page.KindHeading:
			h := string(rune('0' + b.Level))
			sb.WriteString("<h" + h + ">" + t + "</h" + h + ">\n")
		case page.KindListItem:
			sb.WriteString("<li>" + t + "</li>\n")
		case page.KindTableCell:
			sb.WriteString("<td>" + t + "</td>")
		case page.KindPre:
			sb.WriteString("<pre>" + t + "</pre>\n")
		case page.KindQuote:
			sb.WriteString("<blockquote>" + t + "</blockquote>\n")
		case page.KindCaption:
			sb.WriteString("<figure><figcaption>" + t + "</figcaption></figure>\n")
		default:
			sb.WriteString("<p>" + t + "</p>\n")
		}
	}
}
