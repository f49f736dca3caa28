// rgo:env GOMAXPROCS=3
// runtime.GOMAXPROCS returns the previous setting (0 or a negative value
// only queries), the environment sets the initial value, NumCPU is positive.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("NumCPU > 0:", runtime.NumCPU() > 0)
	fmt.Println("initial:", runtime.GOMAXPROCS(0))
	fmt.Println("set 2, previous:", runtime.GOMAXPROCS(2))
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	fmt.Println("query with -1:", runtime.GOMAXPROCS(-1))
	fmt.Println("set 1, previous:", runtime.GOMAXPROCS(1))

	// Work still completes with one processor.
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for g := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i <= 1000*(g+1); i++ {
				sums[g] += i
			}
		}()
	}
	wg.Wait()
	fmt.Println("sums:", sums)

	fmt.Println("set 8, previous:", runtime.GOMAXPROCS(8))
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	for g := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[g] = 0
			for i := 0; i <= 2000*(g+1); i++ {
				sums[g] += i
			}
		}()
	}
	wg.Wait()
	fmt.Println("sums:", sums)
	fmt.Println("set 3, previous:", runtime.GOMAXPROCS(3))
	fmt.Println("final:", runtime.GOMAXPROCS(0))
}
