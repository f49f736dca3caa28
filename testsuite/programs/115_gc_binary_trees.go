// rgo:timeout 180
// A binary-trees style workload: trees of depth 4 to 14 built and
// discarded many times while a long-lived tree of depth 12, built first,
// is kept and checked at the end (structure, items and every node's
// payload). Every node of the discarded trees must be reclaimed; the
// long-lived tree must come through intact. (The longer timeout is for
// runs under RGO_GCSTRESS, which collect every few allocations.)
package main

import (
	"fmt"
	"runtime"
)

// Nodes carry a payload so that hundreds of megabytes go through the
// collector without tens of millions of allocations.
type node struct {
	left, right *node
	item        int
	payload     [61]int
}

func newNode(l, r *node, item int) *node {
	n := &node{left: l, right: r, item: item}
	n.payload[0] = item
	n.payload[30] = item * 3
	n.payload[60] = -item
	return n
}

func bottomUp(depth, item int) *node {
	if depth <= 0 {
		return newNode(nil, nil, item)
	}
	return newNode(bottomUp(depth-1, 2*item-1), bottomUp(depth-1, 2*item), item)
}

func (n *node) check() int {
	if n.left == nil {
		return n.item
	}
	return n.item + n.left.check() - n.right.check()
}

func (n *node) count() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.count() + n.right.count()
}

// shape hashes the whole tree: structure, items and payloads.
func (n *node) shape(h uint64) uint64 {
	if n == nil {
		return h*31 + 7
	}
	h = (h ^ uint64(n.item)) * 1099511628211
	for i, x := range n.payload {
		switch i {
		case 0:
			x -= n.item
		case 30:
			x -= n.item * 3
		case 60:
			x += n.item
		}
		if x != 0 {
			return 0 // corrupted
		}
	}
	return n.right.shape(n.left.shape(h))
}

func main() {
	const minDepth, maxDepth, longDepth = 4, 14, 12

	stretch := bottomUp(maxDepth+1, 0)
	fmt.Printf("stretch tree of depth %d\t check: %d\n", maxDepth+1, stretch.check())
	stretch = nil

	longLived := bottomUp(longDepth, 0)
	wantShape := longLived.shape(0)

	for d := minDepth; d <= maxDepth; d += 2 {
		iterations := 1 << (maxDepth - d + minDepth - 2)
		check := 0
		for i := 1; i <= iterations; i++ {
			check += bottomUp(d, i).check()
			check += bottomUp(d, -i).check()
		}
		fmt.Printf("%d\t trees of depth %d\t check: %d\n", 2*iterations, d, check)
		runtime.GC()
	}
	fmt.Printf("long lived tree of depth %d\t check: %d\t nodes: %d\t intact: %v\n",
		longDepth, longLived.check(), longLived.count(), wantShape != 0 && longLived.shape(0) == wantShape)

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
