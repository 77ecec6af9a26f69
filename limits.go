package winnow

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/winnow-dev/winnow/features/page"
)

// DefaultTimeout is the time an Extractor allows per page in ExtractContext
// and ExtractBytesContext unless WithTimeout says otherwise.
const DefaultTimeout = 30 * time.Second

// ErrTimeout is returned, wrapping context.DeadlineExceeded, when a page
// takes longer than the time allowed (WithTimeout, or the deadline of the
// caller's context).
var ErrTimeout = errors.New("time limit per page exceeded")

func (c *config) timeout() time.Duration {
	if !c.timeoutSet {
		return DefaultTimeout
	}
	return c.perPage
}

// ExtractContext is Extract bounded in time: it stops with an error
// wrapping ErrTimeout (and context.DeadlineExceeded) when the page takes
// longer than the configured timeout or ctx's deadline passes, and with an
// error wrapping context.Canceled when ctx is cancelled. The context is
// checked while the page is read and parsed and between the stages of the
// pipeline. It does not close r.
func (x *Extractor) ExtractContext(ctx context.Context, r io.Reader) (*Article, error) {
	ctx, cancel := x.withTimeout(ctx)
	defer cancel()
	page, err := page.ParseContext(ctx, r, x.cfg.parse)
	if err != nil {
		return nil, x.timeoutError(ctx, err)
	}
	return x.fromPageContext(ctx, page)
}

// ExtractBytesContext is ExtractContext over a byte slice.
func (x *Extractor) ExtractBytesContext(ctx context.Context, b []byte) (*Article, error) {
	ctx, cancel := x.withTimeout(ctx)
	defer cancel()
	page, err := page.ParseBytesContext(ctx, b, x.cfg.parse)
	if err != nil {
		return nil, x.timeoutError(ctx, err)
	}
	return x.fromPageContext(ctx, page)
}

func (x *Extractor) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if t := x.cfg.timeout(); t > 0 {
		return context.WithTimeout(ctx, t)
	}
	return ctx, func() {}
}

func (x *Extractor) fromPageContext(ctx context.Context, page *page.Page) (*Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, x.timeoutError(ctx, fmt.Errorf("after segmentation: %w", err))
	}
	return x.FromPage(page)
}

// timeoutError marks err with ErrTimeout when it is the context's deadline
// that stopped the page.
func (x *Extractor) timeoutError(ctx context.Context, err error) error {
	if !errors.Is(err, context.DeadlineExceeded) || ctx.Err() == nil {
		return err
	}
	if t := x.cfg.timeout(); t > 0 {
		return fmt.Errorf("%w (%v): %w", ErrTimeout, t, err)
	}
	return fmt.Errorf("%w: %w", ErrTimeout, err)
}
