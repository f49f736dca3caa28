// time.AfterFunc runs its function in its own goroutine; Stop before it fires
// returns true and it never runs, Stop after it fired returns false.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	// The callback may block (here on a channel main feeds later) without
	// holding up main: it runs in a goroutine of its own.
	in := make(chan int)
	out := make(chan int)
	start := time.Now()
	t := time.AfterFunc(20*time.Millisecond, func() {
		v := <-in
		out <- v * 2
	})
	time.Sleep(40 * time.Millisecond)
	in <- 21
	fmt.Println("callback result:", <-out)
	fmt.Println("elapsed >= 20ms:", time.Since(start) >= 20*time.Millisecond)
	fmt.Println("Stop after it fired:", t.Stop())
	fmt.Println("AfterFunc timer has no channel:", t.C == nil)

	// Stopped before firing: never runs.
	var ran atomic.Bool
	t2 := time.AfterFunc(30*time.Millisecond, func() { ran.Store(true) })
	fmt.Println("Stop before firing:", t2.Stop())
	fmt.Println("Stop again:", t2.Stop())
	time.Sleep(60 * time.Millisecond)
	fmt.Println("stopped callback ran:", ran.Load())

	// Several callbacks fire in deadline order.
	order := make(chan string, 3)
	time.AfterFunc(60*time.Millisecond, func() { order <- "third" })
	time.AfterFunc(20*time.Millisecond, func() { order <- "first" })
	time.AfterFunc(40*time.Millisecond, func() { order <- "second" })
	fmt.Println(<-order, <-order, <-order)

	// A callback can start another AfterFunc.
	chain := make(chan int)
	var step func(n int)
	step = func(n int) {
		if n == 3 {
			chain <- n
			return
		}
		time.AfterFunc(time.Millisecond, func() { step(n + 1) })
	}
	step(0)
	fmt.Println("chain reached:", <-chain)

	// A zero or negative duration fires right away (in another goroutine).
	now := make(chan bool)
	time.AfterFunc(-time.Second, func() { now <- true })
	fmt.Println("negative duration fired:", <-now)
}
