//go:build amd64 && !purego

#include "go_asm.h"
#include "textflag.h"

// The kernels walk two groups of four vectors at a time, the first at SI
// and the second at R11: Y3 and Y7 hold their leaf numbers, Y0 and Y8
// their sums, and Y15 is zero.

// TEST compares level l's feature of both groups with its threshold, for
// the tree at BX whose level offsets are at off and thresholds at thr:
// Y2 and Y6 are all ones in the lanes where x < thr (ordered: false for
// NaN).
#define TEST(off, thr, l) \
	MOVQ         (off+8*l)(BX), AX \
	VBROADCASTSD (thr+8*l)(BX), Y1 \
	VCMPPD       $0x1e, (SI)(AX*1), Y1, Y2 \
	VCMPPD       $0x1e, (R11)(AX*1), Y1, Y6

// FIRST starts the leaf numbers at level 0's answers: 1 where x < thr,
// 0 elsewhere.
#define FIRST(off, thr) \
	TEST(off, thr, 0) \
	VPSUBQ Y2, Y15, Y3 \
	VPSUBQ Y6, Y15, Y7

// NEXT appends level l's answers: leaf = 2·leaf + answer.
#define NEXT(off, thr, l) \
	TEST(off, thr, l) \
	VPADDQ Y3, Y3, Y3 \
	VPSUBQ Y2, Y3, Y3 \
	VPADDQ Y7, Y7, Y7 \
	VPSUBQ Y6, Y7, Y7

// LEAVES adds the scores of the leaves Y3 and Y7 of the tree at BX, whose
// leaf scores are at leaves, to the sums, and moves BX to the next tree,
// size bytes on.
#define LEAVES(leaves, size) \
	VPCMPEQQ   Y4, Y4, Y4 \
	VGATHERQPD Y4, leaves(BX)(Y3*8), Y5 \
	VPCMPEQQ   Y4, Y4, Y4 \
	VGATHERQPD Y4, leaves(BX)(Y7*8), Y9 \
	VADDPD     Y5, Y0, Y0 \
	VADDPD     Y9, Y8, Y8 \
	ADDQ       $size, BX

// ENTER loads the arguments (see sumGroupsAVX2) and jumps to done when
// there is no pair of groups: SI the first group, CX the pairs, DX the
// stride, R8 the first tree, R9 the trees, DI the results.
#define ENTER \
	MOVQ  cols+0(FP), SI \
	MOVQ  groups+8(FP), CX \
	MOVQ  stride+16(FP), DX \
	MOVQ  trees+24(FP), R8 \
	MOVQ  ntrees+32(FP), R9 \
	MOVQ  res+40(FP), DI \
	VPXOR Y15, Y15, Y15 \
	SHRQ  $1, CX \
	JZ    done

// PAIR starts a pair of groups: R11 the second group, zero sums, BX the
// first tree and R10 the trees left; with no trees, on to store.
#define PAIR \
	LEAQ   (SI)(DX*1), R11 \
	VXORPD Y0, Y0, Y0 \
	VXORPD Y8, Y8, Y8 \
	MOVQ   R8, BX \
	MOVQ   R9, R10 \
	TESTQ  R10, R10 \
	JLE    store

// STORE writes the pair's eight sums, moves to the next pair and
// decrements CX, the pairs left.
#define STORE \
	VMOVUPD Y0, (DI) \
	VMOVUPD Y8, 32(DI) \
	ADDQ    $64, DI \
	LEAQ    (R11)(DX*1), SI \
	DECQ    CX

// func sumGroupsAVX2(cols *float64, groups, stride int, trees *vecTree6, ntrees int, res *float64)
TEXT ·sumGroupsAVX2(SB), NOSPLIT, $0-48
	ENTER

pair:
	PAIR

tree:
	FIRST(vecTree6_off, vecTree6_thr)
	NEXT(vecTree6_off, vecTree6_thr, 1)
	NEXT(vecTree6_off, vecTree6_thr, 2)
	NEXT(vecTree6_off, vecTree6_thr, 3)
	NEXT(vecTree6_off, vecTree6_thr, 4)
	NEXT(vecTree6_off, vecTree6_thr, 5)
	LEAVES(vecTree6_leaves, vecTree6__size)
	DECQ R10
	JNZ  tree

store:
	STORE
	JNZ pair

done:
	VZEROUPPER
	RET

// func sumGroups8AVX2(cols *float64, groups, stride int, trees *vecTree8, ntrees int, res *float64)
TEXT ·sumGroups8AVX2(SB), NOSPLIT, $0-48
	ENTER

pair:
	PAIR

tree:
	FIRST(vecTree8_off, vecTree8_thr)
	NEXT(vecTree8_off, vecTree8_thr, 1)
	NEXT(vecTree8_off, vecTree8_thr, 2)
	NEXT(vecTree8_off, vecTree8_thr, 3)
	NEXT(vecTree8_off, vecTree8_thr, 4)
	NEXT(vecTree8_off, vecTree8_thr, 5)
	NEXT(vecTree8_off, vecTree8_thr, 6)
	NEXT(vecTree8_off, vecTree8_thr, 7)
	LEAVES(vecTree8_leaves, vecTree8__size)
	DECQ R10
	JNZ  tree

store:
	STORE
	JNZ pair

done:
	VZEROUPPER
	RET
