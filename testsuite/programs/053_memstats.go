// runtime.ReadMemStats and runtime.GC, printing only what is the same on
// every run: the figures themselves depend on the allocator.
package main

import (
	"fmt"
	"runtime"
)

var sink [][]byte

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 10; i++ {
		sink = append(sink, make([]byte, 500000))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Printf("%T %T %T %T\n", after.Alloc, after.TotalAlloc, after.HeapAlloc, after.NumGC)
	fmt.Println("NumGC grew:", after.NumGC > before.NumGC)
	fmt.Println("TotalAlloc >= 5000000:", after.TotalAlloc-before.TotalAlloc >= 5000000)
	fmt.Println("HeapAlloc >= 5000000:", after.HeapAlloc >= 5000000)
	fmt.Println("Sys >= HeapSys:", after.Sys >= after.HeapSys)
	fmt.Println("Mallocs >= Frees:", after.Mallocs >= after.Frees)
	fmt.Println(len(sink))
}
