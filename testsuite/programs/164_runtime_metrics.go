// runtime/metrics: the collector's metrics agree with MemStats and the
// settings, unknown names read as KindBad, All is sorted by name, and a
// value read as the wrong kind panics with gc's message.
//
// rgo:env GOGC=100
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
)

var sink []byte

func main() {
	for i := 0; i < 1000; i++ {
		sink = make([]byte, 64<<10)
	}
	runtime.GC()
	debug.SetMemoryLimit(1 << 30)
	names := []string{"/gc/cycles/total:gc-cycles", "/gc/cycles/forced:gc-cycles", "/gc/heap/allocs:bytes",
		"/gc/heap/goal:bytes", "/gc/gogc:percent", "/gc/gomemlimit:bytes", "/sched/goroutines:goroutines", "/no/such:metric"}
	s := make([]metrics.Sample, len(names))
	for i, n := range names {
		s[i].Name = n
	}
	metrics.Read(s)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println(s[0].Value.Uint64() == uint64(m.NumGC), s[1].Value.Uint64(), s[2].Value.Uint64() >= 64<<20*1000/1024)
	fmt.Println(s[3].Value.Uint64() >= 4<<20, s[4].Value.Uint64(), s[5].Value.Uint64(), s[6].Value.Uint64() >= 1, s[7].Value.Kind() == metrics.KindBad)
	all := metrics.All()
	fmt.Println(len(all) > 10, sort.SliceIsSorted(all, func(i, j int) bool { return all[i].Name < all[j].Name }))
	defer func() { fmt.Println("recovered:", recover()) }()
	s[7].Value.Uint64()
}
