package model

import (
	"fmt"
	"slices"
	"strings"
)

// Schema describes the feature vectors a model reads: Names are the feature
// names in vector order and Version is the schema version of the code that
// produced them. A model file records the schema it was trained on, and Load
// refuses a file whose schema differs from the one the caller expects.
type Schema struct {
	Version string   `json:"version"`
	Names   []string `json:"names"`
}

// Equal reports whether s and o have the same version and the same names in
// the same order.
func (s Schema) Equal(o Schema) bool {
	return s.Version == o.Version && slices.Equal(s.Names, o.Names)
}

// Len returns the number of features.
func (s Schema) Len() int { return len(s.Names) }

// Validate checks that the schema can describe vectors: at least one
// feature, names non-empty and unique.
func (s Schema) Validate() error {
	if len(s.Names) == 0 {
		return fmt.Errorf("schema has no feature names")
	}
	seen := make(map[string]int, len(s.Names))
	for i, n := range s.Names {
		if n == "" {
			return fmt.Errorf("schema: feature %d has an empty name", i)
		}
		if j, dup := seen[n]; dup {
			return fmt.Errorf("schema: feature name %q at %d and %d", n, j, i)
		}
		seen[n] = i
	}
	return nil
}

func (s Schema) clone() Schema {
	return Schema{Version: s.Version, Names: slices.Clone(s.Names)}
}

// diff describes how got differs from want, for ErrSchemaMismatch messages:
// versions, counts, the names missing on either side (at most a few) and the
// first position where the orders differ.
func (s Schema) diff(want Schema) string {
	var parts []string
	if s.Version != want.Version {
		parts = append(parts, fmt.Sprintf("version %q, want %q", s.Version, want.Version))
	}
	if len(s.Names) != len(want.Names) {
		parts = append(parts, fmt.Sprintf("%d features, want %d", len(s.Names), len(want.Names)))
	}
	have := make(map[string]bool, len(s.Names))
	for _, n := range s.Names {
		have[n] = true
	}
	wanted := make(map[string]bool, len(want.Names))
	var missing, extra []string
	for _, n := range want.Names {
		wanted[n] = true
		if !have[n] {
			missing = append(missing, n)
		}
	}
	for _, n := range s.Names {
		if !wanted[n] {
			extra = append(extra, n)
		}
	}
	if len(missing) > 0 {
		parts = append(parts, "missing "+nameList(missing))
	}
	if len(extra) > 0 {
		parts = append(parts, "unexpected "+nameList(extra))
	}
	if len(missing) == 0 && len(extra) == 0 {
		for i := range min(len(s.Names), len(want.Names)) {
			if s.Names[i] != want.Names[i] {
				parts = append(parts, fmt.Sprintf("order differs at %d: %q, want %q", i, s.Names[i], want.Names[i]))
				break
			}
		}
	}
	if len(parts) == 0 {
		return "schemas equal"
	}
	return strings.Join(parts, "; ")
}

func nameList(names []string) string {
	const show = 5
	var b strings.Builder
	for i, n := range names {
		if i == show {
			fmt.Fprintf(&b, " and %d more", len(names)-show)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}
