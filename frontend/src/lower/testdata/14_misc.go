package main

import (
	"fmt"
	"unsafe"
)

type Vec struct{ X, Y float64 }

func (v Vec) Add(o Vec) Vec { return Vec{v.X + o.X, v.Y + o.Y} }

func Size[T any]() uintptr {
	var z T
	return unsafe.Sizeof(z)
}

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func multi() (int, int, int) { return 1, 2, 3 }

func describe(prefix string, args ...interface{}) string {
	return fmt.Sprint(prefix, len(args), args)
}

func main() {
	s := []int{1, 2, 3, 4}
	a := [4]int(s)
	p := (*[2]int)(s)
	p[0] = 10
	fmt.Println(a, s, *p)
	fmt.Println(Size[int32](), Size[Vec](), Size[string]())
	fmt.Println(sum(), sum(1), sum(1, 2, 3), sum(s...), sum(multi()))
	fmt.Println(describe("p"), describe("q", 1, "a", nil), describe("r", []interface{}{1, 2}...))
	v := Vec{1, 2}.Add(Vec{3, 4})
	fmt.Println(v)
	type kv struct {
		k string
		v int
	}
	list := []kv{{"a", 1}, {"b", 2}}
	byKey := map[string]*kv{}
	for i := range list {
		byKey[list[i].k] = &list[i]
	}
	byKey["a"].v = 100
	fmt.Println(list)
	var iface interface{} = v
	switch iface.(type) {
	case fmt.Stringer:
		fmt.Println("stringer")
	case Vec:
		fmt.Println("vec")
	}
	x := 5
	ptr := &x
	pp := &ptr
	**pp = 7
	fmt.Println(x, *ptr == 7)
	type node struct {
		val   int
		left  *node
		right *node
	}
	var insert func(n *node, v int) *node
	insert = func(n *node, v int) *node {
		if n == nil {
			return &node{val: v}
		}
		if v < n.val {
			n.left = insert(n.left, v)
		} else {
			n.right = insert(n.right, v)
		}
		return n
	}
	var root *node
	for _, v := range []int{5, 3, 8, 1, 4, 9} {
		root = insert(root, v)
	}
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil {
			return
		}
		walk(n.left)
		fmt.Print(n.val, " ")
		walk(n.right)
	}
	walk(root)
	fmt.Println()
	counts := [26]int{}
	for _, c := range "hello world" {
		if c >= 'a' && c <= 'z' {
			counts[c-'a']++
		}
	}
	fmt.Println(counts['l'-'a'], counts['o'-'a'])
	bits := uint64(0)
	for i := uint(0); i < 64; i += 3 {
		bits |= 1 << i
	}
	fmt.Printf("%x %b\n", bits, bits&0xff)
}
