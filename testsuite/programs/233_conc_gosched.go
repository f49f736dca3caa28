// rgo:env GOMAXPROCS=1
// runtime.Gosched yields the processor: with one processor, goroutines
// that yield in their loops all make progress and finish.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	// main waits for a flag by yielding, not by blocking.
	var flag atomic.Bool
	go func() { flag.Store(true) }()
	spins := 0
	for !flag.Load() {
		runtime.Gosched()
		spins++
	}
	fmt.Println("flag set by the other goroutine")

	// Three goroutines take turns through a shared turn counter, yielding
	// while it is not their turn.
	var turn atomic.Int32
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for id := 0; id < 3; id++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 4; round++ {
				for int(turn.Load())%3 != id {
					runtime.Gosched()
				}
				mu.Lock()
				order = append(order, id)
				mu.Unlock()
				turn.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("turns:", order)

	// Gosched with nothing else to run returns at once.
	for i := 0; i < 1000; i++ {
		runtime.Gosched()
	}
	fmt.Println("done")
}
