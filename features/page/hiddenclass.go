package page

import "strings"

// hiddenClass reports whether a class attribute value hides its element by
// a convention of the common CSS frameworks and publishing systems: it
// holds one of the classes that hide an element from sight (Bootstrap's
// "d-none", "invisible" and "hide", Tailwind's and many sites' "hidden",
// "is-hidden", "u-hidden") or that keep it for screen readers only
// ("sr-only", "visually-hidden", WordPress's "screen-reader-text"), and
// no responsive class that shows it again at some screen width
// (Tailwind's "md:block", Bootstrap's "d-md-block" or "visible-lg").
// Class names are compared case-sensitively, as CSS does. What hiding them
// gained on held-back sites is in docs/segmentation.md.
func hiddenClass(v string) bool {
	hit := false
	for rest := v; ; {
		var tok string
		tok, rest = nextField(rest)
		switch {
		case tok == "":
			return hit
		case hidingClass(tok):
			hit = true
		case showsAgain(tok):
			return false
		}
	}
}

// hidingClass reports whether tok is one of the classes that hide an
// element.
func hidingClass(tok string) bool {
	switch tok {
	case "hidden", "d-none", "hide", "invisible", "is-hidden", "u-hidden",
		"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text":
		return true
	}
	return false
}

// showsAgain reports whether tok is a responsive class that can show a
// hidden element at some screen width: a Tailwind variant ("md:block",
// "lg:flex"), Bootstrap 4-5's "d-{sm,md,lg,xl,xxl}-*" or Bootstrap 3's
// "visible-*".
func showsAgain(tok string) bool {
	if strings.IndexByte(tok, ':') >= 0 || strings.HasPrefix(tok, "visible-") {
		return true
	}
	if !strings.HasPrefix(tok, "d-") {
		return false
	}
	for _, bp := range [...]string{"sm-", "md-", "lg-", "xl-", "xxl-"} {
		if strings.HasPrefix(tok[2:], bp) {
			return true
		}
	}
	return false
}
