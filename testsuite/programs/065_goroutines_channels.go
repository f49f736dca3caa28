package main

import (
	"fmt"
	"sync"
)

func producer(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go producer(5, ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()

	results := make([]int, 8)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)

	var mu sync.Mutex
	total := 0
	var wg2 sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg2.Add(1)
		go func(k int) {
			defer wg2.Done()
			mu.Lock()
			total += k
			mu.Unlock()
		}(i)
	}
	wg2.Wait()
	fmt.Println(total)

	done := make(chan struct{})
	msgs := make(chan string, 3)
	go func() {
		for m := range msgs {
			fmt.Println("got", m)
		}
		close(done)
	}()
	msgs <- "a"
	msgs <- "b"
	close(msgs)
	<-done
	v, ok := <-msgs
	fmt.Printf("%q %v %d %d\n", v, ok, len(msgs), cap(msgs))
}
