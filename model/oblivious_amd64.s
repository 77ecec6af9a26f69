//go:build amd64 && !purego

#include "go_asm.h"
#include "textflag.h"

// The kernel walks two groups of four vectors at a time, the first at SI
// and the second at R11: Y3 and Y7 hold their leaf numbers, Y0 and Y8
// their sums, and Y15 is zero.

// TEST compares level l's feature of both groups with its threshold, for
// the tree at BX: Y2 and Y6 are all ones in the lanes where x < thr
// (ordered: false for NaN).
#define TEST(l) \
	MOVQ         (vecTree_off+8*l)(BX), AX \
	VBROADCASTSD (vecTree_thr+8*l)(BX), Y1 \
	VCMPPD       $0x1e, (SI)(AX*1), Y1, Y2 \
	VCMPPD       $0x1e, (R11)(AX*1), Y1, Y6

// FIRST starts the leaf numbers at level 0's answers: 1 where x < thr,
// 0 elsewhere.
#define FIRST \
	TEST(0) \
	VPSUBQ Y2, Y15, Y3 \
	VPSUBQ Y6, Y15, Y7

// NEXT appends level l's answers: leaf = 2·leaf + answer.
#define NEXT(l) \
	TEST(l) \
	VPADDQ Y3, Y3, Y3 \
	VPSUBQ Y2, Y3, Y3 \
	VPADDQ Y7, Y7, Y7 \
	VPSUBQ Y6, Y7, Y7

// func sumGroupsAVX2(cols *float64, groups, stride int, trees *vecTree, ntrees int, res *float64)
TEXT ·sumGroupsAVX2(SB), NOSPLIT, $0-48
	MOVQ   cols+0(FP), SI
	MOVQ   groups+8(FP), CX
	MOVQ   stride+16(FP), DX
	MOVQ   trees+24(FP), R8
	MOVQ   ntrees+32(FP), R9
	MOVQ   res+40(FP), DI
	VPXOR  Y15, Y15, Y15
	SHRQ   $1, CX // pairs of groups
	JZ     done

pair:
	LEAQ   (SI)(DX*1), R11
	VXORPD Y0, Y0, Y0
	VXORPD Y8, Y8, Y8
	MOVQ   R8, BX
	MOVQ   R9, R10
	TESTQ  R10, R10
	JLE    store

tree:
	FIRST
	NEXT(1)
	NEXT(2)
	NEXT(3)
	NEXT(4)
	NEXT(5)
	VPCMPEQQ   Y4, Y4, Y4
	VGATHERQPD Y4, vecTree_leaves(BX)(Y3*8), Y5
	VPCMPEQQ   Y4, Y4, Y4
	VGATHERQPD Y4, vecTree_leaves(BX)(Y7*8), Y9
	VADDPD     Y5, Y0, Y0
	VADDPD     Y9, Y8, Y8
	ADDQ       $vecTree__size, BX
	DECQ       R10
	JNZ        tree

store:
	VMOVUPD Y0, (DI)
	VMOVUPD Y8, 32(DI)
	ADDQ    $64, DI
	LEAQ    (R11)(DX*1), SI
	DECQ    CX
	JNZ     pair

done:
	VZEROUPPER
	RET
