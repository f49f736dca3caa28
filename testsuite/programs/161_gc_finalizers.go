// Finalizers, cleanups, weak pointers and unique handles: the collector
// runs each finalizer once, on an unreachable object it resurrects for
// the call, in dependency order; cleanups run after their object dies;
// weak pointers turn nil when their object is collected; unique handles
// stay canonical. Objects are made in functions that are not inlined, so
// no stale copy of a pointer stays in main's frame.
package main

import (
	"fmt"
	"runtime"
	"time"
	"unique"
	"weak"
)

type res struct {
	id   int
	data []int
	next *res
}

var finalized = make(chan int, 1000)
var chained = make(chan int, 1000)

//go:noinline
func makeFinalized(n int) {
	for i := 0; i < n; i++ {
		r := &res{id: i, data: make([]int, 16)}
		r.data[15] = i
		runtime.SetFinalizer(r, func(r *res) {
			if r.data[15] != r.id {
				panic("finalizer saw a damaged object")
			}
			finalized <- r.id
		})
	}
}

// A chain head -> ... -> tail, each with a finalizer: each cycle can only
// finalize the head of what is left, so they run in chain order.
//
//go:noinline
func makeChain(n int) {
	var next *res
	for i := n - 1; i >= 0; i-- {
		r := &res{id: 1000 + i, next: next}
		runtime.SetFinalizer(r, func(r *res) { chained <- r.id })
		next = r
	}
}

//go:noinline
func makeWeak(n int) []weak.Pointer[res] {
	ws := make([]weak.Pointer[res], n)
	for i := range ws {
		ws[i] = weak.Make(&res{id: i})
	}
	return ws
}

var cleaned = make(chan int, 1000)

//go:noinline
func makeCleanups(n int) {
	for i := 0; i < n; i++ {
		p := new([32]byte)
		c := runtime.AddCleanup(p, func(v int) { cleaned <- v }, i)
		if i%10 == 0 {
			c.Stop()
		}
		runtime.KeepAlive(p)
	}
}

func drain(c chan int, want int) []int {
	var got []int
	deadline := time.After(5 * time.Second)
	for len(got) < want {
		runtime.GC()
		select {
		case v := <-c:
			got = append(got, v)
		case <-time.After(10 * time.Millisecond):
		case <-deadline:
			return got
		}
	}
	return got
}

func main() {
	makeFinalized(100)
	got := drain(finalized, 95)
	fmt.Println("finalizers ran:", len(got) >= 95)
	seen := map[int]bool{}
	for _, v := range got {
		seen[v] = true
	}
	fmt.Println("each at most once:", len(seen) == len(got))

	makeChain(5)
	order := drain(chained, 5)
	fmt.Println("chain order:", order)

	ws := makeWeak(100)
	runtime.GC()
	cleared := 0
	for _, w := range ws {
		if w.Value() == nil {
			cleared++
		}
	}
	fmt.Println("weak pointers cleared:", cleared >= 95)
	keep := &res{id: 7}
	wk := weak.Make(keep)
	runtime.GC()
	fmt.Println("weak to live object:", wk.Value() == keep, wk == weak.Make(keep))
	runtime.KeepAlive(keep)

	makeCleanups(100)
	done := drain(cleaned, 85)
	stoppedRan := false
	for _, v := range done {
		if v%10 == 0 {
			stoppedRan = true
		}
	}
	fmt.Println("cleanups ran:", len(done) >= 85, "stopped ones ran:", stoppedRan)

	h1 := unique.Make("hello, " + fmt.Sprint(42))
	h2 := unique.Make(fmt.Sprint("hello, ", 42))
	runtime.GC()
	h3 := unique.Make("hello, 42")
	fmt.Println("unique:", h1 == h2, h2 == h3, h1.Value())
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
