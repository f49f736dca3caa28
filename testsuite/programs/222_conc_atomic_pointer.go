// atomic.Pointer[T]: a configuration swapped while readers load it; each
// reader sees a complete old or new value, never a torn one.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

type config struct {
	version int
	name    string
	limits  [4]int
}

func makeConfig(v int) *config {
	c := &config{version: v, name: fmt.Sprintf("v%d", v)}
	for i := range c.limits {
		c.limits[i] = v * (i + 1)
	}
	return c
}

func consistent(c *config) bool {
	if c.name != fmt.Sprintf("v%d", c.version) {
		return false
	}
	for i, l := range c.limits {
		if l != c.version*(i+1) {
			return false
		}
	}
	return true
}

func main() {
	var p atomic.Pointer[config]
	fmt.Println("zero value Load is nil:", p.Load() == nil)
	p.Store(makeConfig(1))

	var bad, reads atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for {
				select {
				case <-stop:
					return
				default:
				}
				c := p.Load()
				if !consistent(c) || c.version < last {
					bad.Add(1)
				}
				last = c.version
				reads.Add(1)
				runtime.Gosched()
			}
		}()
	}
	for v := 2; v <= 200; v++ {
		p.Store(makeConfig(v))
		if v%20 == 0 {
			runtime.Gosched()
		}
	}
	close(stop)
	wg.Wait()
	fmt.Println("final version:", p.Load().version, "inconsistent reads:", bad.Load(), "reads > 0:", reads.Load() > 0)

	old := p.Load()
	fresh := makeConfig(500)
	fmt.Println("Swap returns previous:", p.Swap(fresh) == old)
	fmt.Println("CAS with stale old:", p.CompareAndSwap(old, makeConfig(600)))
	fmt.Println("CAS with current:", p.CompareAndSwap(fresh, makeConfig(700)), p.Load().name)
	fmt.Println("CAS to nil:", p.CompareAndSwap(p.Load(), nil), p.Load() == nil)

	// Concurrent CAS: a lock-free stack push by 8 goroutines.
	type node struct {
		v    int
		next *node
	}
	var head atomic.Pointer[node]
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				n := &node{v: g*1000 + i}
				for {
					n.next = head.Load()
					if head.CompareAndSwap(n.next, n) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	count, sum := 0, 0
	for n := head.Load(); n != nil; n = n.next {
		count++
		sum += n.v
	}
	fmt.Println("stack nodes:", count, "sum:", sum)
}
