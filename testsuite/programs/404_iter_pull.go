package main

import (
	"fmt"
	"iter"
	"runtime"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("  count returns")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  count stopped at", i)
				return
			}
		}
	}
}

func pairs(m map[string]int, keys []string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for _, k := range keys {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

func main() {
	before := runtime.NumGoroutine()
	next, stop := iter.Pull(count(3))
	fmt.Println("goroutines after Pull:", runtime.NumGoroutine()-before)
	for {
		v, ok := next()
		fmt.Println("next:", v, ok)
		if !ok {
			break
		}
	}
	v, ok := next()
	fmt.Println("after end:", v, ok)
	stop()
	stop()
	fmt.Println("goroutines after end:", runtime.NumGoroutine()-before)

	next, stop = iter.Pull(count(10))
	fmt.Println(next())
	fmt.Println(next())
	stop()
	fmt.Println("after stop:")
	fmt.Println(next())
	fmt.Println("goroutines after stop:", runtime.NumGoroutine()-before)

	// Stop before the first next: the iterator never runs.
	_, stop = iter.Pull(count(2))
	stop()

	m := map[string]int{"a": 1, "b": 2, "c": 3}
	next2, stop2 := iter.Pull2(pairs(m, []string{"c", "a", "b"}))
	defer stop2()
	for {
		k, v, ok := next2()
		if !ok {
			break
		}
		fmt.Println("pair", k, v)
	}
	fmt.Println(next2())

	// Zip two sequences.
	na, sa := iter.Pull(count(3))
	nb, sb := iter.Pull(count(5))
	for {
		a, ok1 := na()
		b, ok2 := nb()
		if !ok1 || !ok2 {
			break
		}
		fmt.Println("zip", a, b)
	}
	sa()
	sb()
	fmt.Println("goroutines at end:", runtime.NumGoroutine()-before)
}
