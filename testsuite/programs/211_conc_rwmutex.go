// sync.RWMutex: writers keep two fields equal under Lock, readers check
// them under RLock; several readers may hold the lock together.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

type pair struct {
	mu   sync.RWMutex
	a, b int
}

func main() {
	p := &pair{}
	var violations, reads atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				p.mu.Lock()
				p.a++
				p.b++
				p.mu.Unlock()
			}
		}()
	}
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				p.mu.RLock()
				if p.a != p.b {
					violations.Add(1)
				}
				reads.Add(1)
				p.mu.RUnlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("a:", p.a, "b:", p.b, "reads:", reads.Load(), "violations:", violations.Load())

	// Several readers inside at once: each holds RLock until all have it.
	var rw sync.RWMutex
	var holding atomic.Int32
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			holding.Add(1)
			for holding.Load() < 3 {
				// wait for the other readers, which can only get here
				// if read locks are shared
				runtime.Gosched()
			}
			rw.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println("readers held the lock together:", holding.Load())

	// RLocker gives a sync.Locker for the read side.
	var l sync.Locker = rw.RLocker()
	l.Lock()
	ok := rw.TryRLock()
	fmt.Println("second reader while RLocker held:", ok)
	if ok {
		rw.RUnlock()
	}
	fmt.Println("writer while RLocker held:", rw.TryLock())
	l.Unlock()
	fmt.Println("writer after release:", rw.TryLock())
	rw.Unlock()
}
