// Forced collections with one large structure live: a 4M-element slice of
// pointer-free structs, a 4M-entry map[int]int, a 4M-entry map[int]*int.
// Prints whether each pause stayed under a bound generous enough for both
// toolchains on a loaded machine; the benchmark's figure is the run time.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type pair struct{ i, j int }

const n = 4000000

func timeGC() time.Duration {
	start := time.Now()
	runtime.GC()
	return time.Since(start)
}

func slice() time.Duration {
	s := make([]pair, n)
	for i := range s {
		s[i] = pair{i, i}
	}
	runtime.GC()
	d := timeGC()
	runtime.KeepAlive(s)
	return d
}

func plainMap() time.Duration {
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	runtime.GC()
	d := timeGC()
	runtime.KeepAlive(m)
	return d
}

func pointerMap() time.Duration {
	m := make(map[int]*int)
	for i := 0; i < n; i++ {
		v := i
		m[i] = &v
	}
	runtime.GC()
	var best time.Duration
	for k := 0; k < 5; k++ {
		if d := timeGC(); best == 0 || d < best {
			best = d
		}
	}
	runtime.KeepAlive(m)
	return best
}

func main() {
	fmt.Println("slice under 50ms:", slice() < 50*time.Millisecond)
	fmt.Println("map[int]int under 50ms:", plainMap() < 50*time.Millisecond)
	fmt.Println("map[int]*int under 1s:", pointerMap() < time.Second)
}
