//go:build unix

package peers_test

import (
	"syscall"
	"time"
)

// cpuTime returns the user plus system CPU time of the whole process so
// far, and whether it is known. On a shared machine it is steadier than
// wall time: time the process spends waiting for a core is not counted.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
