// rgo:env RGO_GCSTRESS=2000
// 100000 goroutines each add to an atomic counter and are joined with a
// WaitGroup.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	const n = 100000
	var counter atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter.Add(int64(i))
		}()
	}
	wg.Wait()
	fmt.Println("goroutines:", n, "sum:", counter.Load(), "want:", int64(n)*(n-1)/2)

	// Again with wg.Go and a per-goroutine result slot.
	slots := make([]int32, n)
	for i := range slots {
		wg.Go(func() { slots[i] = int32(i % 7) })
	}
	wg.Wait()
	sum := 0
	for _, s := range slots {
		sum += int(s)
	}
	fmt.Println("slots sum:", sum)
}
