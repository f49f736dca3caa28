// rgo:env GOMAXPROCS=1
// With one processor, goroutines spinning in loops without calls must be
// preempted so that main's sleep ends and it can stop them.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	var done atomic.Bool
	var wg sync.WaitGroup
	var ready atomic.Int32
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ready.Add(1)
			for !done.Load() {
			}
		}()
	}
	start := time.Now()
	time.Sleep(50 * time.Millisecond)
	done.Store(true)
	wg.Wait()
	fmt.Println("spinners stopped:", ready.Load())
	fmt.Println("elapsed >= 50ms:", time.Since(start) >= 50*time.Millisecond)

	// main itself busy-waits on a flag that only a (sleeping) goroutine
	// sets: the timer must fire and the goroutine run while main spins.
	var flag atomic.Bool
	go func() {
		time.Sleep(20 * time.Millisecond)
		flag.Store(true)
	}()
	for !flag.Load() {
	}
	fmt.Println("main's spin ended")
}
