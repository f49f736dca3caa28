// A goroutine spinning in a loop without calls (only an atomic flag read) does
// not keep main from waking from its sleep and stopping it.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var done atomic.Bool
	started := make(chan struct{})
	result := make(chan uint64)
	go func() {
		close(started)
		var n uint64
		for !done.Load() {
			n++
		}
		result <- n
	}()
	<-started
	start := time.Now()
	time.Sleep(50 * time.Millisecond)
	done.Store(true)
	<-result
	fmt.Println("spinner stopped")
	fmt.Println("slept at least 50ms:", time.Since(start) >= 50*time.Millisecond)

	// Two spinners of the other style: an endless counting loop that
	// checks the flag only every 2^20 iterations.
	var stop atomic.Bool
	finished := make(chan int)
	for id := 0; id < 2; id++ {
		go func() {
			x := 0
			for {
				x++
				if x&(1<<20-1) == 0 && stop.Load() {
					break
				}
			}
			finished <- id
		}()
	}
	time.Sleep(50 * time.Millisecond)
	stop.Store(true)
	a, b := <-finished, <-finished
	fmt.Println("both stopped:", a+b == 1)
}
