//go:build !amd64 || purego

package model

// haveVec is false: the vector kernel exists only for amd64.
var haveVec = false

// sumGroupsAVX2 and sumGroups8AVX2 are never called where haveVec is false.
func sumGroupsAVX2(cols *float64, groups, stride int, trees *vecTree6, ntrees int, res *float64) {
	panic("model: sumGroupsAVX2 without AVX2")
}

func sumGroups8AVX2(cols *float64, groups, stride int, trees *vecTree8, ntrees int, res *float64) {
	panic("model: sumGroups8AVX2 without AVX2")
}
