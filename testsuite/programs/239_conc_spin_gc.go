// runtime.GC while another goroutine spins in a loop without calls: the
// collector must stop the spinner to finish; main then stops it.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

type node struct {
	next *node
	data [8]int
}

var keep *node

func main() {
	var done atomic.Bool
	started := make(chan struct{})
	finished := make(chan uint64)
	go func() {
		close(started)
		var n uint64
		for !done.Load() {
			n += 3
		}
		finished <- n
	}()
	<-started

	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	for round := 0; round < 5; round++ {
		for i := 0; i < 10000; i++ {
			keep = &node{next: keep, data: [8]int{i}}
			if i%1000 == 0 {
				keep = nil
			}
		}
		runtime.GC()
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Println("collections while spinning >= 5:", after.NumGC-before.NumGC >= 5)

	time.Sleep(10 * time.Millisecond)
	done.Store(true)
	<-finished
	fmt.Println("spinner stopped")
	length := 0
	for p := keep; p != nil; p = p.next {
		length++
	}
	fmt.Println("list intact:", length)
}
