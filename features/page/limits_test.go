package page

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestMaxDepth(t *testing.T) {
	nest := func(n int) string { return strings.Repeat("<div>", n) + "x" + strings.Repeat("</div>", n) }
	tests := []struct {
		name, reason string
		in           string
		max          int
		wantErr      error
	}{
		{"at the limit", "html, body and 8 divs are 10 levels", "<html><body>" + nest(8), 10, nil},
		{"one over", "html, body and 9 divs are 11 levels", "<html><body>" + nest(9), 10, ErrTooDeep},
		{"wide, shallow", "many siblings do not add up to depth", "<html><body>" + strings.Repeat(nest(7), 5000), 10, nil},
		{"deep after wide", "depth is counted back down after each subtree", "<html><body>" + strings.Repeat(nest(7), 50) + nest(9), 10, ErrTooDeep},
		{"inline counts", "spans nest as much as divs", "<html><body>" + strings.Repeat("<span>", 9) + "x", 10, ErrTooDeep},
		{"above the parser's limit", "MaxDepth above 512 is 512", "<html><body>" + nest(600), 10_000, ErrTooDeep},
		{"default", "0 means the parser's 512", "<html><body>" + nest(500), 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseBytes([]byte(tt.in), Options{MaxDepth: tt.max})
			if !errors.Is(err, tt.wantErr) || (err != nil) != (tt.wantErr != nil) {
				t.Fatalf("err = %v, want %v: %s", err, tt.wantErr, tt.reason)
			}
			if err == nil && len(p.Blocks) == 0 {
				t.Errorf("no blocks: %s", tt.reason)
			}
		})
	}
}

func TestParseContext(t *testing.T) {
	page := []byte("<p>" + strings.Repeat("text ", 10_000) + "</p>")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel2()
	tests := []struct {
		name string
		ctx  context.Context
		want error
	}{
		{"background", context.Background(), nil},
		{"cancelled", cancelled, context.Canceled},
		{"expired", expired, context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for via, parse := range map[string]func() (*Page, error){
				"ParseContext":      func() (*Page, error) { return ParseContext(tt.ctx, bytes.NewReader(page), Options{}) },
				"ParseBytesContext": func() (*Page, error) { return ParseBytesContext(tt.ctx, page, Options{}) },
			} {
				p, err := parse()
				if !errors.Is(err, tt.want) || (err != nil) != (tt.want != nil) {
					t.Errorf("%s: err = %v, want %v", via, err, tt.want)
				}
				if err != nil && (p != nil || IsInputError(err)) {
					t.Errorf("%s: a page, or an input error, on a stopped context", via)
				}
			}
		})
	}
}
