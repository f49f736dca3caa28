package main

import (
	"errors"
	"fmt"
)

type Point struct {
	X, Y int
}

type Named struct {
	Name  string
	Tags  []string
	Inner *Point
	M     map[string]int
	I     interface{}
	E     error
}

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type plain struct {
	a int
	b string
}

func main() {
	p := Point{1, 2}
	fmt.Println(p, &p, []Point{p})
	n := Named{"n", []string{"x", "y"}, &Point{3, 4}, map[string]int{"b": 2, "a": 1}, 5, errors.New("bad")}
	fmt.Printf("%v\n%+v\n", n, n)
	var np *Point
	var ni interface{}
	var ne error
	var ns []int
	var nm map[int]bool
	fmt.Println(np == nil, ni, ne, ns, nm)
	fmt.Printf("%v %d %s %q %x\n", plain{1, "s"}, []int{1, 2}, []string{"a"}, 'x', 255)
	fmt.Printf("%5d|%-5d|%05d|%+d\n", 42, 42, 42, 42)
	fmt.Printf("%t %v %p\n", true, nil, nil)
	fmt.Printf("%6.2f|%-8.3e|%g\n", 3.14159, 1234.5678, 0.000001234)
	fmt.Printf("%s %v\n", errors.New("err"), fmt.Errorf("wrap: %w", errors.New("inner")))
	fmt.Printf("%T %T %T %T\n", p, &p, n.M, n.I)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5), fmt.Sprintln("x", 1))
	type pair struct {
		k string
		v *int
	}
	fmt.Printf("%+v\n", pair{"k", nil})
	arr := [2]bool{true}
	fmt.Println(arr, [0]int{}, struct{}{})
	var iface fmt.Stringer = p
	fmt.Println(iface)
	fmt.Printf("%v %s\n", iface, iface)
	bs := []byte("hey")
	fmt.Println(bs, string(bs))
	fmt.Printf("%s %x %v\n", bs, bs, bs)
}
