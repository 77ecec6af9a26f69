package winnow

import (
	"context"
	"errors"
	"github.com/winnow-dev/winnow/internal/countdown"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/winnow-dev/winnow/features/page"
)

// TestDeadlineWhileClassifying: the deadline is checked while the feature
// vectors are computed and classified, and a deadline at any of those
// checks stops the page with ErrTimeout. Before, nothing was checked after
// segmentation: -timeout 4s returned after 15 s under load.
func TestDeadlineWhileClassifying(t *testing.T) {
	in := []byte("<html><body>" + strings.Repeat("<p>A paragraph of the story, long enough to keep.</p>", 3000))
	for _, explain := range []bool{false, true} {
		x, err := New(WithTimeout(0), WithThreshold(0), WithExplanations(explain))
		if err != nil {
			t.Fatal(err)
		}
		parse := countdown.New(-1)
		if _, err := page.ParseBytesContext(parse, in, x.cfg.parse); err != nil {
			t.Fatal(err)
		}
		all := countdown.New(-1)
		if _, err := x.ExtractBytesContext(all, in); err != nil {
			t.Fatal(err)
		}
		after := all.Calls() - parse.Calls()
		if want := int64(3000/256) - 1; after < want {
			t.Fatalf("explain %v: %d checks of the context after parsing 3000 blocks, want at least %d", explain, after, want)
		}
		for n := all.Calls() - after + 1; n <= all.Calls(); n++ {
			_, err := x.ExtractBytesContext(countdown.New(n), in)
			if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("explain %v: deadline at check %d of %d: err = %v, want ErrTimeout", explain, n, all.Calls(), err)
			}
		}
	}
}

// TestTimeoutStalledReader: Extract with WithTimeout returns when the
// time is up even if the reader never returns. Before, it blocked forever.
func TestTimeoutStalledReader(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close() // ends the Read left behind
	_, err := Extract(pr, WithTimeout(10*time.Millisecond))
	if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want ErrTimeout wrapping context.DeadlineExceeded", err)
	}
}
