package main

import "fmt"

type key struct {
	x, y int
}

func main() {
	grid := map[key]string{}
	grid[key{0, 0}] = "origin"
	grid[key{1, 2}] = "p"
	fmt.Println(grid[key{1, 2}], len(grid))
	grid[key{1, 2}] = "q"
	fmt.Println(grid)
	arr := map[[2]int]bool{{1, 2}: true}
	fmt.Println(arr[[2]int{1, 2}], arr[[2]int{2, 1}])
	iface := map[interface{}]int{1: 1, "1": 2, 1.0: 3}
	fmt.Println(iface[1], iface["1"], iface[1.0], len(iface))
	type person struct {
		name string
		tags []string
	}
	people := map[string]*person{"a": {name: "ann"}}
	people["a"].tags = append(people["a"].tags, "x")
	fmt.Println(*people["a"])
	vals := map[string]person{"b": {name: "bob"}}
	p := vals["b"]
	p.name = "bobby"
	vals["b"] = p
	fmt.Println(vals)
	bools := map[bool]int{true: 1, false: 0}
	fmt.Println(bools)
}
