package winnow

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// loadOnce returns a function that reads the embedded file b with load the
// first time it is called and gives that result ever after; an error names
// what the file holds.
func loadOnce[T any](what string, b []byte, load func(io.Reader) (T, error)) func() (T, error) {
	return sync.OnceValues(func() (T, error) {
		v, err := load(bytes.NewReader(b))
		if err != nil {
			var zero T
			return zero, fmt.Errorf("embedded %s: %w", what, err)
		}
		return v, nil
	})
}
