// Buffered channels: sends block only when full, values come out FIFO, and
// len/cap on nil, unbuffered, buffered and closed channels.
package main

import "fmt"

func main() {
	ch := make(chan int, 4)
	fmt.Println("empty: len", len(ch), "cap", cap(ch))
	for i := 1; i <= 4; i++ {
		ch <- i * 10
		fmt.Println("sent", i*10, "len", len(ch))
	}
	select {
	case ch <- 50:
		fmt.Println("sent to a full channel?!")
	default:
		fmt.Println("full: a fifth send would block")
	}
	first, second := <-ch, <-ch
	fmt.Println(first, second, "len", len(ch))
	ch <- 50
	ch <- 60
	var rest []int
	for len(ch) > 0 {
		rest = append(rest, <-ch)
	}
	fmt.Println(rest)

	var nilCh chan int
	unbuf := make(chan int)
	fmt.Println("nil: len", len(nilCh), "cap", cap(nilCh))
	fmt.Println("unbuffered: len", len(unbuf), "cap", cap(unbuf))

	// len counts what is still buffered after close.
	c := make(chan string, 3)
	c <- "x"
	c <- "y"
	close(c)
	fmt.Println("closed: len", len(c), "cap", cap(c))
	v, ok := <-c
	fmt.Println(v, ok, "len", len(c))

	// A buffered channel carries values between goroutines, in order.
	nums := make(chan int, 8)
	done := make(chan []int)
	go func() {
		var got []int
		for v := range nums {
			got = append(got, v)
		}
		done <- got
	}()
	for i := 0; i < 100; i++ {
		nums <- i
	}
	close(nums)
	got := <-done
	inOrder := true
	for i, v := range got {
		if v != i {
			inOrder = false
		}
	}
	fmt.Println("received", len(got), "in order:", inOrder)

	// Directional channel types see the same buffer.
	var send chan<- int = ch
	var recv <-chan int = ch
	send <- 7
	l, c2 := len(send), cap(recv)
	fmt.Println("via directional types:", l, c2, <-recv)

	// Buffered channels of structs and of arrays copy the values.
	type point struct{ x, y int }
	pc := make(chan point, 2)
	p := point{1, 2}
	pc <- p
	p.x = 100
	fmt.Println(<-pc, p)
	ac := make(chan [3]int, 1)
	arr := [3]int{1, 2, 3}
	ac <- arr
	arr[0] = 9
	fmt.Println(<-ac, arr)
}
