package main

import "fmt"

type step struct{ name string }

func (s step) done() { fmt.Println("done", s.name) }

func inner(n int) {
	defer fmt.Println("inner deferred", n)
	for i := 0; i < 3; i++ {
		defer func(i int) { fmt.Println("loop", n, i) }(i)
	}
	if n == 0 {
		var s []int
		_ = s[n+2]
	}
	inner(n - 1)
}

func middle() {
	s := step{"middle"}
	defer s.done()
	var d interface{ done() } = step{"iface"}
	defer d.done()
	inner(2)
	fmt.Println("not reached")
}

func main() {
	defer fmt.Println("main deferred 1")
	defer func() {
		fmt.Println("main deferred 2, recover:", recover())
	}()
	middle()
	fmt.Println("not reached either")
}
