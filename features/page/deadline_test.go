package page

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// countdown is a context that ends, as if its deadline passed, at the
// n-th call of Err: a deadline that falls at a chosen check, whatever the
// machine's speed. With n < 0 it never ends and counts the calls.
type countdown struct {
	context.Context
	n, calls atomic.Int64
	once     sync.Once
	done     chan struct{}
}

func newCountdown(n int64) *countdown {
	c := &countdown{Context: context.Background(), done: make(chan struct{})}
	c.n.Store(n)
	return c
}

func (c *countdown) Done() <-chan struct{} { return c.done }

func (c *countdown) Err() error {
	calls := c.calls.Add(1)
	if n := c.n.Load(); n >= 0 && calls >= n {
		c.once.Do(func() { close(c.done) })
		return context.DeadlineExceeded
	}
	return nil
}

// TestDeadlineDuringSegmentation: Parse checks its context while it
// segments the page, and stops at whichever check finds it ended. Before,
// the context was checked only while the page was read and parsed.
func TestDeadlineDuringSegmentation(t *testing.T) {
	// 3000 times 7 nodes: div, p, text, p, text, b, text.
	page := []byte("<html><body>" + strings.Repeat("<div><p>one paragraph</p><p>and <b>another</b></p></div>", 3000))
	counter := newCountdown(-1)
	if _, err := ParseBytesContext(counter, page, Options{}); err != nil {
		t.Fatal(err)
	}
	checks := counter.calls.Load()
	reads := int64(len(page)/4096 + 2) // the parser reads 4 KB at a time
	if nodes := int64(3000 * 7); checks < reads+nodes/ctxEvery {
		t.Fatalf("%d checks of the context for %d nodes, want at least %d", checks, nodes, reads+nodes/ctxEvery)
	}
	// The last checks are segmentation's (and the one after the head is
	// read): a deadline at any of them stops Parse.
	for n := checks; n > checks-int64(3000*7/ctxEvery); n-- {
		_, err := ParseBytesContext(newCountdown(n), page, Options{})
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
	ctx := newCountdown(-1)
	go func() {
		<-r.started
		ctx.n.Store(0) // the deadline passes while Read is blocked
		ctx.Err()
	}()
	_, err := ParseContext(ctx, r, Options{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
}
