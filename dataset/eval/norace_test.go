//go:build !race

package eval

// raceEvery is 1 without the race detector: the tests read whole sets.
const raceEvery = 1
