// == on structs and arrays holding interfaces compares in order and stops
// at the first difference: an uncomparable dynamic value panics only when
// reached, element by element in arrays too.
package main

import "fmt"

type S struct {
	a int
	b any
	c string
}

type Inner struct {
	x any
}

type Outer struct {
	n  int
	in Inner
	s  string
}

func try(name string, f func() bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	fmt.Println(name, f())
}

func main() {
	x := S{1, []int{1}, "a"}
	y := S{2, []int{1}, "a"}
	try("first field differs", func() bool { return x == y })
	y.a = 1
	try("reaches slice", func() bool { return x == y })
	try("nested differs first", func() bool {
		return Outer{1, Inner{[]int{}}, "s"} == Outer{2, Inner{[]int{}}, "s"}
	})
	try("nested reached", func() bool {
		return Outer{1, Inner{[]int{}}, "s"} == Outer{1, Inner{[]int{}}, "t"}
	})
	try("array values", func() bool {
		return [3]any{1, []int{}, 3} == [3]any{2, []int{}, 3}
	})
	try("array types first", func() bool {
		return [2]any{[]int{}, 1} == [2]any{[]int{}, "x"}
	})
	try("array reached", func() bool {
		return [2]any{[]int{}, 1} == [2]any{[]int{}, 1}
	})
	big1, big2 := [20]any{}, [20]any{}
	big1[0], big2[0] = []int{}, []int{}
	big1[19], big2[19] = 1, "x"
	try("large array types first", func() bool { return big1 == big2 })
	var e1, e2 any = x, S{1, []int{1}, "b"}
	try("in interfaces", func() bool { return e1 == e2 })
	e2 = S{3, nil, ""}
	try("in interfaces, differs first", func() bool { return e1 == e2 })
	m := map[any]int{}
	try("map key", func() bool { m[S{1, 2, "k"}] = 1; return m[S{1, 2, "k"}] == 1 })
}
