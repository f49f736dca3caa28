// Large objects (over 32 KiB) of many sizes, pointer-free and pointerful,
// allocated and dropped in a loop with a few kept at a time. Dropped ones
// must be reclaimed (the heap would pass a gigabyte otherwise); kept ones,
// including small objects reachable only through a large pointer array,
// must keep their contents.
package main

import (
	"fmt"
	"runtime"
)

type item struct {
	id int
	sq int
}

type kept struct {
	seed  int
	bytes []byte  // pointer-free large object
	items []*item // large array of pointers: the only references to the items
	words *[10000]uint64
}

func sizeFor(i int) int {
	// 32 KiB + 1 up to about 3 MiB, spread across many page counts
	return 32<<10 + 1 + (i*7919)%(3<<20)
}

func fill(b []byte, seed int) {
	x := uint32(seed*2654435761 + 1)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
}

func sum(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

func newKept(seed int) (*kept, uint32) {
	k := &kept{seed: seed, bytes: make([]byte, sizeFor(seed))}
	fill(k.bytes, seed)
	k.items = make([]*item, 4200+seed%500) // over 32 KiB
	for i := range k.items {
		k.items[i] = &item{id: seed*100000 + i, sq: i * i}
	}
	k.words = new([10000]uint64)
	for i := range k.words {
		k.words[i] = uint64(seed) * uint64(i+1)
	}
	return k, sum(k.bytes)
}

func (k *kept) ok(want uint32) bool {
	if sum(k.bytes) != want || len(k.bytes) != sizeFor(k.seed) {
		return false
	}
	for i, it := range k.items {
		if it.id != k.seed*100000+i || it.sq != i*i {
			return false
		}
	}
	for i, w := range k.words {
		if w != uint64(k.seed)*uint64(i+1) {
			return false
		}
	}
	return true
}

var sink []byte
var sinkPtrs []*item

func main() {
	const slots = 8
	var live [slots]*kept
	var wants [slots]uint32
	allOK := true
	checked := 0
	for i := 0; i < 450; i++ {
		// garbage: one large pointer-free and, every fourth round, one
		// large pointerful object
		b := make([]byte, sizeFor(i+12345))
		b[len(b)-1] = byte(i)
		sink = b
		if i%4 == 0 {
			p := make([]*item, 8192)
			p[i%8192] = &item{id: i}
			sinkPtrs = p
		}
		// every tenth round replace a kept object, checking the old one
		if i%10 == 0 {
			s := (i / 10) % slots
			if live[s] != nil {
				allOK = allOK && live[s].ok(wants[s])
				checked++
			}
			live[s], wants[s] = newKept(i)
		}
		if i%50 == 0 {
			runtime.GC()
		}
	}
	sink, sinkPtrs = nil, nil
	runtime.GC()
	for s := range live {
		allOK = allOK && live[s].ok(wants[s])
		checked++
	}
	fmt.Println("kept large objects intact:", allOK, checked)

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
