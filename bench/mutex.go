// A counter behind a sync.Mutex, incremented by 8 goroutines, 2,000,000
// increments in all: a contended lock handed between goroutines (and, with
// several threads, between threads). Prints the count and a checksum.
package main

import (
	"fmt"
	"sync"
)

const (
	goroutines = 8
	increments = 2000000
)

func main() {
	var mu sync.Mutex
	count := 0
	check := uint64(0)
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < increments/goroutines; i++ {
				mu.Lock()
				count++
				check += uint64(g + 1)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(count, check)
}
