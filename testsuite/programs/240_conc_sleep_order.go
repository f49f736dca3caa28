// Goroutines sleeping for different durations wake in deadline order; the
// order is recorded by each sleeper on waking (deadlines 25ms apart).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var order []string
	var wg sync.WaitGroup
	start := time.Now()
	durations := map[string]time.Duration{
		"c": 75 * time.Millisecond,
		"a": 25 * time.Millisecond,
		"d": 100 * time.Millisecond,
		"b": 50 * time.Millisecond,
	}
	for name, d := range durations {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(d)
			mu.Lock()
			order = append(order, name)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("wake-up order:", order)
	fmt.Println("elapsed >= 100ms:", time.Since(start) >= 100*time.Millisecond)

	// Sleep(0) and negative durations return immediately.
	t := time.Now()
	time.Sleep(0)
	time.Sleep(-time.Second)
	fmt.Println("zero/negative sleep quick:", time.Since(t) < time.Second)

	// Main sleeps while a goroutine counts: the goroutine's sends happen
	// during main's sleep.
	ch := make(chan int, 100)
	go func() {
		for i := 0; i < 100; i++ {
			ch <- i
		}
	}()
	time.Sleep(30 * time.Millisecond)
	fmt.Println("buffered during sleep:", len(ch))
}
