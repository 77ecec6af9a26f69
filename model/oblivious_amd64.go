//go:build amd64 && !purego

package model

import "golang.org/x/sys/cpu"

// haveVec reports whether sumGroupsAVX2 may run: the processor and the
// operating system support AVX2.
var haveVec = cpu.X86.HasAVX2

// sumGroupsAVX2 is the vector kernel, in oblivious_amd64.s: for each of
// groups groups of four vectors (groups must be even), the first at cols
// and each stride bytes after the one before, it writes to res the four
// sums of the leaf scores of the ntrees trees of depth six from trees, each sum
// starting at 0 and adding the trees in order. It reads groups·stride
// bytes from cols and ntrees vecTrees, and writes 4·groups float64s; each
// tree's column offsets must be below stride. It needs AVX2.
//
//go:noescape
func sumGroupsAVX2(cols *float64, groups, stride int, trees *vecTree6, ntrees int, res *float64)

// sumGroups8AVX2 is sumGroupsAVX2 for trees of depth eight.
//
//go:noescape
func sumGroups8AVX2(cols *float64, groups, stride int, trees *vecTree8, ntrees int, res *float64)
