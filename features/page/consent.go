package page

import "strings"

// Consent managers. The cookie and privacy dialogs of the widespread
// consent-management platforms are injected into the page under a fixed root
// element; their text (long, well-formed paragraphs about "your activity on
// this service") is never the page's content, and no layout feature tells it
// apart from a story when the dialog's CSS is not applied. Segmentation skips
// these roots as it skips hidden elements.

// consentIDs are the id values of consent-dialog roots.
var consentIDs = map[string]bool{
	"onetrust-consent-sdk":         true, // OneTrust (banner and preference centre)
	"onetrust-banner-sdk":          true,
	"onetrust-pc-sdk":              true,
	"CybotCookiebotDialog":         true, // Cookiebot
	"usercentrics-root":            true, // Usercentrics
	"qc-cmp2-container":            true, // Quantcast Choice
	"truste-consent-track":         true, // TrustArc
	"truste-consent-content":       true,
	"cookie-law-info-bar":          true, // CookieYes / GDPR Cookie Consent
	"cliSettingsPopup":             true,
	"cmplz-cookiebanner-container": true, // Complianz
	"moove_gdpr_cookie_modal":      true, // GDPR Cookie Compliance
	"moove_gdpr_cookie_info_bar":   true,
	"didomi-host":                  true, // Didomi
	"BorlabsCookieBox":             true, // Borlabs Cookie
	"iubenda-cs-banner":            true, // iubenda
	"cookie-notice":                true, // Cookie Notice
	"gdpr-consent-tool-wrapper":    true, // Sourcepoint (GDPR)
}

// consentIDPrefixes are id prefixes of consent-dialog roots (Sourcepoint
// numbers its message containers).
var consentIDPrefixes = []string{"sp_message_container"}

// consentClasses are class tokens of consent-dialog roots.
var consentClasses = map[string]bool{
	"fc-consent-root":    true, // Google Funding Choices
	"cmplz-cookiebanner": true, // Complianz
	"cc-window":          true, // Osano cookieconsent
}

// consentIDLen bounds the length of the ids in consentIDs and of the
// prefixes in consentIDPrefixes, so that most ids are ruled out without a
// map lookup.
const consentIDMin, consentIDMax = 11, 28

// consentID reports whether an id value names the root of a consent dialog:
// it is in consentIDs or starts with one of consentIDPrefixes. Matching is
// exact and case-sensitive, as the platforms write these names.
func consentID(v string) bool {
	if len(v) < consentIDMin {
		return false
	}
	for _, p := range consentIDPrefixes {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return len(v) <= consentIDMax && consentIDs[v]
}

// consentClass reports whether a class attribute value holds a token of
// consentClasses, tokens split as classAttr splits them (nextField). Every such token has its first hyphen after a prefix of
// consentPrefixLens bytes ("fc-", "cc-", "qc-", "cmplz-"), so only the
// tokens that start that far before a hyphen are looked up: one scan for
// hyphens, and no lookup for most class values.
func consentClass(v string) bool {
	for off := 0; ; {
		j := strings.IndexByte(v[off:], '-')
		if j < 0 {
			return false
		}
		j += off
		off = j + 1
		for _, n := range consentPrefixLens {
			s := j - n
			if s < 0 || (s > 0 && asciiSpace[v[s-1]] == 0) {
				continue
			}
			// The token starting at s, split as the segmenter splits
			// class values.
			if tok, _ := nextField(v[s:]); consentClasses[tok] {
				return true
			}
		}
	}
}

// consentPrefixLens are the offsets of the first hyphen in the tokens of
// consentClasses (TestConsentClassesPrefilter checks them).
var consentPrefixLens = [...]int{2, 5}
