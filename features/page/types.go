package page

import (
	"maps"
	"slices"
	"strings"
)

// Page types the markup declares (Meta.Types, Meta.OGType).

// maxTypeBytes is the longest type name kept.
const maxTypeBytes = 64

// addType records a schema.org type name: the prefix of its vocabulary
// ("https://schema.org/", "schema:") is cut, and a name that is empty, too long, a
// repeat, or one too many is dropped.
func (m *metaReader) addType(t string) {
	if len(m.types) >= maxHints {
		return
	}
	t = strings.TrimSpace(t)
	if i := strings.LastIndexAny(t, "/#:"); i >= 0 {
		t = t[i+1:]
	}
	if t == "" || len(t) > maxTypeBytes {
		return
	}
	for _, have := range m.types {
		if have == t {
			return
		}
	}
	m.types = append(m.types, t)
}

// addItemTypes records the types of a microdata itemtype attribute, a
// list of URLs.
func (m *metaReader) addItemTypes(v string) {
	for _, t := range strings.Fields(v) {
		m.addType(t)
	}
}

// jsonTypes records the @type values of a JSON-LD value: of every object
// in it, at any depth, within the walk's limits (maxJSONLDDepth, and
// budget values visited).
func (m *metaReader) jsonTypes(v any, depth int, budget *int) {
	*budget--
	if depth > maxJSONLDDepth || *budget < 0 || len(m.types) >= maxHints {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			m.jsonTypes(e, depth+1, budget)
		}
	case map[string]any:
		switch t := v["@type"].(type) {
		case string:
			m.addType(t)
		case []any:
			for _, e := range t {
				if s, ok := e.(string); ok {
					m.addType(s)
				}
			}
		}
		// Keys in sorted order: the types' order must not depend on
		// the map's.
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if e := v[k]; k != "@type" && k != "@context" {
				switch e.(type) {
				case []any, map[string]any:
					m.jsonTypes(e, depth+1, budget)
				}
			}
		}
	}
}
