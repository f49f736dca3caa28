// select over many channels: eight ready cases are chosen at random (each
// one at some point), and every value sent on any of them is received.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var cs [8]chan int
	for i := range cs {
		cs[i] = make(chan int, 1)
	}
	// All eight always ready: count how often each case is picked.
	var picked [8]int
	for i := 0; i < 8000; i++ {
		for k := range cs {
			if len(cs[k]) == 0 {
				cs[k] <- k
			}
		}
		select {
		case v := <-cs[0]:
			picked[v]++
		case v := <-cs[1]:
			picked[v]++
		case v := <-cs[2]:
			picked[v]++
		case v := <-cs[3]:
			picked[v]++
		case v := <-cs[4]:
			picked[v]++
		case v := <-cs[5]:
			picked[v]++
		case v := <-cs[6]:
			picked[v]++
		case v := <-cs[7]:
			picked[v]++
		}
	}
	everyCase, total := true, 0
	for _, n := range picked {
		total += n
		if n == 0 {
			everyCase = false
		}
	}
	fmt.Println("selects:", total, "every case chosen at least once:", everyCase)

	// Eight producers, one consumer selecting over all of them.
	for k := range cs {
		cs[k] = make(chan int)
	}
	var wg sync.WaitGroup
	for k := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; i <= 100; i++ {
				cs[k] <- k*1000 + i
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	sum, count := 0, 0
	var perChan [8]int
	recv := func(v int) {
		sum += v
		count++
		perChan[v/1000]++
	}
loop:
	for {
		select {
		case v := <-cs[0]:
			recv(v)
		case v := <-cs[1]:
			recv(v)
		case v := <-cs[2]:
			recv(v)
		case v := <-cs[3]:
			recv(v)
		case v := <-cs[4]:
			recv(v)
		case v := <-cs[5]:
			recv(v)
		case v := <-cs[6]:
			recv(v)
		case v := <-cs[7]:
			recv(v)
		case <-done:
			break loop
		}
	}
	fmt.Println("received:", count, "sum:", sum, "per channel:", perChan)

	// Mixed sends and receives in one select.
	in := make(chan int, 1)
	out := make(chan int, 1)
	in <- 5
	// Both cases are ready at first, so they may run in either order.
	var events []string
	for i := 0; i < 2; i++ {
		select {
		case v := <-in:
			events = append(events, fmt.Sprint("received ", v))
		case out <- 6:
			events = append(events, "sent 6")
		}
	}
	sort.Strings(events)
	fmt.Println(events, "buffered after both:", len(in), len(out))
}
