// runtime.LockOSThread/UnlockOSThread from init, nested in goroutines, and a
// goroutine exiting while locked: the program simply completes.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func init() {
	runtime.LockOSThread()
}

func main() {
	fmt.Println("main runs locked to its thread")
	results := make(chan int, 4)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			runtime.LockOSThread() // nested: needs two unlocks
			sum := 0
			for k := 0; k <= 1000*i; k++ {
				sum += k
			}
			runtime.UnlockOSThread()
			runtime.UnlockOSThread()
			results <- sum
		}()
	}
	wg.Wait()
	close(results)
	total := 0
	for s := range results {
		total += s
	}
	fmt.Println("total:", total)

	// A goroutine that exits while locked (gc then ends its thread).
	done := make(chan string)
	go func() {
		runtime.LockOSThread()
		done <- "locked goroutine exiting"
	}()
	fmt.Println(<-done)

	// Locked goroutines can still block on channels and sleep-free
	// handoffs with others.
	ping := make(chan int)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for v := range ping {
			ping <- v + 1
			if v > 100 {
				return
			}
		}
	}()
	v := 0
	for v <= 100 {
		ping <- v
		v = <-ping
	}
	fmt.Println("ping-pong with locked goroutine:", v)

	runtime.UnlockOSThread()
	runtime.UnlockOSThread() // extra unlock is a no-op
	fmt.Println("unlocked")
}
