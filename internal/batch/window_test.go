package batch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// guard is how long a test waits for what must happen before it calls it
// a hang: a failure guard, not a measurement.
const guard = time.Minute

// TestOrderedWindow runs a slow first page and many fast ones: the fast
// results must not pile up behind the slow one. The slow page waits until
// the window is full (the hook) or until more pages have started than the
// window allows (the bug), so the count is exact, not a matter of timing.
func TestOrderedWindow(t *testing.T) {
	for _, jobs := range []int{2, 4, 8} { // one worker has nothing to pile up
		t.Run(fmt.Sprint("jobs ", jobs), func(t *testing.T) {
			const n = 100
			bound := Window(jobs)
			var mu sync.Mutex
			started, emitted, most := 0, 0, 0
			release := make(chan struct{})
			var once sync.Once
			free := func() { once.Do(func() { close(release) }) }
			windowFull = free
			defer func() { windowFull = nil }()
			do := func(i int) Result {
				mu.Lock()
				started++
				most = max(most, started-emitted)
				over := started > bound
				mu.Unlock()
				if over {
					free()
				}
				if i == 0 {
					select {
					case <-release:
					case <-time.After(guard):
						t.Error("the slow page was never released")
					}
				}
				return Result{Name: fmt.Sprint(i)}
			}
			var got []string
			ordered(context.Background(), n, jobs, do, func(r Result) {
				mu.Lock()
				emitted++
				mu.Unlock()
				got = append(got, r.Name)
			})
			if len(got) != n {
				t.Fatalf("%d results, want %d", len(got), n)
			}
			for i, name := range got {
				if name != fmt.Sprint(i) {
					t.Fatalf("result %d is %s: out of order", i, name)
				}
			}
			if most > bound {
				t.Errorf("%d pages held at once behind a slow page, want at most %d", most, bound)
			}
		})
	}
}

// TestOrderedInterrupted cancels the run while page 2 is being read: pages
// 0 and 1, finished, are handed on; page 2, failed because of the cancel,
// and the rest are not.
func TestOrderedInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	do := func(i int) Result {
		if i == 2 {
			cancel()
			<-ctx.Done()
			return Result{Name: "2", Err: fmt.Errorf("2: %w", ctx.Err())}
		}
		return Result{Name: fmt.Sprint(i)}
	}
	var got []string
	ordered(ctx, 10, 1, do, func(r Result) {
		if errors.Is(r.Err, context.Canceled) {
			t.Errorf("result %s failed because of the cancel, and was handed on", r.Name)
		}
		got = append(got, r.Name)
	})
	if len(got) != 2 || got[0] != "0" || got[1] != "1" {
		t.Errorf("handed on %q, want the pages finished before the cancel, 0 and 1", got)
	}
}
