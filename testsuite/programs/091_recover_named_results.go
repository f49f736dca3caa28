package main

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
)

type result struct {
	n   int
	err error
}

func parse(s string) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n = -1
			err = fmt.Errorf("parse %q: %v", s, r)
		}
	}()
	n, err = strconv.Atoi(s)
	if err != nil {
		panic(errors.New("not a number"))
	}
	if n < 0 {
		panic(n)
	}
	return n * 2, nil
}

func divide(a, b int) (q int, r result) {
	defer func() {
		if e := recover(); e != nil {
			re, ok := e.(runtime.Error)
			r = result{q, re}
			fmt.Printf("%T %v\n", e, ok)
		}
	}()
	q = 7
	q = a / b
	return q, result{n: a % b}
}

func unnamed() int {
	defer func() { recover() }()
	panic("lost")
}

func lookup(m map[string][]int, k string, i int) (v int, ok bool) {
	defer func() {
		if recover() != nil {
			v, ok = -1, false
		}
	}()
	return m[k][i], true
}

func main() {
	for _, s := range []string{"21", "x", "-5"} {
		fmt.Println(parse(s))
	}
	fmt.Println(divide(7, 2))
	fmt.Println(divide(7, 0))
	fmt.Println(unnamed())
	m := map[string][]int{"a": {1, 2}}
	fmt.Println(lookup(m, "a", 1))
	fmt.Println(lookup(m, "a", 2))
	fmt.Println(lookup(m, "b", 0))
	fmt.Println("recover outside a panic:", recover())
}
