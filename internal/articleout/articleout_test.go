package articleout

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestYAMLScalar(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"Plain headline", "Plain headline", "plain"},
		{"Q&A: what next", `"Q&A: what next"`, "a colon and space would start a mapping"},
		{"2024", `"2024"`, "a number"},
		{"yes", `"yes"`, "a boolean"},
		{`"Quoted"`, `"\"Quoted\""`, "a leading quote"},
		{"https://example.com/a#b", "https://example.com/a#b", "a URL stays plain"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, yamlScalar(tt.in)); diff != "" {
			t.Errorf("yamlScalar(%q) (%s):\n%s", tt.in, tt.reason, diff)
		}
	}
}
