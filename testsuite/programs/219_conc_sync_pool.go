// sync.Pool: Get calls New on an empty pool and pooled objects are reused
// across goroutines; only facts that hold whatever the pool keeps are printed.
package main

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var created atomic.Int32
	pool := sync.Pool{
		New: func() any {
			created.Add(1)
			return new(bytes.Buffer)
		},
	}

	b := pool.Get().(*bytes.Buffer)
	fmt.Println("first Get used New:", created.Load() == 1, "empty:", b.Len() == 0)
	b.WriteString("hello")
	b.Reset()
	pool.Put(b)

	// Many goroutines format into pooled buffers.
	results := make([]string, 50)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := pool.Get().(*bytes.Buffer)
			buf.Reset()
			fmt.Fprintf(buf, "item-%02d", i)
			results[i] = buf.String()
			pool.Put(buf)
		}()
	}
	wg.Wait()
	fmt.Println(results[0], results[25], results[49])
	fmt.Println("created at least 1 and at most 51:", created.Load() >= 1 && created.Load() <= 51)

	// Without New, Get on an empty pool returns nil.
	var bare sync.Pool
	fmt.Println("Get from empty pool without New:", bare.Get())
	bare.Put("x")
	got := bare.Get()
	fmt.Println("Get after Put is the value or nil:", got == "x" || got == nil)

	// Put(nil) is ignored.
	var p2 sync.Pool
	p2.Put(nil)
	fmt.Println("after Put(nil):", p2.Get())

	// Objects from the pool are ones that were Put or made by New.
	var made atomic.Int32
	ids := sync.Pool{New: func() any { return int(made.Add(1)) }}
	valid := true
	for i := 0; i < 1000; i++ {
		v := ids.Get().(int)
		if v < 1 || v > int(made.Load()) {
			valid = false
		}
		ids.Put(v)
	}
	fmt.Println("every Get valid:", valid)
}
