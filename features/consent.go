package features

import (
	"strings"

	"golang.org/x/net/html"
)

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

// consentAttr reports whether the attribute marks the root of a consent
// dialog: an id in consentIDs or with a prefix in consentIDPrefixes, or a
// class token in consentClasses. Matching is exact and case-sensitive, as
// the platforms write these names.
func consentAttr(a html.Attribute) bool {
	switch a.Key {
	case "id":
		if consentIDs[a.Val] {
			return true
		}
		for _, p := range consentIDPrefixes {
			if strings.HasPrefix(a.Val, p) {
				return true
			}
		}
	case "class":
		// Every known class token holds one of these; most class values
		// hold none and are not split. The tokens are cut without
		// allocating a slice of them.
		v := a.Val
		if !strings.Contains(v, "consent") && !strings.Contains(v, "cmplz") && !strings.Contains(v, "cc-window") {
			return false
		}
		for len(v) > 0 {
			i := strings.IndexAny(v, " \t\n\f\r")
			tok := v
			if i >= 0 {
				tok, v = v[:i], v[i+1:]
			} else {
				v = ""
			}
			if consentClasses[tok] {
				return true
			}
		}
	}
	return false
}
