// sync.Map: concurrent Store, Load, LoadOrStore, LoadAndDelete, Delete, Swap,
// CompareAndSwap, CompareAndDelete, Range (sorted before printing), Clear.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func dump(m *sync.Map) string {
	var keys []string
	vals := map[string]any{}
	m.Range(func(k, v any) bool {
		keys = append(keys, k.(string))
		vals[k.(string)] = v
		return true
	})
	sort.Strings(keys)
	s := ""
	for _, k := range keys {
		s += fmt.Sprintf("%s=%v ", k, vals[k])
	}
	return fmt.Sprintf("%d entries: %s", len(keys), s)
}

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				m.Store(fmt.Sprintf("k%03d", i), i*i)
			}
		}()
	}
	wg.Wait()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	fmt.Println("entries after concurrent stores:", n)
	v, ok := m.Load("k012")
	fmt.Println("Load k012:", v, ok)
	v, ok = m.Load("missing")
	fmt.Println("Load missing:", v, ok)

	// LoadOrStore from many goroutines: exactly one stores.
	var stored sync.Map
	var mu sync.Mutex
	winners := 0
	for g := 0; g < 10; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, loaded := stored.LoadOrStore("key", "first"); !loaded {
				mu.Lock()
				winners++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("LoadOrStore winners:", winners)
	actual, loaded := stored.LoadOrStore("key", "second")
	fmt.Println("LoadOrStore existing:", actual, loaded)

	// Range stops when the function returns false.
	visited := 0
	m.Range(func(k, v any) bool {
		visited++
		return visited < 10
	})
	fmt.Println("Range stopped after:", visited)

	var s sync.Map
	s.Store("a", 1)
	s.Store("b", 2)
	s.Store("c", 3)
	fmt.Println(dump(&s))
	s.Delete("b")
	s.Delete("nothing")
	fmt.Println("after Delete:", dump(&s))
	v, loaded = s.LoadAndDelete("a")
	fmt.Println("LoadAndDelete a:", v, loaded)
	v, loaded = s.LoadAndDelete("a")
	fmt.Println("LoadAndDelete a again:", v, loaded)
	prev, loaded := s.Swap("c", 30)
	fmt.Println("Swap c:", prev, loaded)
	prev, loaded = s.Swap("d", 4)
	fmt.Println("Swap new d:", prev, loaded)
	fmt.Println("CompareAndSwap c 30->31:", s.CompareAndSwap("c", 30, 31))
	fmt.Println("CompareAndSwap c 30->32:", s.CompareAndSwap("c", 30, 32))
	fmt.Println("CompareAndSwap missing:", s.CompareAndSwap("zz", nil, 1))
	fmt.Println("CompareAndDelete d 5:", s.CompareAndDelete("d", 5))
	fmt.Println("CompareAndDelete d 4:", s.CompareAndDelete("d", 4))
	fmt.Println(dump(&s))

	// Concurrent CompareAndSwap increments: no update lost.
	var c sync.Map
	c.Store("n", 0)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				for {
					old, _ := c.Load("n")
					if c.CompareAndSwap("n", old, old.(int)+1) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	v, _ = c.Load("n")
	fmt.Println("CAS counter:", v)

	s.Clear()
	fmt.Println("after Clear:", dump(&s))
}
