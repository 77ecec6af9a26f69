package page

import (
	"context"
	"errors"
	"github.com/winnow-dev/winnow/internal/countdown"
	"io"
	"strings"
	"sync"
	"testing"
)

// TestDeadlineDuringSegmentation: Parse checks its context while it
// segments the page, and stops at whichever check finds it ended. Before,
// the context was checked only while the page was read and parsed.
func TestDeadlineDuringSegmentation(t *testing.T) {
	// 3000 times 7 nodes: div, p, text, p, text, b, text.
	page := []byte("<html><body>" + strings.Repeat("<div><p>one paragraph</p><p>and <b>another</b></p></div>", 3000))
	counter := countdown.New(-1)
	if _, err := ParseBytesContext(counter, page, Options{}); err != nil {
		t.Fatal(err)
	}
	checks := counter.Calls()
	reads := int64(len(page)/4096 + 2) // the parser reads 4 KB at a time
	if nodes := int64(3000 * 7); checks < reads+nodes/ctxEvery {
		t.Fatalf("%d checks of the context for %d nodes, want at least %d", checks, nodes, reads+nodes/ctxEvery)
	}
	// The last checks are segmentation's (and the one after the head is
	// read): a deadline at any of them stops Parse.
	for n := checks; n > checks-int64(3000*7/ctxEvery); n-- {
		_, err := ParseBytesContext(countdown.New(n), page, Options{})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("deadline at check %d of %d: err = %v, want context.DeadlineExceeded", n, checks, err)
		}
	}
}

// stalled is a reader whose Read blocks until it is closed, telling
// started when the first Read begins.
type stalled struct {
	r       *io.PipeReader
	started chan struct{}
	once    sync.Once
}

func (s *stalled) Read(p []byte) (int, error) {
	s.once.Do(func() { close(s.started) })
	return s.r.Read(p)
}

// TestStalledReader: ParseContext returns when its context ends, even
// while a Read that never returns is blocked. Before, it waited for the
// Read forever.
func TestStalledReader(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close() // ends the Read left behind
	r := &stalled{r: pr, started: make(chan struct{})}
	ctx := countdown.New(-1)
	go func() {
		<-r.started
		ctx.EndNow() // the deadline passes while Read is blocked
		ctx.Err()
	}()
	_, err := ParseContext(ctx, r, Options{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
}
