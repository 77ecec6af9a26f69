package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/fetch"
	"github.com/winnow-dev/winnow/internal/input"
	"github.com/winnow-dev/winnow/internal/progress"
)

// Config is what Run needs besides the extractor and the inputs.
type Config struct {
	Jobs int // pages extracted in parallel, at least 1
	// Page holds the parse limits (MaxBytes also caps reading); its
	// ContentType is set per page.
	Page    page.Options
	Timeout time.Duration // per page, for pages parsed here; 0 for none
	Fetch   fetch.Config
	Stdin   io.Reader // read for the input "-"
	// Progress and TTY are the progress bar's writer and whether it is a
	// terminal (package internal/progress).
	Progress io.Writer
	TTY      bool
	// Highlight, if not nil, is called with each page that has an article:
	// its name, bytes, the options it was parsed with, and the article. Its
	// error becomes the page's.
	Highlight func(name string, body []byte, opts page.Options, a *winnow.Article) error
}

// Result is one page's outcome: the article, or the error that stopped
// it, or both when the page has no main content (winnow.ErrNoContent).
type Result struct {
	Name    string // the input as given
	URL     string // the URL the page came from, if fetched
	Article *winnow.Article
	Err     error
}

// Run runs the inputs through x with c.Jobs workers and hands the results
// to emit in input order, failures included. At most Window(c.Jobs) pages
// are between being read and being handed on, so that a slow page holds
// back the others instead of letting their results pile up. When ctx is
// done Run stops: the pages that were finished by then are handed on, up
// to the first one that was not (or that failed because of ctx), and the
// rest are not.
func Run(ctx context.Context, x *winnow.Extractor, inputs []string, c Config, emit func(Result)) {
	bar := progress.NewBar(c.Progress, c.TTY, "extract", len(inputs))
	defer bar.Done()
	ordered(ctx, len(inputs), c.Jobs, func(i int) Result { return extractOne(ctx, x, inputs[i], &c) }, func(r Result) {
		bar.Add(1)
		emit(r)
	})
}

// Window is how many pages Run holds at most with jobs workers, those
// being extracted and those finished and waiting for a slower page before
// them to be handed on together: one per worker. Behind a slow page the
// other workers finish the pages they hold and then wait.
func Window(jobs int) int { return max(jobs, 1) }

// windowFull, when not nil, is called each time ordered waits for the
// window to have room: a test's hook.
var windowFull func()

// ordered runs do(0) to do(n-1) on jobs goroutines and calls emit with
// their results in order, with at most Window(jobs) results started and
// not yet emitted; see Run for what happens when ctx is done.
func ordered(ctx context.Context, n, jobs int, do func(int) Result, emit func(Result)) {
	results := make([]chan Result, n)
	for i := range results {
		results[i] = make(chan Result, 1)
	}
	// A token per page started and not yet emitted.
	window := make(chan struct{}, Window(jobs))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(jobs, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] <- do(i)
			}
		}()
	}
	go func() {
		defer close(work)
		for i := range n {
			select {
			case window <- struct{}{}:
			default:
				if windowFull != nil {
					windowFull()
				}
				select {
				case window <- struct{}{}:
				case <-ctx.Done():
					return
				}
			}
			if ctx.Err() != nil {
				return
			}
			select {
			case work <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	for i := range n {
		r, ok := next(ctx, results[i])
		if !ok {
			return
		}
		emit(r)
		<-window
	}
}

// next waits for a result from ch, or for ctx to be done; then it takes
// only a result that is there already and did not fail because of ctx.
func next(ctx context.Context, ch chan Result) (Result, bool) {
	if ctx.Err() == nil {
		select {
		case r := <-ch:
			if ctx.Err() == nil {
				return r, true
			}
			return r, !errors.Is(r.Err, ctx.Err())
		case <-ctx.Done():
		}
	}
	select {
	case r := <-ch:
		return r, !errors.Is(r.Err, ctx.Err())
	default:
		return Result{}, false
	}
}

func extractOne(ctx context.Context, x *winnow.Extractor, name string, c *Config) Result {
	d, err := input.Read(ctx, c.Stdin, name, c.Page.MaxBytes, c.Fetch)
	if err != nil {
		return Result{Name: name, Err: err}
	}
	popts := c.Page
	popts.ContentType = d.ContentType
	a, err := extractDoc(ctx, x, d, popts, c.Timeout)
	if err != nil && !errors.Is(err, winnow.ErrNoContent) {
		return Result{Name: name, URL: d.URL, Err: err}
	}
	if c.Highlight != nil && a != nil {
		if herr := c.Highlight(name, d.Body, popts, a); herr != nil {
			return Result{Name: name, URL: d.URL, Err: herr}
		}
	}
	return Result{Name: name, URL: d.URL, Article: a, Err: err}
}

// extractDoc extracts d with x. A page served with a Content-Type is
// parsed with it here, so that its charset is the one decoded (x parses
// without one), within the same time limit.
func extractDoc(ctx context.Context, x *winnow.Extractor, d input.Doc, opts page.Options, timeout time.Duration) (*winnow.Article, error) {
	if d.ContentType == "" {
		return x.ExtractBytesContext(ctx, d.Body)
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	p, err := page.ParseBytesContext(ctx, d.Body, opts)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w (%v): %w", winnow.ErrTimeout, timeout, err)
		}
		return nil, err
	}
	return x.FromPage(p)
}

// Summary counts a batch's pages by outcome.
type Summary struct {
	OK, NoContent, Failed int
}

// Add counts r.
func (s *Summary) Add(r Result) {
	switch {
	case r.Article == nil:
		s.Failed++
	case r.Err != nil:
		s.NoContent++
	default:
		s.OK++
	}
}

// Print writes the counts to w as one line: n pages, how many had main
// content, how many had none (not a failure), how many failed, and how
// many were not reached (an interrupted run).
func (s *Summary) Print(w io.Writer, n int) {
	fmt.Fprintf(w, "winnow extract: %d pages: %d extracted, %d without main content, %d failed", n, s.OK, s.NoContent, s.Failed)
	if skipped := n - s.OK - s.NoContent - s.Failed; skipped > 0 {
		fmt.Fprintf(w, ", %d not reached", skipped)
	}
	fmt.Fprintln(w)
}
