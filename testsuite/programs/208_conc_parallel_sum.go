// rgo:env GOMAXPROCS=4
// Parallel sum of a large slice by four goroutines, each over its own
// quarter, with four processors: the total is the same as a serial sum.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	const n = 4_000_000
	data := make([]int64, n)
	for i := range data {
		data[i] = int64(i%1000) - 300
	}

	var serial int64
	for _, v := range data {
		serial += v
	}

	const parts = 4
	var partial [parts]int64
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		lo, hi := p*n/parts, (p+1)*n/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s int64
			for _, v := range data[lo:hi] {
				s += v
			}
			partial[p] = s
		}()
	}
	wg.Wait()
	var total int64
	for _, s := range partial {
		total += s
	}
	fmt.Println("partials:", partial)
	fmt.Println("total:", total, "serial:", serial, "equal:", total == serial)

	// Parallel dot product writing into distinct elements of a shared slice.
	squares := make([]float64, 1000)
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := p; i < len(squares); i += parts {
				squares[i] = float64(i) * float64(i)
			}
		}()
	}
	wg.Wait()
	var sum float64
	for _, v := range squares {
		sum += v
	}
	fmt.Println("sum of squares:", sum)
}
