// atomic.Bool: Load/Store/Swap/CompareAndSwap; exactly one of many
// goroutines wins a CompareAndSwap(false, true) race, and a stop flag.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var b atomic.Bool
	fmt.Println("zero:", b.Load())
	b.Store(true)
	fmt.Println("after Store(true):", b.Load())
	fmt.Println("Swap(false) returns:", b.Swap(false), "now:", b.Load())
	fmt.Println("CAS false->true:", b.CompareAndSwap(false, true), "now:", b.Load())
	fmt.Println("CAS false->true again:", b.CompareAndSwap(false, true))

	// Exactly one winner, many times over.
	allOne := true
	for round := 0; round < 50; round++ {
		var claimed atomic.Bool
		var winners atomic.Int32
		var wg sync.WaitGroup
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if claimed.CompareAndSwap(false, true) {
					winners.Add(1)
				}
			}()
		}
		wg.Wait()
		if winners.Load() != 1 {
			allOne = false
		}
	}
	fmt.Println("exactly one winner in every round:", allOne)

	// A stop flag read by workers that yield between checks.
	var stop atomic.Bool
	var ready, iterations atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ready.Add(1)
			for !stop.Load() {
				iterations.Add(1)
				runtime.Gosched()
			}
		}()
	}
	for ready.Load() < 4 {
		runtime.Gosched()
	}
	stop.Store(true)
	wg.Wait()
	fmt.Println("workers stopped:", stop.Load())
}
