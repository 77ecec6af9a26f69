package page

import (
	"strings"
	"testing"
)

// TestSubSignalFold checks the allocation-free lowering against
// subSignal(strings.ToLower(sub)).
func TestSubSignalFold(t *testing.T) {
	subs := []string{"", "x", "Nav", "NAVIGATION", "navigational", "Menus", "ad", "AD", "Ads", "header2",
		"SideBarWidget", "Straße", "ÄRTICLE", "K", strings.Repeat("comment", 6), "Comment" + strings.Repeat("x", 30)}
	for w := range signalWords {
		subs = append(subs, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for _, p := range signalPrefixes {
		subs = append(subs, p.prefix, strings.ToUpper(p.prefix)+"Box", p.prefix[:len(p.prefix)-1])
	}
	for _, sub := range subs {
		if got, want := subSignalFold(sub), subSignal(strings.ToLower(sub)); got != want {
			t.Errorf("subSignalFold(%q) = %b, subSignal(ToLower) = %b", sub, got, want)
		}
	}
}
