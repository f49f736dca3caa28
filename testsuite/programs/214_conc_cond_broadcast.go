// sync.Cond.Broadcast wakes every waiter: a start gate released once all
// waiters are parked, and a reusable barrier built from Broadcast.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
)

type barrier struct {
	mu         sync.Mutex
	cond       *sync.Cond
	n, waiting int
	generation int
}

func newBarrier(n int) *barrier {
	b := &barrier{n: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *barrier) await() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	gen := b.generation
	b.waiting++
	if b.waiting == b.n {
		b.waiting = 0
		b.generation++
		b.cond.Broadcast()
		return gen
	}
	for gen == b.generation {
		b.cond.Wait()
	}
	return gen
}

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	parked, woken := 0, 0
	open := false
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			parked++
			for !open {
				cond.Wait()
			}
			woken++
			mu.Unlock()
		}()
	}
	// Wait until all five are inside Wait (they hold mu from parked++ until
	// Wait releases it).
	for {
		mu.Lock()
		if parked == 5 {
			break
		}
		mu.Unlock()
		runtime.Gosched()
	}
	open = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("parked:", parked, "woken:", woken)

	// Barrier: 4 goroutines, 3 rounds; in every round all see the same
	// generation, and nobody starts round r+1 before all finished round r.
	b := newBarrier(4)
	var lmu sync.Mutex
	var log []string
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 3; round++ {
				gen := b.await()
				lmu.Lock()
				log = append(log, fmt.Sprintf("round %d gen %d", round, gen))
				lmu.Unlock()
			}
		}()
	}
	wg.Wait()
	sort.Strings(log)
	for _, l := range log {
		fmt.Println(l)
	}
}
