package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/winnow-dev/winnow/features/page"
)

func TestGet(t *testing.T) {
	var agent string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/page":
			agent = r.Header.Get("User-Agent")
			w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
			w.Write([]byte("<p>hello</p>"))
		case "/moved":
			http.Redirect(w, r, "/page", http.StatusFound)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/big":
			w.Write([]byte(strings.Repeat("x", 100)))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := Config{UserAgent: "test-agent", Timeout: 5 * time.Second, MaxRedirects: 2}
	ctx := context.Background()
	p, err := Get(ctx, c, srv.URL+"/moved", 1000)
	if err != nil {
		t.Fatal(err)
	}
	if string(p.Body) != "<p>hello</p>" || p.URL != srv.URL+"/page" || p.ContentType != "text/html; charset=iso-8859-1" || agent != "test-agent" {
		t.Errorf("got %+v (agent %q)", p, agent)
	}
	if _, err := Get(ctx, c, srv.URL+"/missing", 1000); err == nil || !strings.Contains(err.Error(), "HTTP status 404") {
		t.Errorf("404: err %v", err)
	}
	if _, err := Get(ctx, c, srv.URL+"/loop", 1000); err == nil || !strings.Contains(err.Error(), "stopped after 2 redirects") {
		t.Errorf("redirect loop: err %v", err)
	}
	if _, err := Get(ctx, c, srv.URL+"/big", 50); !errors.Is(err, page.ErrTooLarge) {
		t.Errorf("over the limit: err %v, want ErrTooLarge", err)
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{"http://a": true, "HTTPS://a": true, "ftp://a": false, "page.html": false, "-": false} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}
