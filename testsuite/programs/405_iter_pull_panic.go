package main

import (
	"errors"
	"fmt"
	"iter"
	"runtime"
)

func boom(at int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("  boom's defer runs")
		for i := 0; ; i++ {
			if i == at {
				panic(fmt.Sprintf("iterator panics at %d", i))
			}
			if !yield(i) {
				return
			}
		}
	}
}

var errStop = errors.New("stop error")

func panicsOnStop(yield func(int) bool) {
	if !yield(1) {
		panic(errStop)
	}
}

func runtimeErr(yield func(int) bool) {
	var s []int
	yield(1)
	_ = s[5]
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: recovered %v (%T)\n", name, r, r)
	}()
	f()
}

func main() {
	try("panic in next", func() {
		next, stop := iter.Pull(boom(2))
		defer stop()
		for {
			v, ok := next()
			fmt.Println("got", v, ok)
			if !ok {
				return
			}
		}
	})
	try("next after panic", func() {
		next, _ := iter.Pull(boom(0))
		func() {
			defer func() { fmt.Println("first:", recover()) }()
			next()
		}()
		fmt.Println(next())
	})
	try("panic in stop", func() {
		next, stop := iter.Pull(panicsOnStop)
		fmt.Println(next())
		stop()
		fmt.Println("not reached")
	})
	try("runtime error", func() {
		next, stop := iter.Pull(runtimeErr)
		defer stop()
		fmt.Println(next())
		fmt.Println(next())
	})
	try("yield twice", func() {
		next, stop := iter.Pull2(func(yield func(int, int) bool) {
			yield(1, 2)
			yield(3, 4)
		})
		defer stop()
		fmt.Println(next())
		fmt.Println(next())
		fmt.Println(next())
	})
	try("nested pull", func() {
		outer, so := iter.Pull(func(yield func(int) bool) {
			inner, si := iter.Pull(boom(3))
			defer si()
			for {
				v, ok := inner()
				if !ok || !yield(v*10) {
					return
				}
			}
		})
		defer so()
		for {
			v, ok := outer()
			if !ok {
				break
			}
			fmt.Println("outer got", v)
		}
	})
	done := make(chan bool)
	go func() {
		defer close(done)
		next, stop := iter.Pull(func(yield func(int) bool) {
			yield(7)
			runtime.Goexit()
		})
		defer fmt.Println("goexit propagated to the caller's goroutine")
		defer stop()
		fmt.Println(next())
		fmt.Println(next())
		fmt.Println("not reached")
	}()
	<-done
	next, _ := iter.Pull(boom(1))
	fmt.Println(next())
	next()
}
