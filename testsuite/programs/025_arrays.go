package main

import "fmt"

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 100
	fmt.Println(a, b)
	fmt.Println(double(a), a)
	fmt.Println(a == [3]int{1, 2, 3}, a != b)
	c := [...]string{"x", "y", "z", "w"}
	fmt.Println(len(c), c)
	var grid [2][3]int
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = i*3 + j
		}
	}
	fmt.Println(grid)
	d := [5]int{1: 10, 3: 30}
	fmt.Println(d)
	p := &a
	p[1] = 20
	fmt.Println(a, len(p))
}
