package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func apply(fs []func(int) int, v int) int {
	for _, f := range fs {
		v = f(v)
	}
	return v
}

type Op func(a, b int) int

func (o Op) Do(a, b int) int { return o(a, b) }

func main() {
	inc, reset := counter()
	fmt.Println(inc(), inc(), inc())
	reset()
	fmt.Println(inc())
	var fs []func(int) int
	for i := 1; i <= 3; i++ {
		fs = append(fs, func(v int) int { return v*10 + i })
	}
	fmt.Println(apply(fs, 0))
	var prints []func()
	for _, s := range []string{"a", "b", "c"} {
		prints = append(prints, func() { fmt.Print(s, " ") })
	}
	for _, p := range prints {
		p()
	}
	fmt.Println()
	x := 1
	f := func() func() int {
		return func() int {
			x *= 2
			return x
		}
	}()
	fmt.Println(f(), f(), x)
	add := Op(func(a, b int) int { return a + b })
	fmt.Println(add.Do(3, 4), add(1, 1))
	fib := func() func() int {
		a, b := 0, 1
		return func() int {
			r := a
			a, b = b, a+b
			return r
		}
	}()
	for i := 0; i < 10; i++ {
		fmt.Print(fib(), " ")
	}
	fmt.Println()
	var rec func(int) int
	rec = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * rec(n-1)
	}
	fmt.Println(rec(10))
	acc := 0
	for i := range 5 {
		func() { acc += i }()
	}
	fmt.Println(acc)
	ptrs := []*int{}
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
}
