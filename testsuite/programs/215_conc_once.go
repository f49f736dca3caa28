// sync.Once: among many goroutines the function runs exactly once and all
// callers return after it finished; a panicking function still counts.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	once   sync.Once
	values map[string]int
}

var loads atomic.Int32

func (c *config) get(key string) int {
	c.once.Do(func() {
		loads.Add(1)
		c.values = map[string]int{"a": 1, "b": 2, "c": 3}
	})
	return c.values[key]
}

func main() {
	c := &config{}
	var wg sync.WaitGroup
	sums := make([]int, 16)
	for g := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, k := range []string{"a", "b", "c", "d"} {
				sums[g] += c.get(k)
			}
		}()
	}
	wg.Wait()
	fmt.Println("loads:", loads.Load(), "sums:", sums)

	// A second Do with a different function does nothing.
	c.once.Do(func() { fmt.Println("not printed") })
	fmt.Println("second Do skipped")

	// If f panics, Do considers it returned: later calls do not run f.
	var once sync.Once
	calls := 0
	for i := 0; i < 3; i++ {
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("recovered:", r)
				}
			}()
			once.Do(func() {
				calls++
				panic("init failed")
			})
			fmt.Println("Do returned without running f")
		}()
	}
	fmt.Println("calls:", calls)

	// Separate Once values are independent.
	var o1, o2 sync.Once
	o1.Do(func() { fmt.Println("o1 ran") })
	o2.Do(func() { fmt.Println("o2 ran") })
	o1.Do(func() { fmt.Println("o1 again") })
}
