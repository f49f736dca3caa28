package main

import (
	"fmt"
	"os"
)

var (
	a = b + 1
	b = f("b", 2)
	c, d = pair()
)

var order []string

func f(name string, v int) int {
	order = append(order, name)
	return v
}

func pair() (int, string) { return 7, "seven" }

func init() {
	order = append(order, "init1")
}

func init() {
	order = append(order, "init2")
}

type T struct{ name string }

func (t *T) Close() { fmt.Println("close", t.name) }

func work() (result int, err error) {
	defer func() {
		if err == nil {
			result *= 10
		}
	}()
	t := &T{"res"}
	defer t.Close()
	for i := 0; i < 3; i++ {
		defer func(n int) { fmt.Println("loop defer", n, i) }(i)
	}
	return 4, nil
}

func early(x int) string {
	defer fmt.Println("early defer", x)
	if x > 0 {
		return "pos"
	}
	return "nonpos"
}

func main() {
	fmt.Println(a, b, c, d, order)
	r, err := work()
	fmt.Println(r, err)
	fmt.Println(early(1), early(-1))
	var i interface{ Close() } = &T{"iface"}
	func() {
		defer i.Close()
		fmt.Println("in func")
	}()
	fmt.Fprintln(os.Stderr, "to stderr")
	defer fmt.Println("main deferred")
	fmt.Println("end of main")
}
