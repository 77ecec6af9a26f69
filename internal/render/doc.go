// Package render writes the kept text blocks of a page as plain text,
// Markdown or clean HTML. The root package renders an Article's blocks with
// it, and evaluation renders a baseline's decisions with it, so that every
// system is scored on text rendered the same way.
//
//	text := render.Page(page, keep, render.Text) // keep[i]: block i is content
//
// It is internal because its only callers are winnow's own packages; users
// render through winnow.Article.
package render
