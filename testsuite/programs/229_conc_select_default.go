// select with a default case never blocks: non-blocking sends to a full
// channel and non-blocking receives from an empty one take the default.
package main

import (
	"fmt"
	"runtime"
)

func trySend(c chan int, v int) bool {
	select {
	case c <- v:
		return true
	default:
		return false
	}
}

func tryRecv(c chan int) (int, bool) {
	select {
	case v := <-c:
		return v, true
	default:
		return 0, false
	}
}

func main() {
	c := make(chan int, 3)
	accepted := 0
	for i := 0; i < 10; i++ {
		if trySend(c, i) {
			accepted++
		}
	}
	fmt.Println("accepted:", accepted, "len:", len(c))
	for {
		v, ok := tryRecv(c)
		if !ok {
			break
		}
		fmt.Println("got", v)
	}
	_, ok := tryRecv(c)
	fmt.Println("receive from empty:", ok)

	// Unbuffered with nobody waiting: both directions take the default.
	u := make(chan int)
	fmt.Println("send to unbuffered without receiver:", trySend(u, 1))
	_, ok = tryRecv(u)
	fmt.Println("receive from unbuffered without sender:", ok)

	// Unbuffered with a receiver parked: a non-blocking send succeeds
	// once the receiver is waiting.
	got := make(chan int)
	go func() { got <- <-u }()
	sent := false
	for !sent {
		sent = trySend(u, 99)
		if !sent {
			runtime.Gosched()
		}
	}
	fmt.Println("send to parked receiver:", <-got)

	// Polling loop: work until a quit signal, checked without blocking.
	quit := make(chan struct{})
	work := 0
	for {
		select {
		case <-quit:
			fmt.Println("quit after", work, "units")
			return
		default:
			work++
			if work == 5 {
				close(quit)
			}
		}
	}
}
