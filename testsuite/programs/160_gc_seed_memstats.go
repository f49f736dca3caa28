// The first user's MemStats program: ten 500,000-byte allocations with
// sleeps between them. Under gc exactly one collection runs (at the 8th
// allocation, when the heap reaches its 4 MB goal's trigger) and the
// figures land in narrow ranges; the program prints those facts. The
// collector's default settings are pinned: the suite's stress runs must
// not change the schedule this case is about.
//
// rgo:env GOGC=100
// rgo:env RGO_GCSTRESS=0
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fmt.Println("NumGC before:", before.NumGC)
	for i := 0; i < 10; i++ {
		s := make([]byte, 500000)
		if s == nil {
			fmt.Println("Operation failed")
		}
		time.Sleep(5 * time.Millisecond)
	}
	runtime.ReadMemStats(&after)
	fmt.Println("NumGC after:", after.NumGC)
	grew := after.TotalAlloc - before.TotalAlloc
	fmt.Println("TotalAlloc grew by 5.0-5.2 MB:", grew >= 5000000 && grew <= 5200000)
	fmt.Println("HeapAlloc under 1.6 MB:", after.HeapAlloc < 1600000)
	fmt.Println("HeapAlloc over 1 MB:", after.HeapAlloc > 1000000)
	fmt.Println("Mallocs > Frees > 0:", after.Mallocs > after.Frees && after.Frees > 0)
	fmt.Println("NextGC at least 4 MB:", after.NextGC >= 4<<20)
	fmt.Println("HeapReleased <= HeapIdle:", after.HeapReleased <= after.HeapIdle)
	fmt.Println("Sys >= HeapSys:", after.Sys >= after.HeapSys)
	fmt.Println("PauseTotalNs > 0:", after.PauseTotalNs > 0)
	fmt.Println("LastGC set:", after.LastGC > 0)
}
