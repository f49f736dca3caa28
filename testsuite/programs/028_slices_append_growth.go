package main

import "fmt"

func main() {
	var s []int
	prev := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != prev {
			fmt.Println("len", len(s), "cap", cap(s))
			prev = cap(s)
		}
	}
	b := make([]byte, 0)
	prev = -1
	for i := 0; i < 600; i++ {
		b = append(b, 'x')
		if cap(b) != prev {
			fmt.Println("bytes len", len(b), "cap", cap(b))
			prev = cap(b)
		}
	}
	m := make([]int, 3, 10)
	fmt.Println(m, len(m), cap(m))
	m = append(m, 1, 2, 3)
	fmt.Println(m, len(m), cap(m))
	m = append(m, []int{4, 5, 6, 7, 8}...)
	fmt.Println(m, len(m), cap(m))
	type big struct{ a, b, c int64 }
	var bs []big
	prev = -1
	for i := 0; i < 100; i++ {
		bs = append(bs, big{})
		if cap(bs) != prev {
			fmt.Println("struct len", len(bs), "cap", cap(bs))
			prev = cap(bs)
		}
	}
}
