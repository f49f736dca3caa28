package main

import (
	"fmt"
	"iter"
	"runtime"
	"strings"
)

// Values that only a suspended coroutine's stack holds survive
// collections, and so does the iterator's function before it starts.

type cell struct {
	text string
	next *cell
}

// chain builds a list that only its frame (on the coroutine's stack)
// points to, then yields its texts one by one.
func chain(n int) iter.Seq[string] {
	return func(yield func(string) bool) {
		var head *cell
		for i := n; i > 0; i-- {
			head = &cell{strings.Repeat(string(rune('a'+i%26)), i), head}
		}
		for c := head; c != nil; c = c.next {
			if !yield(c.text) {
				return
			}
		}
	}
}

func garbage() {
	var keep [][]byte
	for i := 0; i < 2000; i++ {
		keep = append(keep, make([]byte, 64+i%200))
		if len(keep) > 10 {
			keep = keep[1:]
		}
	}
}

func main() {
	next, stop := iter.Pull(chain(60))
	defer stop()
	// The iterator's function is held only by the coroutine not yet started.
	prefix := strings.Repeat("p", 3)
	late, stopLate := iter.Pull(func(yield func(string) bool) {
		for i := 0; i < 3; i++ {
			if !yield(fmt.Sprint(prefix, i)) {
				return
			}
		}
	})
	defer stopLate()
	total := 0
	for i := 0; ; i++ {
		s, ok := next()
		if !ok {
			break
		}
		if len(s) != i+1 || strings.Count(s, s[:1]) != len(s) {
			fmt.Println("corrupt value", i, s)
		}
		total += len(s)
		if i%5 == 0 {
			garbage()
			runtime.GC()
		}
	}
	fmt.Println("total", total)
	for {
		s, ok := late()
		if !ok {
			break
		}
		runtime.GC()
		fmt.Println(s)
	}
	// Many coroutines left suspended across collections.
	var nexts []func() (string, bool)
	for k := 1; k <= 50; k++ {
		n, _ := iter.Pull(chain(k))
		n()
		nexts = append(nexts, n)
	}
	garbage()
	runtime.GC()
	runtime.GC()
	sum := 0
	for _, n := range nexts {
		for {
			s, ok := n()
			if !ok {
				break
			}
			sum += len(s)
		}
	}
	fmt.Println("sum", sum)
}
