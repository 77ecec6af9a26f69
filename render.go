package winnow

import (
	"html"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

type format uint8

const (
	formatText format = iota
	formatMarkdown
	formatHTML
)

// group is how a block joins its neighbours: blocks of one list, one table
// row or one table render together.
type group uint8

const (
	groupNone group = iota
	groupList
	groupTable
)

func groupOf(b *Block) group {
	switch b.Kind {
	case page.KindListItem:
		return groupList
	case page.KindTableCell:
		return groupTable
	}
	return groupNone
}

// render writes the kept blocks in one format.
func (a *Article) render(f format) string {
	var sb strings.Builder
	if f == formatText {
		// The kept text and a blank line after each block: one allocation
		// for nearly every page instead of a doubling series.
		n := 0
		for i := range a.Blocks {
			if a.Blocks[i].Content {
				n += len(a.Blocks[i].Text) + 2
			}
		}
		sb.Grow(n)
	}
	prevGroup, prevRow := groupNone, -1
	tableRows := 0
	closeGroup := func() {
		if f == formatHTML {
			switch prevGroup {
			case groupList:
				sb.WriteString("</ul>\n")
			case groupTable:
				sb.WriteString("</tr>\n</table>\n")
			}
		}
	}
	for i := range a.Blocks {
		b := &a.Blocks[i]
		if !b.Content {
			continue
		}
		g := groupOf(b)
		sameRow := g == groupTable && prevGroup == groupTable && b.Row == prevRow
		if g != prevGroup {
			closeGroup()
			if sb.Len() > 0 && f != formatHTML {
				sb.WriteString("\n\n")
			}
			tableRows = 0
			if f == formatHTML {
				switch g {
				case groupList:
					sb.WriteString("<ul>\n")
				case groupTable:
					sb.WriteString("<table>\n<tr>")
				}
			}
		} else if sb.Len() > 0 {
			switch {
			case g == groupNone && f != formatHTML:
				sb.WriteString("\n\n")
			case g == groupTable && !sameRow:
				tableRows++
				switch f {
				case formatHTML:
					sb.WriteString("</tr>\n<tr>")
				case formatMarkdown:
					sb.WriteString(" |\n")
					if tableRows == 1 {
						sb.WriteString(markdownRule(a.Blocks, i, prevRow))
					}
				default:
					sb.WriteString("\n")
				}
			case g == groupTable && sameRow:
				if f == formatText {
					sb.WriteString(" | ")
				}
			case g == groupList && f != formatHTML:
				sb.WriteString("\n")
			}
		}
		writeBlock(&sb, b, f, g == groupTable && (!sameRow))
		prevGroup, prevRow = g, b.Row
	}
	if f == formatMarkdown && prevGroup == groupTable {
		sb.WriteString(" |")
	}
	closeGroup()
	return strings.TrimSpace(sb.String())
}

// markdownRule is the separator line after the first row of a Markdown
// table, with one column per cell of that row.
func markdownRule(blocks []Block, next, row int) string {
	cells := 0
	for j := next - 1; j >= 0 && blocks[j].Row == row; j-- {
		if blocks[j].Content {
			cells++
		}
	}
	return "|" + strings.Repeat(" --- |", max(cells, 1)) + "\n"
}

func writeBlock(sb *strings.Builder, b *Block, f format, rowStart bool) {
	switch f {
	case formatText:
		sb.WriteString(b.Text)
	case formatMarkdown:
		switch b.Kind {
		case page.KindHeading:
			sb.WriteString(strings.Repeat("#", b.Level) + " " + b.Text)
		case page.KindListItem:
			sb.WriteString("- " + b.Text)
		case page.KindTableCell:
			if rowStart {
				sb.WriteString("| ")
			} else {
				sb.WriteString(" | ")
			}
			sb.WriteString(strings.ReplaceAll(b.Text, "|", `\|`))
		case page.KindPre:
			sb.WriteString("```\n" + b.Text + "\n```")
		case page.KindQuote:
			sb.WriteString("> " + b.Text)
		default:
			sb.WriteString(b.Text)
		}
	case formatHTML:
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
			sb.WriteString("<figcaption>" + t + "</figcaption>\n")
		default:
			sb.WriteString("<p>" + t + "</p>\n")
		}
	}
}
