//go:build race

package winnow

// raceEnabled says the tests run under the race detector, whose
// instrumentation allocates more than a normal build does.
const raceEnabled = true
