//go:build !amd64 || purego

package model

// haveVec is false: the vector kernel exists only for amd64.
var haveVec = false

// sumGroupsAVX2 is never called where haveVec is false.
func sumGroupsAVX2(cols *float64, groups, stride int, trees *vecTree, ntrees int, res *float64) {
	panic("model: sumGroupsAVX2 without AVX2")
}
