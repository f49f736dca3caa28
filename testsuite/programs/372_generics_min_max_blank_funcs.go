// Generic types through pointers and embedding, print inside generic
// bodies, min/max with signed zeros and NaN, blank functions without
// bodies, interface embedding conversions.
package main

import (
	"fmt"
	"math"
)

type node[K comparable, V any] struct {
	k    K
	v    V
	next *node[K, V]
}

func find[K comparable, V any](n *node[K, V], k K) (V, bool) {
	for ; n != nil; n = n.next {
		if n.k == k {
			return n.v, true
		}
	}
	var z V
	return z, false
}

type Base struct{ id int }

func (b Base) ID() int    { return b.id }
func (b *Base) Set(i int) { b.id = i }

type Inner[T any] struct {
	Base
	v T
}

type Wrap[T any] struct {
	Inner[T]
}

type IDer interface{ ID() int }

func gp[T any](x T) {
	print("gp ", 1, "\n")
	println(x)
	a, b := pair(x)
	fmt.Println(a, b)
}
func pair[T any](x T) (T, T) { return x, x }

func addr[T any](a *[3]T) *T { return &a[1] }

func ids[T IDer](xs []T) (r []int) {
	for _, x := range xs {
		r = append(r, x.ID())
	}
	return
}

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type RW interface {
	Reader
	Writer
}

type file struct{ buf string }

func (f *file) Read() string    { return f.buf }
func (f *file) Write(s string) { f.buf += s }

func _() {}

func _(int) string

type Number interface {
	~int | ~int64 | ~float64
}

func Max[T Number](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(x T) *List[T] { l.items = append(l.items, x); return l }
func (l List[T]) Len() int          { return len(l.items) }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	n := &node[string, int]{"a", 1, &node[string, int]{"b", 2, nil}}
	fmt.Println(find(n, "b"))
	w := Wrap[int]{Inner[int]{Base{7}, 1}}
	fmt.Println(w.ID())
	w.Set(9)
	fmt.Println(w.ID(), w.Inner.Base.id)
	var i IDer = w
	fmt.Println(i.ID())
	fmt.Println(ids([]Wrap[int]{w, {Inner[int]{Base{3}, 0}}}))
	gp(3)
	gp("s")
	arr := [3]string{"x", "y", "z"}
	*addr(&arr) = "Y"
	fmt.Println(arr)
	fmt.Println(min(0.0, math.Copysign(0, -1)), max(math.Inf(1), math.NaN()), min(math.Inf(-1), 1))
	fmt.Println(1/min(0.0, math.Copysign(0, -1)), 1/max(math.Copysign(0, -1), 0.0))
	fmt.Println(min(math.NaN(), 1), max(1, math.NaN(), 2), min("b", "a", "c"))
	var rw RW = &file{}
	rw.Write("hi")
	var r Reader = rw
	fmt.Println(r.Read())
	var wr Writer = rw
	wr.Write("!")
	fmt.Println(rw.Read())
	fmt.Println(Max(1, 5, 3), Max(1.5, -2.0))
	l := &List[string]{}
	l.Push("a").Push("b")
	fmt.Println(l.Len(), l.items)
	fmt.Println(Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) }))
	type pt struct{ x, y int }
	fmt.Println(Map([]pt{{1, 2}}, func(p pt) int { return p.x + p.y }))
}
