package main

import "fmt"

type P struct {
	X, Y int
	Name string
}

type Arr [3]int

func modify(p P) P { p.X = 100; return p }
func modifyPtr(p *P) { p.Y = 200 }

func main() {
	a := P{1, 2, "a"}
	b := a
	b.X = 10
	fmt.Println(a, b, a == b, a != b)
	c := modify(a)
	fmt.Println(a, c)
	modifyPtr(&a)
	fmt.Println(a)
	arr := Arr{1, 2, 3}
	arr2 := arr
	arr2[0] = 9
	fmt.Println(arr, arr2, arr == arr2, arr == Arr{1, 2, 3})
	var i1, i2 interface{} = 3, 3
	fmt.Println(i1 == i2, i1 != 4, i1 == "3")
	var e1 error
	fmt.Println(e1 == nil)
	pp := &P{Name: "ptr"}
	pp.X++
	pp.Y += 5
	fmt.Printf("%+v %v\n", *pp, pp.Name)
	nested := struct {
		A P
		B []int
		C map[string]int
	}{A: P{1, 1, "n"}, B: []int{1}, C: map[string]int{"k": 1}}
	fmt.Printf("%v %+v\n", nested, nested)
	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	g2 := grid
	g2[1][2] = 60
	fmt.Println(grid, g2, len(grid), len(grid[0]))
	ps := []P{{1, 2, "x"}, {3, 4, "y"}}
	for i := range ps {
		ps[i].X *= 10
	}
	for _, p := range ps {
		p.Y = 0
	}
	fmt.Println(ps)
	mp := map[string]P{"a": {1, 2, "q"}}
	v := mp["a"]
	v.X = 5
	fmt.Println(mp, v, mp["zz"])
	var zero P
	fmt.Println(zero == P{}, zero)
	x, y := 1, 2
	x, y = y, x
	fmt.Println(x, y)
	s := []int{1, 2, 3}
	i := 0
	i, s[i] = 2, 7
	fmt.Println(i, s)
	s[0], s[1], s[2] = s[2], s[0], s[1]
	fmt.Println(s)
}
