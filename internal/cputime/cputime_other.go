//go:build !unix

package cputime

import "time"

// Used is 0: the CPU time is not read on this platform.
func Used() time.Duration { return 0 }
