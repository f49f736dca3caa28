// time.After as a timeout in select: a channel nobody sends on times out,
// a quick reply beats a long timeout, and a timeout inside a loop.
package main

import (
	"fmt"
	"time"
)

func main() {
	never := make(chan int)
	start := time.Now()
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	case t := <-time.After(50 * time.Millisecond):
		fmt.Println("timed out; value is a time after start:", !t.Before(start))
	}
	fmt.Println("elapsed >= 50ms:", time.Since(start) >= 50*time.Millisecond)

	reply := make(chan string, 1)
	go func() { reply <- "pong" }()
	select {
	case r := <-reply:
		fmt.Println("reply:", r)
	case <-time.After(5 * time.Second):
		fmt.Println("timed out")
	}

	// A worker slower than the deadline, then one that is faster.
	for _, work := range []time.Duration{200 * time.Millisecond, time.Millisecond} {
		res := make(chan time.Duration, 1)
		go func() {
			time.Sleep(work)
			res <- work
		}()
		select {
		case d := <-res:
			fmt.Println("finished work of", d)
		case <-time.After(60 * time.Millisecond):
			fmt.Println("gave up on work of", work)
		}
	}

	// An overall deadline for a loop of receives.
	ticks := make(chan int)
	go func() {
		for i := 0; ; i++ {
			ticks <- i
			time.Sleep(5 * time.Millisecond)
			if i == 3 {
				return
			}
		}
	}()
	deadline := time.After(150 * time.Millisecond)
	got := 0
loop:
	for {
		select {
		case <-ticks:
			got++
		case <-deadline:
			break loop
		}
	}
	fmt.Println("received before deadline:", got)
}
