// A counting semaphore made of a buffered channel: at most three of twenty
// goroutines are inside the guarded section at any time.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	const limit = 3
	sem := make(chan struct{}, limit)
	var inside, peak atomic.Int32
	var done atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{} // acquire
			n := inside.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(2 * time.Millisecond)
			inside.Add(-1)
			done.Add(1)
			<-sem // release
		}()
	}
	wg.Wait()
	fmt.Println("finished:", done.Load())
	fmt.Println("peak within limit:", peak.Load() >= 1 && peak.Load() <= limit)
	fmt.Println("semaphore empty:", len(sem) == 0, "capacity:", cap(sem))

	// TryAcquire with select/default.
	for i := 0; i < 5; i++ {
		select {
		case sem <- struct{}{}:
			fmt.Println("acquired", i)
		default:
			fmt.Println("would block", i)
		}
	}
}
