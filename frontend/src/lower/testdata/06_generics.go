package main

import "fmt"

type Number interface {
	~int | ~int32 | ~float64
}

func SumMap[K comparable, V Number](m map[K]V) V {
	var s V
	for _, v := range m {
		s += v
	}
	return s
}

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func (l List[T]) Len() int { return l.size }

type Stringer interface{ String() string }

type ID int

func (i ID) String() string { return fmt.Sprintf("ID(%d)", int(i)) }

func JoinAll[T Stringer](xs []T) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += x.String()
	}
	return s
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type Pair[A, B any] struct {
	First  A
	Second B
}

func MakePair[A, B any](a A, b B) Pair[A, B] { return Pair[A, B]{a, b} }

func (p Pair[A, B]) Swap() Pair[B, A] { return Pair[B, A]{p.Second, p.First} }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }

func Keys[M ~map[K]V, K comparable, V any](m M) int { return len(m) }

func Zero[T any]() T {
	var z T
	return z
}

func main() {
	fmt.Println(SumMap(map[string]int{"a": 1, "b": 2}), SumMap(map[int]float64{1: 1.5, 2: 2.5}))
	var l List[string]
	l.Push("x")
	l.Push("y")
	l.Each(func(s string) { fmt.Print(s, " ") })
	fmt.Println(l.Len())
	var li List[int]
	li.Push(42)
	fmt.Println(li.Len(), li.head.val)
	fmt.Println(JoinAll([]ID{1, 2, 3}))
	evens := Filter([]int{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 })
	fmt.Println(evens)
	total := Reduce(evens, "", func(a string, i int) string { return a + fmt.Sprint(i) })
	fmt.Println(total)
	p := MakePair("a", 1)
	fmt.Printf("%v %+v %T\n", p, p.Swap(), p.Swap())
	s := Set[string]{}
	s.Add("k")
	fmt.Println(s.Has("k"), s.Has("z"), Keys(s))
	fmt.Println(Zero[int](), Zero[string]() == "", Zero[*int]() == nil)
	fmt.Println(min(3, 1, 2), max(1.5, 2.5), min("b", "a"))
	xs := []int{1, 2, 3}
	clear(xs)
	fmt.Println(xs)
	m := map[int]int{1: 1}
	clear(m)
	fmt.Println(len(m))
}
