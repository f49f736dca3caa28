package main

import (
	"fmt"
	"time"
)

func slow(d time.Duration, v string) <-chan string {
	c := make(chan string, 1)
	go func() {
		time.Sleep(d)
		c <- v
	}()
	return c
}

func main() {
	select {
	case v := <-slow(200*time.Millisecond, "slow"):
		fmt.Println(v)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out")
	}
	select {
	case v := <-slow(5*time.Millisecond, "fast"):
		fmt.Println(v)
	case <-time.After(2 * time.Second):
		fmt.Println("timed out")
	}

	// Sleeping goroutines wake in deadline order.
	out := make(chan int)
	for _, ms := range []int{30, 10, 20} {
		go func() {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			out <- ms
		}()
	}
	fmt.Println(<-out, <-out, <-out)

	t := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t.Stop(), t.Stop())

	tick := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range tick.C {
		n++
		if n == 3 {
			tick.Stop()
			break
		}
	}
	fmt.Println("ticks:", n)

	fired := make(chan string)
	time.AfterFunc(time.Millisecond, func() { fired <- "after func" })
	fmt.Println(<-fired)

	// Polling with default.
	c := make(chan int, 1)
	for i := 0; i < 3; i++ {
		select {
		case c <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full at", i)
		}
	}
}
