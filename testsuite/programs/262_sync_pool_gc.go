// sync.Pool: items come back in gc's order (the first one Put, then the
// newest), survive one collection in the victim cache, and are gone
// after two. One P, so that the victim cache is the goroutine's own.
// rgo:env GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var p sync.Pool
	for i := 1; i <= 4; i++ {
		p.Put(i)
	}
	fmt.Println(p.Get(), p.Get(), p.Get(), p.Get(), p.Get())

	for i := 1; i <= 4; i++ {
		p.Put(i)
	}
	runtime.GC()
	fmt.Println(p.Get(), p.Get(), p.Get(), p.Get(), p.Get())

	p.Put("kept?")
	runtime.GC()
	runtime.GC()
	fmt.Println(p.Get())

	q := sync.Pool{New: func() any { return "fresh" }}
	q.Put("old")
	fmt.Println(q.Get(), q.Get())
}
