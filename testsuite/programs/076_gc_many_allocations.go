// Many short-lived allocations of pointerful and pointer-free objects, with
// a long-lived structure that must survive every collection intact.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	left, right *node
	val         int
}

func build(depth, val int) *node {
	if depth == 0 {
		return &node{val: val}
	}
	return &node{build(depth-1, 2*val), build(depth-1, 2*val+1), val}
}

func (n *node) sum() int {
	if n == nil {
		return 0
	}
	return n.val + n.left.sum() + n.right.sum()
}

func main() {
	keep := build(14, 1)
	want := keep.sum()
	check := 0
	for round := 0; round < 40; round++ {
		t := build(10, round)
		check += t.sum() % 1000
		buf := make([]byte, 64<<10)
		buf[len(buf)-1] = byte(round)
		check += int(buf[len(buf)-1])
		strs := make([]string, 0, 100)
		for i := 0; i < 100; i++ {
			strs = append(strs, fmt.Sprint(i))
		}
		check += len(strs[99])
	}
	runtime.GC()
	fmt.Println(keep.sum() == want, want, check)
}
