package main

import "fmt"

func main() {
	pairs := [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {1, 3}}
	for _, p := range pairs {
		a, b := p[0], p[1]
		fmt.Printf("%d/%d=%d %d%%%d=%d\n", a, b, a/b, a, b, a%b)
	}
	var u uint = 7
	fmt.Println(u/2, u%2)
	x := -9
	fmt.Println(x/4, x>>2, x%4, x&3)
	var i8 int8 = -128
	var m1 int8 = -1
	fmt.Println(i8/m1, i8%m1)
	n := 1000000007
	fmt.Println((n*n)%1000, (n%1000)*(n%1000)%1000)
}
