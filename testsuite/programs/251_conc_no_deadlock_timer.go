// Not a deadlock: main blocks on a channel a goroutine sends on after
// time.Sleep; with a timer pending nothing is reported and the program ends.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ch := make(chan string)
	go func() {
		time.Sleep(50 * time.Millisecond)
		ch <- "woke up and sent"
	}()
	fmt.Println(<-ch)

	// The same with main in WaitGroup.Wait and in a select with no timeout.
	var wg sync.WaitGroup
	wg.Add(1)
	time.AfterFunc(30*time.Millisecond, wg.Done)
	wg.Wait()
	fmt.Println("WaitGroup released by a timer")

	a, b := make(chan int), make(chan int)
	go func() {
		time.Sleep(30 * time.Millisecond)
		b <- 2
	}()
	select {
	case v := <-a:
		fmt.Println("a", v)
	case v := <-b:
		fmt.Println("b", v)
	}

	// A Mutex released by a goroutine after a sleep.
	var mu sync.Mutex
	mu.Lock()
	go func() {
		time.Sleep(30 * time.Millisecond)
		mu.Unlock()
	}()
	mu.Lock()
	fmt.Println("mutex acquired after sleep")
}
