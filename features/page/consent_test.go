package page

import (
	"strings"
	"testing"
)

// TestConsentDialogsSkipped: the text under a consent manager's root
// element gives no block, wherever the root sits; the story around it is kept.
func TestConsentDialogsSkipped(t *testing.T) {
	const notice = "Information about your activity on this service can be stored and combined with other information about you."
	roots := []string{
		`<div id="onetrust-consent-sdk"><div class="ot-pc-content"><p>` + notice + `</p></div></div>`,
		`<div id="sp_message_container_1234"><p>` + notice + `</p></div>`,
		`<div class="fc-consent-root dialog"><p>` + notice + `</p></div>`,
		`<section id="CybotCookiebotDialog"><h2>This website uses cookies</h2><p>` + notice + `</p></section>`,
	}
	for _, root := range roots {
		doc := `<html><body><article><h1>Headline</h1><p>The story is told in this paragraph.</p></article>` + root + `</body></html>`
		p, err := Parse(strings.NewReader(doc), Options{})
		if err != nil {
			t.Fatalf("Parse(%.60q): %v", root, err)
		}
		var texts []string
		for _, b := range p.Blocks {
			texts = append(texts, b.Text)
			if strings.Contains(b.Text, "your activity") || strings.Contains(b.Text, "uses cookies") {
				t.Errorf("root %.50q: consent text kept in block %q", root, b.Text)
			}
		}
		if len(texts) != 2 || texts[1] != "The story is told in this paragraph." {
			t.Errorf("root %.50q: blocks %q, want the headline and the story", root, texts)
		}
	}
	// A look-alike that is not a known root keeps its text.
	p, err := Parse(strings.NewReader(`<div id="onetrust-consent-sdk-notes"><p>Notes on consent.</p></div>`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Blocks) != 1 {
		t.Errorf("look-alike id: %d blocks, want 1", len(p.Blocks))
	}
}

// TestConsentClassesPrefilter: every known class token passes the
// substring filter consentClass applies before splitting a class value, and
// every known id the length bounds consentID checks first.
func TestConsentClassesPrefilter(t *testing.T) {
	for c := range consentClasses {
		for _, v := range []string{c, "x " + c + " y", "a-b\t" + c, c + "\nz"} {
			if !consentClass(v) {
				t.Errorf("class value %q with token %q not recognised", v, c)
			}
		}
		if i := strings.IndexByte(c, '-'); i != consentPrefixLens[0] && i != consentPrefixLens[1] {
			t.Errorf("class token %q: first hyphen at %d, not in consentPrefixLens", c, i)
		}
	}
	for _, v := range []string{"", "x", "my-cc-window", "cc-windows", "xfc-consent-root", "fc-consent-root-x", "a-b-c-d"} {
		if consentClass(v) {
			t.Errorf("class value %q recognised as a consent dialog", v)
		}
	}
	for id := range consentIDs {
		if len(id) < consentIDMin || len(id) > consentIDMax || !consentID(id) {
			t.Errorf("id %q outside [consentIDMin, consentIDMax] or not recognised", id)
		}
	}
	for _, p := range consentIDPrefixes {
		if len(p) < consentIDMin || !consentID(p+"_12") {
			t.Errorf("id prefix %q shorter than consentIDMin or not recognised", p)
		}
	}
}
