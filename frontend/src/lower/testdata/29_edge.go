package main

import (
	"fmt"
	"strings"
)

type Level int

func (l Level) String() string { return fmt.Sprint("L", int(l)) }

type Greeter interface{ Greet() string }
type English struct{}

func (English) Greet() string { return "hello" }

type multi struct {
	English
	n int
}

func split(s string) (head, tail string) {
	i := strings.IndexByte(s, ' ')
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i+1:]
}

func pass() (string, string) { return split("a b c") }

func main() {
	var g Greeter = multi{n: 1}
	fmt.Println(g.Greet())
	m := map[string]Level{"a": 1}
	fmt.Println(m["a"].String(), m["zz"])
	b := []byte("key")
	counts := map[string]int{"key": 5}
	fmt.Println(counts[string(b)])
	h, t := pass()
	fmt.Println(h, "|", t)
	var x interface{} = [2]int{1, 2}
	fmt.Println(x == [2]int{1, 2}, x == interface{}([2]int{1, 3}))
	type T struct {
		a int
		s string
	}
	var y interface{} = T{1, "s"}
	fmt.Println(y == T{1, "s"})
	len := 3
	fmt.Println(len)
	f := func(xs ...string) int { return cap(xs) }
	fmt.Println(f(), f("a", "b"))
	var arr [5]int
	for i := range arr {
		arr[i] = i * i
	}
	sl := arr[1:3]
	sl = sl[:cap(sl)]
	fmt.Println(sl, cap(sl))
	s := "hello"
	cnt := 0
	for range s {
		cnt++
	}
	fmt.Println(cnt)
	type Celsius float64
	temps := map[string]Celsius{"x": 1.5}
	temps["x"] *= 2
	temps["y"] += 0.25
	fmt.Println(temps)
	q := []int{3, 1, 2}
	q[0], q[2] = q[2], q[0]
	fmt.Println(q)
	var pp *int
	if pp == nil {
		v := 7
		pp = &v
	}
	*pp += 1
	fmt.Println(*pp)
	matrix := [3][3]int{}
	for i := range 3 {
		for j := range 3 {
			matrix[i][j] = i + j
		}
	}
	fmt.Println(matrix)
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprint(&sb, i)
	}
	fmt.Println(sb.String())
	println("to stderr", 1, true, 2.5)
}
