// The collector's settings at run time: debug.SetGCPercent(-1) turns
// collection off (garbage piles up, no cycle runs), SetGCPercent returns
// the previous setting, a memory limit makes cycles run even with GOGC
// off and keeps the heap near the limit, and runtime.GC still collects
// when automatic collection is off. The starting settings are pinned
// (the suite's stress runs would change what this case checks).
//
// rgo:env GOGC=100
// rgo:env RGO_GCSTRESS=0
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink []byte

//go:noinline
func churn(total int) {
	for n := 0; n < total; n += 64 << 10 {
		sink = make([]byte, 64<<10)
		sink[0] = byte(n)
	}
	sink = nil
}

func stats() runtime.MemStats {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m
}

func main() {
	fmt.Println("initial GOGC:", debug.SetGCPercent(-1))
	before := stats()
	churn(100 << 20)
	after := stats()
	fmt.Println("cycles with GOGC off:", after.NumGC-before.NumGC)
	fmt.Println("heap grew past 90 MB:", after.HeapAlloc-before.HeapAlloc > 90<<20)

	runtime.GC()
	forced := stats()
	fmt.Println("runtime.GC still collects:", forced.NumGC == after.NumGC+1, forced.HeapAlloc < 16<<20)

	fmt.Println("previous limit unset:", debug.SetMemoryLimit(32<<20) == 1<<63-1)
	churn(400 << 20)
	limited := stats()
	fmt.Println("limit makes cycles run:", limited.NumGC > forced.NumGC+5)
	fmt.Println("heap stays near the limit:", limited.HeapInuse < 64<<20, limited.HeapSys-limited.HeapReleased < 96<<20)

	debug.SetMemoryLimit(1<<63 - 1)
	fmt.Println("GOGC back to 100, previous:", debug.SetGCPercent(100))
	base := stats()
	churn(200 << 20)
	end := stats()
	fmt.Println("cycles run again:", end.NumGC > base.NumGC)
}
