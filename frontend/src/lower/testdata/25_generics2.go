package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Vec[T Number] []T

func (v Vec[T]) Sum() T {
	var s T
	for _, x := range v {
		s += x
	}
	return s
}

func (v Vec[T]) Map(f func(T) T) Vec[T] {
	out := make(Vec[T], len(v))
	for i, x := range v {
		out[i] = f(x)
	}
	return out
}

type Cache[K comparable, V any] struct {
	data  map[K]V
	order []K
	limit int
}

func NewCache[K comparable, V any](limit int) *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V), limit: limit}
}

func (c *Cache[K, V]) Put(k K, v V) {
	if _, ok := c.data[k]; !ok {
		c.order = append(c.order, k)
	}
	c.data[k] = v
	if len(c.order) > c.limit {
		old := c.order[0]
		c.order = c.order[1:]
		delete(c.data, old)
	}
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	v, ok := c.data[k]
	return v, ok
}

type Shower interface{ Show() string }

type Num int

func (n Num) Show() string { return "#" + strconv.Itoa(int(n)) }

type Box[T Shower] struct{ items []T }

func (b *Box[T]) Add(t T) *Box[T] { b.items = append(b.items, t); return b }
func (b Box[T]) String() string {
	s := ""
	for _, it := range b.items {
		s += it.Show()
	}
	return s
}

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return "int:" + strconv.Itoa(x)
	case string:
		return "string:" + x
	case fmt.Stringer:
		return "stringer:" + x.String()
	}
	return fmt.Sprintf("other:%v", v)
}

func MaxBy[T any, K cmp.Ordered](xs []T, key func(T) K) (best T) {
	for i, x := range xs {
		if i == 0 || key(x) > key(best) {
			best = x
		}
	}
	return
}

type Opt[T any] struct {
	val T
	ok  bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }
func None[T any]() Opt[T]    { return Opt[T]{} }
func (o Opt[T]) OrElse(d T) T {
	if o.ok {
		return o.val
	}
	return d
}

type Tree[T cmp.Ordered] struct {
	root *tnode[T]
}

type tnode[T cmp.Ordered] struct {
	v    T
	l, r *tnode[T]
}

func (t *Tree[T]) Insert(v T) {
	p := &t.root
	for *p != nil {
		if v < (*p).v {
			p = &(*p).l
		} else {
			p = &(*p).r
		}
	}
	*p = &tnode[T]{v: v}
}

func (t *Tree[T]) InOrder(visit func(T)) {
	var walk func(n *tnode[T])
	walk = func(n *tnode[T]) {
		if n == nil {
			return
		}
		walk(n.l)
		visit(n.v)
		walk(n.r)
	}
	walk(t.root)
}

func main() {
	v := Vec[float64]{1.5, 2.5}
	fmt.Println(v.Sum(), v.Map(func(x float64) float64 { return x * 2 }))
	vi := Vec[int]{1, 2, 3}
	fmt.Println(vi.Sum(), len(vi))
	c := NewCache[string, int](2)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Put("c", 3)
	_, okA := c.Get("a")
	vc, okC := c.Get("c")
	fmt.Println(okA, vc, okC)
	b := &Box[Num]{}
	b.Add(1).Add(2)
	fmt.Println(b.String(), *b)
	fmt.Println(Describe(5), Describe("s"), Describe(Num(3)), Describe(2.5))
	words := []string{"go", "rust", "c"}
	fmt.Println(MaxBy(words, func(s string) int { return len(s) }))
	fmt.Println(Some(5).OrElse(0), None[string]().OrElse("default"))
	var t Tree[string]
	for _, w := range []string{"m", "c", "x", "a"} {
		t.Insert(w)
	}
	t.InOrder(func(s string) { fmt.Print(s, " ") })
	fmt.Println()
	fmt.Println(slices.IndexFunc(words, func(s string) bool { return s == "c" }), cmp.Compare(1, 2))
	fmt.Printf("%T %T\n", v, c)
}
