// Package highlight makes winnow extract -highlight's view of a page: the
// page as page.Highlight gives it back (a UTF-8 document that runs and
// loads nothing: see page.Highlight and docs/security.md),
// every block coloured by its verdict in an extracted winnow.Article,
// content green and boilerplate red and struck through, each with a tooltip
// giving the block's number, label, probability and deciding rule, and a
// legend naming the page as the first element of <body>.
package highlight
