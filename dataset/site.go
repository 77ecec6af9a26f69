package dataset

import (
	"html"
	"regexp"
	"slices"
	"strings"
)

// Finding a page's own address in its HTML, for sets that do not give it.

var (
	linkTag       = regexp.MustCompile(`(?is)<link\b[^>]*>`)
	metaTag       = regexp.MustCompile(`(?is)<meta\b[^>]*>`)
	relCanonical  = regexp.MustCompile(`(?i)\brel\s*=\s*["']?canonical\b`)
	propOGURL     = regexp.MustCompile(`(?i)\bproperty\s*=\s*["']?og:url\b`)
	hrefAttr      = regexp.MustCompile(`(?i)\bhref\s*=\s*["']?([^"'\s>]+)`)
	contentAttr   = regexp.MustCompile(`(?i)\bcontent\s*=\s*["']([^"']+)`)
	absoluteHref  = regexp.MustCompile(`(?i)\bhref\s*=\s*["']?(https?://[^"'\s>]+)`)
	archivePrefix = regexp.MustCompile(`^(?i)https?://(?:web|web-beta|wayback)\.archive\.org/web/[0-9a-z_*]+/`)
)

// declaredURL is the page's canonical link or og:url, with a Wayback
// Machine prefix removed; "" if the page declares neither.
func declaredURL(b []byte) string {
	for _, t := range linkTag.FindAll(b, -1) {
		if relCanonical.Match(t) {
			if m := hrefAttr.FindSubmatch(t); m != nil {
				if u := unwrapArchive(html.UnescapeString(string(m[1]))); siteOf(u) != "" {
					return u
				}
			}
		}
	}
	for _, t := range metaTag.FindAll(b, -1) {
		if propOGURL.Match(t) {
			if m := contentAttr.FindSubmatch(t); m != nil {
				if u := unwrapArchive(html.UnescapeString(string(m[1]))); siteOf(u) != "" {
					return u
				}
			}
		}
	}
	return ""
}

func unwrapArchive(u string) string {
	if loc := archivePrefix.FindStringIndex(u); loc != nil {
		return u[loc[1]:]
	}
	return u
}

// dominantSite is the most frequent site among the page's absolute links
// (Wayback Machine links unwrapped), ties broken by name; "" if none. A
// page links to its own site more than to any other, so this names the
// site of pages saved without their address.
func dominantSite(b []byte) string {
	counts := map[string]int{}
	for _, m := range absoluteHref.FindAllSubmatch(b, -1) {
		s := siteOf(unwrapArchive(html.UnescapeString(string(m[1]))))
		if s == "" || strings.HasSuffix(s, "archive.org") {
			continue
		}
		counts[registrable(s)]++
	}
	var sites []string
	for s := range counts {
		sites = append(sites, s)
	}
	slices.Sort(sites)
	best := ""
	for _, s := range sites {
		if best == "" || counts[s] > counts[best] {
			best = s
		}
	}
	return best
}

// registrable shortens a host to its last two labels, or three when the
// second-level label is a generic one under a country code
// (news.bbc.co.uk → bbc.co.uk, images.forbes.com → forbes.com), so that
// a site's subdomains count as one site.
func registrable(host string) string {
	parts := strings.Split(host, ".")
	if len(parts) <= 2 {
		return host
	}
	n := 2
	if len(parts[len(parts)-1]) == 2 && slices.Contains([]string{"co", "com", "org", "net", "ac", "gov", "edu"}, parts[len(parts)-2]) {
		n = 3
	}
	if len(parts) <= n {
		return host
	}
	return strings.Join(parts[len(parts)-n:], ".")
}
