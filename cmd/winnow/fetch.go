package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/gzfile"
)

// The command, not the library, fetches pages: winnow extract URL.

// fetchFlags configure how URLs given as inputs are fetched.
type fetchFlags struct {
	userAgent    string
	timeout      time.Duration
	maxRedirects int
}

// defaultUserAgent names winnow to the servers it fetches from.
const defaultUserAgent = "winnow (+https://github.com/winnow-dev/winnow)"

func (f *fetchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.userAgent, "user-agent", defaultUserAgent, "User-Agent header sent when fetching a URL")
	fs.DurationVar(&f.timeout, "fetch-timeout", 30*time.Second, "time allowed to fetch a URL, redirects and body included")
	fs.IntVar(&f.maxRedirects, "max-redirects", 10, "redirects followed when fetching a URL")
}

func (f *fetchFlags) check() error {
	if f.timeout <= 0 || f.maxRedirects < 0 {
		return fmt.Errorf("%w: -fetch-timeout must be positive and -max-redirects not negative", errUsage)
	}
	return nil
}

// client is the HTTP client for the flags: its timeout covers the whole
// fetch, and it stops after maxRedirects redirects.
func (f *fetchFlags) client() *http.Client {
	return &http.Client{
		Timeout: f.timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > f.maxRedirects {
				return fmt.Errorf("stopped after %d redirects (raise it with -max-redirects)", f.maxRedirects)
			}
			return nil
		},
	}
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// fetch GETs the page at rawURL with c, reading at most limit bytes of
// body. A status other than 200 is an error. The doc keeps the final URL
// and the Content-Type header.
func fetch(ctx context.Context, c *http.Client, rawURL string, limit int64, userAgent string) (doc, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return doc{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	resp, err := c.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is named once, below
		}
		return doc{}, fmt.Errorf("%s: fetch: %w", rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return doc{}, fmt.Errorf("%s: fetch: HTTP status %s", rawURL, resp.Status)
	}
	tooLarge := fmt.Errorf("%s: %w: larger than the %d-byte limit (raise it with -max-bytes)", rawURL, page.ErrTooLarge, limit)
	if resp.ContentLength > limit {
		return doc{}, tooLarge
	}
	b, over, err := gzfile.ReadAll(resp.Body, limit)
	if err != nil {
		return doc{}, fmt.Errorf("%s: fetch: %w", rawURL, err)
	}
	if over {
		return doc{}, tooLarge
	}
	return doc{body: b, url: resp.Request.URL.String(), contentType: resp.Header.Get("Content-Type")}, nil
}
