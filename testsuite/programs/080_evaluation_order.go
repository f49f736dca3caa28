package main

import "fmt"

var trace []string

func v(name string, x int) int {
	trace = append(trace, name)
	return x
}

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	s := []int{10, 20, 30}
	i := 0
	i, s[i] = 1, 99
	fmt.Println(i, s)
	x := v("a", 1) + v("b", 2)*v("c", 3)
	fmt.Println(x, trace)
	trace = nil
	m := map[int]int{}
	m[v("key", 1)] = v("value", 2)
	fmt.Println(trace)
	trace = nil
	f := func(p, q, r int) int { return p + q + r }
	f(v("p", 1), v("q", 2), v("r", 3))
	fmt.Println(trace)
	arr := [3]int{1, 2, 3}
	for i, x := range arr {
		arr[2] = 0
		if i == 2 {
			fmt.Println("range copy:", x)
		}
	}
}
