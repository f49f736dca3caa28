// Panics recovered inside goroutines, including runtime errors (nil map,
// index/slice bounds, nil pointer, divide by zero, type assertion).
package main

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
)

type report struct {
	id  int
	msg string
}

func guarded(id int, out chan<- report, wg *sync.WaitGroup, f func()) {
	defer wg.Done()
	defer func() {
		r := recover()
		kind := "value"
		if _, ok := r.(runtime.Error); ok {
			kind = "runtime.Error"
		} else if _, ok := r.(error); ok {
			kind = "error"
		}
		out <- report{id, fmt.Sprintf("%s: %v", kind, r)}
	}()
	f()
}

var sink int

func main() {
	var nilMap map[string]int
	var nilPtr *struct{ x int }
	var iface any = "a string"
	idx := 5
	zero := 0
	tasks := []func(){
		func() { panic("plain string") },
		func() { panic(errors.New("an error value")) },
		func() { panic(42) },
		func() { nilMap["x"] = 1 },
		func() {
			s := []int{1, 2, 3}
			sink = s[idx]
		},
		func() { sink = nilPtr.x },
		func() { sink = 10 / zero },
		func() { sink = iface.(int) },
		func() {
			a := make([]int, 3)
			sink = len(a[2:idx])
		},
		func() {},
	}
	out := make(chan report, len(tasks))
	var wg sync.WaitGroup
	for i, f := range tasks {
		wg.Add(1)
		go guarded(i, out, &wg, f)
	}
	wg.Wait()
	close(out)
	msgs := make([]string, len(tasks))
	for r := range out {
		msgs[r.id] = r.msg
	}
	for i, m := range msgs {
		fmt.Println(i, m)
	}

	// A goroutine recovers, then goes on working and panics again later:
	// each panic is recovered by its own deferred call.
	done := make(chan []string)
	go func() {
		var log []string
		for i := 0; i < 3; i++ {
			func() {
				defer func() { log = append(log, fmt.Sprint("round ", i, ": ", recover())) }()
				if i%2 == 0 {
					panic(fmt.Sprintf("failure %d", i))
				}
			}()
		}
		done <- log
	}()
	for _, l := range <-done {
		fmt.Println(l)
	}
}
