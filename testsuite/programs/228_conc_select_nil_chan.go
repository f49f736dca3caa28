// nil channels in select are never ready: setting a channel variable to nil
// disables its case (merging inputs until all are closed, a relay queue).
package main

import (
	"fmt"
	"sort"
	"time"
)

func source(vals ...int) <-chan int {
	c := make(chan int)
	go func() {
		for _, v := range vals {
			c <- v
		}
		close(c)
	}()
	return c
}

func main() {
	a := source(1, 3, 5, 7)
	b := source(2, 4)
	var got []int
	closedA, closedB := false, false
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				closedA = true
				continue
			}
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				closedB = true
				continue
			}
			got = append(got, v)
		}
	}
	sort.Ints(got)
	fmt.Println("merged:", got, closedA, closedB)

	// Sends to a nil channel are never chosen either.
	var out chan int
	in := make(chan int, 1)
	in <- 42
	select {
	case out <- 1:
		fmt.Println("sent to nil?!")
	case v := <-in:
		fmt.Println("received", v, "instead of sending to nil")
	}

	// Only nil channels: the default case runs.
	var n1, n2 chan string
	select {
	case s := <-n1:
		fmt.Println(s)
	case n2 <- "x":
		fmt.Println("sent")
	default:
		fmt.Println("default with only nil channels")
	}

	// Only nil channels plus a timeout: the timeout fires.
	select {
	case <-n1:
		fmt.Println("nil ready?!")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout with only nil channels")
	}

	// A send case enabled only while there is something to send: a relay
	// with an unbounded queue between its input and its output.
	input := make(chan int)
	output := make(chan int)
	go func() {
		var queue []int
		in := input
		for in != nil || len(queue) > 0 {
			var sendCh chan int
			var next int
			if len(queue) > 0 {
				sendCh = output
				next = queue[0]
			}
			select {
			case v, ok := <-in:
				if !ok {
					in = nil
					continue
				}
				queue = append(queue, v)
			case sendCh <- next:
				queue = queue[1:]
			}
		}
		close(output)
	}()
	go func() {
		for i := 1; i <= 5; i++ {
			input <- i * 10
		}
		close(input)
	}()
	var relayed []int
	for v := range output {
		relayed = append(relayed, v)
	}
	fmt.Println("relayed in order:", relayed)
}
