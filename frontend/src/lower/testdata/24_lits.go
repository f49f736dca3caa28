package main

import "fmt"

type Point struct{ X, Y int }
type Line struct {
	A, B Point
	Tag  string
}

type Named map[string][]Point

func arr3() [3]int {
	fmt.Println("arr3 called")
	return [3]int{1, 2, 3}
}

func main() {
	pts := []*Point{{1, 2}, {X: 3}}
	fmt.Println(*pts[0], *pts[1])
	m := map[Point]string{{1, 2}: "a", {3, 4}: "b"}
	fmt.Println(m[Point{1, 2}], m[Point{3, 4}], len(m))
	lines := []Line{{Point{0, 0}, Point{1, 1}, "d"}, {A: Point{2, 2}}}
	fmt.Println(lines)
	nm := Named{"k": {{1, 1}, {2, 2}}}
	fmt.Println(nm)
	mm := map[string]map[string]int{"a": {"x": 1}}
	fmt.Println(mm)
	arrOfMaps := [2]map[int]string{{1: "one"}, nil}
	fmt.Println(arrOfMaps, arrOfMaps[1] == nil)
	ptrMap := map[string]*Point{"p": {5, 6}}
	fmt.Println(*ptrMap["p"])
	nested := [][]int{{1}, {2, 3}, {}}
	fmt.Println(nested, len(nested[2]))
	anon := []struct {
		name string
		n    int
	}{{"a", 1}, {"b", 2}}
	for _, a := range anon {
		fmt.Print(a.name, a.n, " ")
	}
	fmt.Println()
	for i := range arr3() {
		fmt.Print(i)
	}
	fmt.Println()
	p := &Point{Y: 9}
	p2 := &[]int{1, 2}
	p3 := &map[string]int{"z": 26}
	fmt.Println(*p, *p2, (*p3)["z"])
	type Matrix [2][2]float64
	id := Matrix{{1, 0}, {0, 1}}
	fmt.Println(id, id[1][1])
	bs := []byte{'a', 98, 0x63}
	fmt.Println(string(bs))
	idx := map[string][]int{}
	idx["x"] = append(idx["x"], 1)
	fmt.Println(idx)
	var iface interface{} = Point{1, 2}
	fmt.Println(iface.(Point).X)
	fns := map[string]func(int) int{"dbl": func(x int) int { return x * 2 }}
	fmt.Println(fns["dbl"](21))
	sl := []interface{}{1, "a", nil, Point{}, []int{1}}
	fmt.Println(sl...)
}
