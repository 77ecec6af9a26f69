package page

import (
	"context"
	"fmt"
	"io"

	"golang.org/x/net/html"
)

// Default limits on nesting, used where Options leaves MaxDepth at zero.
const (
	// DefaultMaxDepth is the deepest element nesting accepted. It is the
	// limit of the HTML parser itself (golang.org/x/net/html refuses more
	// than 512 open elements), so a larger Options.MaxDepth has no effect.
	DefaultMaxDepth = parserMaxDepth

	parserMaxDepth = 512
)

func (o Options) maxDepth() int {
	if o.MaxDepth > 0 {
		return min(o.MaxDepth, parserMaxDepth)
	}
	return DefaultMaxDepth
}

// ParseContext is Parse that stops early, with an error wrapping ctx.Err(),
// when ctx is done: the context is checked while the page is read and
// parsed, while it is segmented (every ctxEvery nodes) and between the
// stages of Parse. A Read on r that blocks does not hold it up: when ctx
// ends during such a Read, ParseContext returns at once and leaves the
// Read to finish in the background, after which nothing more is read
// from r.
func ParseContext(ctx context.Context, r io.Reader, opts Options) (*Page, error) {
	max := opts.maxBytes()
	b, err := readAll(ctx, r, max+1)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return parseBytes(ctx, b, opts)
}

// ParseBytesContext is ParseBytes that stops early, with an error wrapping
// ctx.Err(), when ctx is done.
func ParseBytesContext(ctx context.Context, b []byte, opts Options) (*Page, error) {
	return parseBytes(ctx, b, opts)
}

// readAll reads r up to n bytes, or until ctx ends: a Read blocked when
// it ends is left to finish in the background (see ParseContext).
func readAll(ctx context.Context, r io.Reader, n int64) ([]byte, error) {
	if ctx.Done() == nil {
		return io.ReadAll(io.LimitReader(r, n))
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := io.ReadAll(io.LimitReader(ctxReader{ctx, r}, n))
		done <- result{b, err}
	}()
	select {
	case res := <-done:
		return res.b, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ctxReader fails reads once its context is done. The HTML tokenizer reads
// a few kilobytes at a time, so parsing a page stops soon after a deadline.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// checkDepth refuses a tree nested deeper than max elements (the <html>
// element is at depth 1). It walks the tree without recursion, so a tree of
// any depth costs no stack.
func checkDepth(root *html.Node, max int) error {
	depth := 0
	n := root
	for n != nil {
		if n.Type == html.ElementNode {
			depth++
			if depth > max {
				return fmt.Errorf("%w: more than %d nested elements", ErrTooDeep, max)
			}
		}
		if n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		// Leave n and every ancestor that has no next sibling.
		for n != nil && n != root && n.NextSibling == nil {
			if n.Type == html.ElementNode {
				depth--
			}
			n = n.Parent
		}
		if n == nil || n == root {
			break
		}
		if n.Type == html.ElementNode {
			depth--
		}
		n = n.NextSibling
	}
	return nil
}
