package main

import (
	"fmt"
	"iter"
)

func seq(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("seq done", n)
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs(n int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := 0; i < n; i++ {
			if !yield(i, fmt.Sprint("s", i)) {
				return
			}
		}
	}
}

func basic() {
	defer fmt.Println("basic: first defer")
	for x := range seq(3) {
		defer fmt.Println("basic: loop defer", x)
		fmt.Println("basic: body", x)
	}
	defer fmt.Println("basic: last defer")
	fmt.Println("basic: after loop")
}

func nested() (r int) {
	defer func() { fmt.Println("nested: result", r); r *= 10 }()
	for x := range seq(2) {
		for k, v := range pairs(2) {
			defer func() { r += x*10 + k; fmt.Println("nested: defer", x, k, v) }()
		}
	}
	return 1
}

func early() string {
	for x := range seq(5) {
		defer fmt.Println("early: defer", x)
		if x == 2 {
			return "early returned"
		}
	}
	return "not reached"
}

func recovered() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	for x := range seq(4) {
		defer fmt.Println("recovered: defer", x)
		if x == 2 {
			panic(fmt.Sprint("boom at ", x))
		}
	}
	return "no panic"
}

func recoverInBody() {
	for x := range seq(2) {
		defer func() {
			r := recover()
			fmt.Println("recoverInBody: recover", x, r)
		}()
	}
	panic("outer panic")
}

func closureDefer() {
	f := func() {
		for x := range seq(2) {
			defer fmt.Println("closure: defer", x)
		}
		fmt.Println("closure: end")
	}
	f()
	fmt.Println("closureDefer: after f")
}

func generic[T any](vs []T) {
	it := func(yield func(T) bool) {
		for _, v := range vs {
			if !yield(v) {
				return
			}
		}
	}
	for v := range it {
		defer fmt.Println("generic: defer", v)
	}
	fmt.Println("generic: end")
}

func main() {
	basic()
	fmt.Println("nested returns", nested())
	fmt.Println(early())
	fmt.Println(recovered())
	recoverInBody()
	closureDefer()
	generic([]string{"a", "b"})
}
