// Package countdown gives tests a context whose deadline falls at a chosen
// check rather than at a time: a deadline test that holds whatever the
// machine's speed.
package countdown

import (
	"context"
	"sync"
	"sync/atomic"
)

// Context ends, as if its deadline passed, at the n-th call of Err. With
// n < 0 it never ends and counts the calls.
type Context struct {
	context.Context
	n, calls atomic.Int64
	once     sync.Once
	done     chan struct{}
}

// New returns a Context that ends at the n-th call of Err (never for n < 0).
func New(n int64) *Context {
	c := &Context{Context: context.Background(), done: make(chan struct{})}
	c.n.Store(n)
	return c
}

// Done is closed once Err has reported the deadline.
func (c *Context) Done() <-chan struct{} { return c.done }

// Err counts the call and reports context.DeadlineExceeded from the n-th on.
func (c *Context) Err() error {
	calls := c.calls.Add(1)
	if n := c.n.Load(); n >= 0 && calls >= n {
		c.once.Do(func() { close(c.done) })
		return context.DeadlineExceeded
	}
	return nil
}

// EndNow makes the next call of Err, and every later one, report the
// deadline.
func (c *Context) EndNow() { c.n.Store(0) }

// Calls is how many times Err was called.
func (c *Context) Calls() int64 { return c.calls.Load() }
