package main

import "fmt"

type List[T any] struct{ items []T }

func (l List[T]) Map[U any](f func(T) U) List[U] {
	var out List[U]
	for _, it := range l.items {
		out.items = append(out.items, f(it))
	}
	return out
}

type Num int

func (n Num) Conv[T any](f func(int) T) T { return f(int(n)) }

func main() {
	l := List[int]{[]int{1, 2, 3}}
	s := l.Map(func(i int) string { return fmt.Sprint(i * 2) })
	fmt.Println(s.items, len(s.items))
	fmt.Println(Num(4).Conv(func(i int) float64 { return float64(i) / 3 }))
	fmt.Println(l.Map[bool](func(i int) bool { return i > 1 }).items)
}
