// Package cputime reads the CPU time the process has used, so that
// benchmarks on a shared or drifting machine can report work done per CPU
// second next to wall-clock rates.
package cputime
