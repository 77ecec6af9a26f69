package page

import (
	"encoding/json"
	"html"
	"strings"
)

// Limits of the walk over one JSON-LD script's value: how deep it goes and
// how many values it visits.
const (
	maxJSONLDDepth  = 12
	maxJSONLDValues = 4096
	maxJSONLDNames  = 8 // authors joined into Meta.Author
)

// articleTypes are the schema.org types whose headline, author,
// datePublished and publisher describe the page's article.
var articleTypes = map[string]bool{
	"Article": true, "NewsArticle": true, "BlogPosting": true, "ReportageNews": true,
	"AnalysisNewsArticle": true, "OpinionNewsArticle": true, "ReviewNewsArticle": true,
	"BackgroundNewsArticle": true, "AskPublicNewsArticle": true, "TechArticle": true,
	"ScholarlyArticle": true, "Report": true, "SocialMediaPosting": true,
	"LiveBlogPosting": true, "DiscussionForumPosting": true, "Review": true, "Recipe": true,
}

// readJSONLD reads the article described by one JSON-LD script: the first
// object of an article type (at the top, in an array or in @graph) gives
// title, author, date and site name. Without one, the first object of a
// WebPage gives Meta.PageDate (WordPress's Yoast describes a page
// so, an article too where its theme has no post type). Invalid JSON, and
// JSON beyond the limits, is ignored.
func (m *metaReader) readJSONLD(src string) {
	v, ok := decodeJSONLD(src)
	if !ok {
		return
	}
	budget := maxJSONLDValues
	m.jsonTypes(v, 0, &budget)
	budget = maxJSONLDValues
	art := findTyped(v, articleTypes, 0, &budget)
	if art == nil {
		budget = maxJSONLDValues
		if wp := findTyped(v, webPageTypes, 0, &budget); wp != nil {
			m.pageDate.offer(jsonString(wp["datePublished"]), 0, maxDateBytes)
		}
		return
	}
	m.title.offer(jsonString(art["headline"]), rankJSONLD, maxTitleBytes)
	m.offerAuthor(jsonNames(art["author"]), rankJSONLDAuthor)
	m.date.offer(jsonString(art["datePublished"]), rankJSONLDDate, maxDateBytes)
	m.site.offer(jsonName(art["publisher"]), rankJSONLDSite, maxNameBytes)
}

// decodeJSONLD decodes the text of a JSON-LD script, also when the site
// wrapped it in an HTML comment or CDATA markers.
func decodeJSONLD(src string) (any, bool) {
	src = strings.TrimSpace(src)
	if src == "" {
		return nil, false
	}
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		src = strings.TrimSuffix(strings.TrimPrefix(src, "<!--"), "-->")
		src = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(src), "//<![CDATA["), "//]]>")
		if err := json.Unmarshal([]byte(src), &v); err != nil {
			return nil, false
		}
	}
	return v, true
}

// webPageTypes are the schema.org types whose datePublished dates the
// page: WebPage alone, the one the shared pages show (Yoast's).
var webPageTypes = map[string]bool{"WebPage": true}

// findTyped returns the first object in v whose @type is one of types,
// searching arrays, @graph, mainEntity and mainEntityOfPage, depth first,
// within the walk's limits.
func findTyped(v any, types map[string]bool, depth int, budget *int) map[string]any {
	*budget--
	if depth > maxJSONLDDepth || *budget < 0 {
		return nil
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if a := findTyped(e, types, depth+1, budget); a != nil {
				return a
			}
		}
	case map[string]any:
		if isType(v["@type"], types) {
			return v
		}
		for _, key := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if a := findTyped(v[key], types, depth+1, budget); a != nil {
				return a
			}
		}
	}
	return nil
}

// isType reports whether an @type value (a string or an array of them,
// with or without the schema.org prefix) names one of types.
func isType(t any, types map[string]bool) bool {
	switch t := t.(type) {
	case string:
		t = strings.TrimPrefix(strings.TrimPrefix(t, "https://schema.org/"), "http://schema.org/")
		return types[t]
	case []any:
		for _, e := range t {
			if isType(e, types) {
				return true
			}
		}
	}
	return false
}

// jsonString is v if it is a string (HTML entities decoded, as some sites
// encode them twice), else "".
func jsonString(v any) string {
	s, _ := v.(string)
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return s
}

// jsonName is the name of a person or organisation: a string, or an
// object's name, or its givenName and familyName.
func jsonName(v any) string {
	switch v := v.(type) {
	case string:
		if looksLikeURL(v) {
			return ""
		}
		return jsonString(v)
	case map[string]any:
		if n := strings.TrimSpace(jsonString(v["name"])); n != "" && !looksLikeURL(n) {
			return n
		}
		return strings.TrimSpace(jsonString(v["givenName"]) + " " + jsonString(v["familyName"]))
	case []any:
		if len(v) > 0 {
			return jsonName(v[0])
		}
	}
	return ""
}

// jsonNames is the names of an author value, one or many, joined with
// ", " without repeats.
func jsonNames(v any) string {
	list, ok := v.([]any)
	if !ok {
		return jsonName(v)
	}
	var names []string
	for _, e := range list {
		if len(names) == maxJSONLDNames {
			break
		}
		n := strings.TrimSpace(jsonName(e))
		if n == "" {
			continue
		}
		dup := false
		for _, m := range names {
			dup = dup || m == n
		}
		if !dup {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}
