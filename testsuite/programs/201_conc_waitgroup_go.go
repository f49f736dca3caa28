// sync.WaitGroup.Go (Go 1.25): it adds one, runs the function in a new
// goroutine and calls Done when it returns, even when it calls Goexit.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	results := make([]string, 6)
	for i := range results {
		wg.Go(func() {
			results[i] = fmt.Sprintf("task%d", i)
		})
	}
	wg.Wait()
	fmt.Println(results)

	// A function started with Go may itself use Go on the same WaitGroup.
	var count atomic.Int32
	for i := 0; i < 4; i++ {
		wg.Go(func() {
			count.Add(1)
			for j := 0; j < 5; j++ {
				wg.Go(func() { count.Add(10) })
			}
		})
	}
	wg.Wait()
	fmt.Println("count:", count.Load())

	// Done is deferred: Goexit in the function still releases Wait.
	var exited atomic.Bool
	wg.Go(func() {
		defer exited.Store(true)
		runtime.Goexit()
	})
	wg.Wait()
	fmt.Println("goexit released wait:", exited.Load())
}
