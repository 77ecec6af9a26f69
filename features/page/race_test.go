//go:build race

package page

// raceEnabled says the tests run under the race detector, which makes
// parsing some ten times slower: the tests over every shared page take a
// sample then.
const raceEnabled = true
