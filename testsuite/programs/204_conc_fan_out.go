// Fan-out: one producer, several consumers reading the same channel; each
// value is received by exactly one consumer, so the totals add up.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const consumers = 5
	const n = 10000
	work := make(chan int, 16)
	go func() {
		for i := 1; i <= n; i++ {
			work <- i
		}
		close(work)
	}()

	sums := make([]int, consumers)
	counts := make([]int, consumers)
	seen := make([][]int, consumers)
	var wg sync.WaitGroup
	for c := 0; c < consumers; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range work {
				sums[c] += v
				counts[c]++
				seen[c] = append(seen[c], v)
			}
		}()
	}
	wg.Wait()

	total, count := 0, 0
	for c := 0; c < consumers; c++ {
		total += sums[c]
		count += counts[c]
	}
	fmt.Println("received:", count, "sum:", total, "want:", n*(n+1)/2)

	once := make([]int, n+1)
	increasing := true
	for _, vs := range seen {
		for i, v := range vs {
			once[v]++
			if i > 0 && vs[i-1] >= v {
				increasing = false
			}
		}
	}
	dup := false
	for _, k := range once[1:] {
		if k != 1 {
			dup = true
		}
	}
	fmt.Println("each value exactly once:", !dup)
	fmt.Println("each consumer saw increasing values:", increasing)
}
