// sync.Mutex under heavy contention: eight goroutines each increment a
// shared counter and a shared map 100000 times; no update is lost.
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu     sync.Mutex
	n      int
	byName map[string]int
}

func (c *counter) inc(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	c.byName[name]++
}

func main() {
	c := &counter{byName: map[string]int{}}
	names := []string{"even", "odd"}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100000; i++ {
				c.inc(names[g%2])
			}
		}()
	}
	wg.Wait()
	fmt.Println("total:", c.n)
	fmt.Println("by name:", c.byName)

	// A plain counter with Lock/Unlock pairs and no defer.
	var mu sync.Mutex
	x := 0
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100000; i++ {
				mu.Lock()
				x += 2
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("x:", x)
}
