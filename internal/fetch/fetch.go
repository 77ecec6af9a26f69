package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/gzfile"
)

// DefaultUserAgent names winnow to the servers it fetches from.
const DefaultUserAgent = "winnow (+https://github.com/winnow-dev/winnow)"

// Config says how pages are fetched.
type Config struct {
	UserAgent    string        // the User-Agent header
	Timeout      time.Duration // for the whole fetch, redirects and body included
	MaxRedirects int           // redirects followed
}

// Client is the HTTP client for c: its timeout covers the whole fetch, and
// it stops after c.MaxRedirects redirects.
func (c Config) Client() *http.Client {
	return &http.Client{
		Timeout: c.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > c.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects (raise it with -max-redirects)", c.MaxRedirects)
			}
			return nil
		},
	}
}

// IsURL says whether s is an http:// or https:// URL (any case).
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Page is a fetched page.
type Page struct {
	Body        []byte
	URL         string // the final URL, after redirects
	ContentType string // the Content-Type header
}

// Get GETs the page at rawURL with a client made by c.Client, reading at
// most limit bytes of body (a gzip body decompressed within the same
// limit). The errors name rawURL; a body over the limit is an error
// wrapping page.ErrTooLarge that names the -max-bytes flag.
func Get(ctx context.Context, c Config, rawURL string, limit int64) (Page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Page{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", c.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	resp, err := c.Client().Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is named once, below
		}
		return Page{}, fmt.Errorf("%s: fetch: %w", rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Page{}, fmt.Errorf("%s: fetch: HTTP status %s", rawURL, resp.Status)
	}
	tooLarge := fmt.Errorf("%s: %w: larger than the %d-byte limit (raise it with -max-bytes)", rawURL, page.ErrTooLarge, limit)
	if resp.ContentLength > limit {
		return Page{}, tooLarge
	}
	b, over, err := gzfile.ReadAll(resp.Body, limit)
	if err != nil {
		return Page{}, fmt.Errorf("%s: fetch: %w", rawURL, err)
	}
	if over {
		return Page{}, tooLarge
	}
	return Page{Body: b, URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}, nil
}
