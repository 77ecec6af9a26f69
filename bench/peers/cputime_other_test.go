//go:build !unix

package peers_test

import "time"

// cpuTime is unknown off Unix; the cpu-pages/s metric is then left out.
func cpuTime() (time.Duration, bool) { return 0, false }
