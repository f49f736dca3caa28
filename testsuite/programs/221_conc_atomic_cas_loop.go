// CompareAndSwap loops on atomic.Uint32: increments, a running maximum and
// a bounded counter computed lock-free by many goroutines.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func incr(v *atomic.Uint32) (retries int) {
	for {
		old := v.Load()
		if v.CompareAndSwap(old, old+1) {
			return retries
		}
		retries++
	}
}

func storeMax(v *atomic.Uint32, x uint32) {
	for {
		old := v.Load()
		if x <= old || v.CompareAndSwap(old, x) {
			return
		}
	}
}

// takeToken decrements v if it is positive.
func takeToken(v *atomic.Uint32) bool {
	for {
		old := v.Load()
		if old == 0 {
			return false
		}
		if v.CompareAndSwap(old, old-1) {
			return true
		}
	}
}

func main() {
	var count, max, tokens atomic.Uint32
	tokens.Store(1000)
	var taken atomic.Int32
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10000; i++ {
				incr(&count)
				storeMax(&max, uint32((g*7919+i*104729)%65536))
				if i%20 == 0 && takeToken(&tokens) {
					taken.Add(1)
				}
			}
		}()
	}
	wg.Wait()

	var want uint32
	for g := 0; g < 8; g++ {
		for i := 0; i < 10000; i++ {
			if x := uint32((g*7919 + i*104729) % 65536); x > want {
				want = x
			}
		}
	}
	fmt.Println("count:", count.Load())
	fmt.Println("max:", max.Load(), "want:", want)
	fmt.Println("tokens taken:", taken.Load(), "left:", tokens.Load())

	var u atomic.Uint32
	fmt.Println("CAS on zero value 0->5:", u.CompareAndSwap(0, 5), u.Load())
	fmt.Println("CAS with stale old:", u.CompareAndSwap(0, 6), u.Load())
	u.Store(^uint32(0))
	fmt.Println("Add wraps:", u.Add(2))
}
