// 100,000 goroutines alive at once, each blocked receiving on its own
// channel; once all are waiting, each is sent a value, and all are joined.
// Measures the memory a parked goroutine costs (peak RSS) and the cost of
// parking and waking them. Prints a checksum.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const goroutines = 100000

func main() {
	var ready, done sync.WaitGroup
	var sum atomic.Int64
	chans := make([]chan int, goroutines)
	for i := range chans {
		ch := make(chan int)
		chans[i] = ch
		ready.Add(1)
		done.Add(1)
		go func() {
			ready.Done()
			v := <-ch
			sum.Add(int64(v*(i%7+1)) % 1000)
			done.Done()
		}()
	}
	ready.Wait()
	for i, ch := range chans {
		ch <- i
	}
	done.Wait()
	fmt.Println(goroutines, sum.Load())
}
