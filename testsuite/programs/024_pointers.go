package main

import "fmt"

type node struct {
	val  int
	next *node
}

func inc(p *int) { *p++ }

func newInt(v int) *int { return &v }

func main() {
	x := 1
	p := &x
	*p = 5
	inc(p)
	fmt.Println(x, *p, p == &x)
	q := new(int)
	fmt.Println(*q)
	a, b := newInt(3), newInt(3)
	fmt.Println(*a == *b, a == b)
	var list *node
	for i := 3; i > 0; i-- {
		list = &node{i, list}
	}
	for n := list; n != nil; n = n.next {
		fmt.Print(n.val, " ")
	}
	fmt.Println()
	s := struct{ f int }{1}
	pf := &s.f
	*pf = 9
	fmt.Println(s.f)
	pp := &p
	**pp = 42
	fmt.Println(x)
	var nilp *int
	fmt.Println(nilp == nil)
}
