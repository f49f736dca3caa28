// runtime.NumGoroutine counts live user goroutines: 1 at start, more while
// some are blocked, back to 1 once they have all exited.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func settle(want int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 1000 && n != want; i++ {
		runtime.Gosched()
		time.Sleep(time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}

func main() {
	fmt.Println("at start:", runtime.NumGoroutine())

	release := make(chan struct{})
	var started, finished sync.WaitGroup
	for i := 0; i < 10; i++ {
		started.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			started.Done()
			<-release
		}()
	}
	started.Wait()
	fmt.Println("with 10 blocked:", runtime.NumGoroutine())
	close(release)
	finished.Wait()
	fmt.Println("after they exit:", settle(1))

	// Goroutines ended by Goexit and by returning after a recovered panic
	// are gone too.
	for i := 0; i < 5; i++ {
		finished.Add(2)
		go func() {
			defer finished.Done()
			runtime.Goexit()
		}()
		go func() {
			defer finished.Done()
			defer func() { recover() }()
			panic("x")
		}()
	}
	finished.Wait()
	fmt.Println("after Goexit and recovered panics:", settle(1))

	// A goroutine blocked forever stays counted.
	go func() { select {} }()
	fmt.Println("one parked forever:", settle(2))
}
