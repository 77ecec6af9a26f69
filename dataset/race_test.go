//go:build race

package dataset

// raceEnabled: the race detector slows loading about tenfold, so the
// full-corpus tests read a sample of each set instead.
const raceEnabled = true
