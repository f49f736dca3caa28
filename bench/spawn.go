// Spawns and joins 1,000,000 short goroutines, 1,000 at a time, each adding
// to a shared counter with an atomic add and signalling a sync.WaitGroup.
// Measures goroutine creation, start-up and exit. Prints the counter.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const (
	total = 1000000
	batch = 1000
)

func main() {
	var sum atomic.Int64
	var wg sync.WaitGroup
	for b := 0; b < total/batch; b++ {
		for i := 0; i < batch; i++ {
			wg.Add(1)
			go func(v int) {
				sum.Add(int64(v%1000 + 1))
				wg.Done()
			}(b*batch + i)
		}
		wg.Wait()
	}
	fmt.Println(total, sum.Load())
}
