// A CPU-bound sum over 640M integers, each mixed by a 64-bit hash, done by
// one goroutine: no allocation, no sharing. parsum4 does the same work split
// over 4 goroutines; the ratio of their wall times is the parallel speed-up.
// Prints the total.
package main

import (
	"fmt"
	"sync"
)

const (
	n       = 640000000
	workers = 1
)

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func sum(lo, hi uint64) uint64 {
	var s uint64
	for i := lo; i < hi; i++ {
		s += mix(i) >> 8
	}
	return s
}

func main() {
	partial := make([]uint64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			partial[w] = sum(uint64(w)*n/workers, uint64(w+1)*n/workers)
		}()
	}
	wg.Wait()
	var total uint64
	for _, p := range partial {
		total += p
	}
	fmt.Println(total)
}
