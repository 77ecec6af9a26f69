package page

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// MinPictureWidth and MinPictureHeight are the least width and height, in
// pixels, an <img> must declare to count as a photograph (Element.Images):
// a width in pixels at least MinPictureWidth, and a height, if it declares
// one, at least MinPictureHeight. Icons, spacers and tracking pixels
// declare less; tiles sized by their style sheet ("100%", or nothing)
// declare no pixel width.
const (
	MinPictureWidth  = 200
	MinPictureHeight = 100
)

// picture reports whether the <img> n declares the size of a photograph
// (MinPictureWidth, MinPictureHeight). Its source is not read: the parser
// is not given src, srcset or data-* attributes (see unreadAttr).
func picture(n *html.Node) bool {
	wide := false
	for _, a := range n.Attr {
		switch a.Key {
		case "width":
			v, ok := pixels(a.Val)
			wide = ok && v >= MinPictureWidth
		case "height":
			if v, ok := pixels(a.Val); ok && v < MinPictureHeight {
				return false
			}
		}
	}
	return wide
}

// pixels reads a width or height attribute's leading whole number of
// pixels ("600", "600px", " 42 "); ok is false for a percentage or
// anything else that is not a number.
func pixels(v string) (int, bool) {
	v = strings.TrimSpace(v)
	end := 0
	for end < len(v) && end < 7 && '0' <= v[end] && v[end] <= '9' {
		end++
	}
	if end == 0 || (end < len(v) && v[end] == '%') {
		return 0, false
	}
	n, err := strconv.Atoi(v[:end])
	return n, err == nil
}
