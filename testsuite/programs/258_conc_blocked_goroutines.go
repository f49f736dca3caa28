// 10000 goroutines all blocked at the same time (on a shared channel, on
// their own channels, on a mutex) and then released; none is lost.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	const n = 10000
	gate := make(chan struct{})
	results := make(chan int, n)
	var ready sync.WaitGroup
	for i := 0; i < n; i++ {
		ready.Add(1)
		go func() {
			ready.Done()
			<-gate
			results <- i
		}()
	}
	ready.Wait()
	fmt.Println("NumGoroutine > n while blocked:", runtime.NumGoroutine() > n)
	close(gate)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-results
	}
	fmt.Println("released by close, sum:", sum)

	// Each blocked on its own unbuffered channel, released one by one in
	// reverse order.
	chans := make([]chan int, n)
	done := make(chan int)
	for i := range chans {
		chans[i] = make(chan int)
		go func() {
			v := <-chans[i]
			done <- v + i
		}()
	}
	total := 0
	for i := n - 1; i >= 0; i-- {
		chans[i] <- 1
		total += <-done
	}
	fmt.Println("released one by one, total:", total)

	// All waiting on one mutex held by main.
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	mu.Lock()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			count++
			mu.Unlock()
		}()
	}
	mu.Unlock()
	wg.Wait()
	fmt.Println("through the mutex:", count)
}
