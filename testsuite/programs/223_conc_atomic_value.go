// atomic.Value: Load before Store is nil, Store/Load/Swap/CompareAndSwap,
// and the panics for nil and for inconsistently typed values.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type settings struct {
	level int
	tags  []string
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", name, r)
		}
	}()
	f()
	fmt.Printf("%s: ok\n", name)
}

func main() {
	var v atomic.Value
	fmt.Println("Load before Store:", v.Load())
	v.Store(settings{level: 1, tags: []string{"a"}})
	s := v.Load().(settings)
	fmt.Println("loaded:", s.level, s.tags)

	// Concurrent readers while a writer replaces the whole value.
	var wg sync.WaitGroup
	var torn atomic.Int32
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				s := v.Load().(settings)
				if len(s.tags) != s.level {
					torn.Add(1)
				}
			}
		}()
	}
	for lvl := 2; lvl <= 100; lvl++ {
		v.Store(settings{level: lvl, tags: make([]string, lvl)})
	}
	wg.Wait()
	fmt.Println("final level:", v.Load().(settings).level, "torn reads:", torn.Load())

	var n atomic.Value
	fmt.Println("Swap on empty:", n.Swap(1))
	fmt.Println("Swap:", n.Swap(2), "now", n.Load())
	fmt.Println("CompareAndSwap 2->3:", n.CompareAndSwap(2, 3), n.Load())
	fmt.Println("CompareAndSwap 2->4:", n.CompareAndSwap(2, 4), n.Load())
	var e atomic.Value
	fmt.Println("CompareAndSwap nil->first on empty:", e.CompareAndSwap(nil, "first"), e.Load())

	try("Store nil", func() { n.Store(nil) })
	try("Store string into int Value", func() { n.Store("three") })
	try("Swap string into int Value", func() { n.Swap("three") })
	try("CompareAndSwap with new of other type", func() { n.CompareAndSwap(3, "x") })
	try("CompareAndSwap with uncomparable old", func() { n.CompareAndSwap([]int{1}, 5) })
	try("Store same type", func() { n.Store(42) })
	fmt.Println("value now:", n.Load())
}
