//go:build race

package eval

// raceEvery: the race detector slows loading about tenfold, so the tests
// over whole shared sets read every raceEvery-th page (dataset.Options.Every).
const raceEvery = 10
