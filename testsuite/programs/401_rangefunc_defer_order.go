package main

import "fmt"

// Deferred calls in range-over-func loop bodies run when the enclosing
// function returns, after the iterator's own defers, last first with the
// function's other deferred calls.

func items(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator", name, "returns")
		for i := 0; i < n; i++ {
			fmt.Println("  yield", name, i)
			if !yield(i) {
				fmt.Println("  stopped", name)
				return
			}
		}
	}
}

func order() {
	defer fmt.Println("order: 1")
	for i := range items("a", 2) {
		defer fmt.Println("order: loop a", i)
		for j := range items("b", 2) {
			defer fmt.Println("order: loop b", i, j)
		}
		defer fmt.Println("order: after b", i)
	}
	defer fmt.Println("order: 2")
	fmt.Println("order: returning")
}

func panicking() {
	defer func() {
		fmt.Println("panicking: recovered", recover())
	}()
	for i := range items("p", 3) {
		defer fmt.Println("panicking: loop", i)
		if i == 1 {
			var m map[string]int
			m["x"] = i
		}
	}
	fmt.Println("not reached")
}

func changesResult() (s string) {
	for i := range items("r", 3) {
		defer func() { s += fmt.Sprint(i) }()
	}
	return "result:"
}

func deferInSwitch(k int) {
	for i := range items("s", 3) {
		switch {
		case i == k:
			defer fmt.Println("deferInSwitch: matched", i)
		default:
			if i > k {
				defer func(v int) { fmt.Println("deferInSwitch: bigger", v) }(i * 10)
			}
		}
	}
	fmt.Println("deferInSwitch: end")
}

type closer struct{ name string }

func (c closer) Close() { fmt.Println("close", c.name) }

type Closer interface{ Close() }

func methodDefers() {
	for i := range items("m", 2) {
		c := closer{fmt.Sprint("value", i)}
		defer c.Close()
		var ci Closer = closer{fmt.Sprint("iface", i)}
		defer ci.Close()
		f := c.Close
		defer f()
	}
	fmt.Println("methodDefers: end")
}

func main() {
	order()
	panicking()
	fmt.Println(changesResult())
	deferInSwitch(1)
	methodDefers()
}
