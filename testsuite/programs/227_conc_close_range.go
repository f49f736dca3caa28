// Closing a channel: range ends, buffered values still arrive, later receives
// give the zero value with ok == false, and close wakes all blocked receivers.
package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			ch <- i
		}
		close(ch)
	}()
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println("range sum:", sum)
	v, ok := <-ch
	fmt.Println("after close:", v, ok)
	v, ok = <-ch
	fmt.Println("again:", v, ok)

	buf := make(chan string, 3)
	buf <- "a"
	buf <- "b"
	close(buf)
	for i := 0; i < 4; i++ {
		s, ok := <-buf
		fmt.Printf("%q %v\n", s, ok)
	}

	type pair struct {
		n int
		s string
	}
	pc := make(chan *pair)
	close(pc)
	p, ok := <-pc
	fmt.Println("pointer zero:", p == nil, ok)
	sc := make(chan pair, 1)
	close(sc)
	fmt.Printf("struct zero: %+v\n", <-sc)

	// close as a broadcast: all ten blocked receivers wake up.
	start := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	woken := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, ok := <-start
			mu.Lock()
			if !ok {
				woken++
			}
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println("woken by close:", woken)

	// A closed channel is always ready in select.
	n := 0
	for i := 0; i < 3; i++ {
		select {
		case <-start:
			n++
		default:
		}
	}
	fmt.Println("closed channel ready in select:", n)

	// Range over a channel closed by the receiving side's request.
	quit := make(chan struct{})
	data := make(chan int)
	go func() {
		defer close(data)
		for i := 0; ; i++ {
			select {
			case data <- i:
			case <-quit:
				return
			}
		}
	}()
	total := 0
	for v := range data {
		total += v
		if v == 9 {
			close(quit)
			break
		}
	}
	fmt.Println("total before quit:", total)
}
