// parsum4 (a CPU-bound sum split over 4 goroutines) with GOMAXPROCS=1:
// the same goroutines multiplexed onto one thread, so its wall time against
// parsum1's is the cost of the scheduling alone. Prints the total.
// rgo:env GOMAXPROCS=1
package main

import (
	"fmt"
	"sync"
)

const (
	n       = 640000000
	workers = 4
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
