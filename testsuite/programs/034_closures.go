package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func adder(base int) func(int) int {
	return func(x int) int { return base + x }
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func main() {
	c1, c2 := counter(), counter()
	fmt.Println(c1(), c1(), c1(), c2())
	add10 := adder(10)
	fmt.Println(add10(5), apply([]int{1, 2, 3}, add10))
	total := 0
	sum := func(x int) { total += x }
	for i := 1; i <= 4; i++ {
		sum(i)
	}
	fmt.Println(total)
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(15))
	sq := func(x int) int { return x * x }(7)
	fmt.Println(sq)
}
