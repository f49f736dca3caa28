package main

import "fmt"

var (
	global   int
	greeting = "hi"
	x, y     = 1, 2.5
)

func main() {
	var i int
	var f float64
	var s string
	var b bool
	var p *int
	fmt.Println(i, f, s == "", b, p == nil)
	fmt.Printf("%q\n", s)
	a, c := 10, "ten"
	fmt.Println(a, c)
	a, d := 20, true
	fmt.Println(a, d)
	fmt.Println(global, greeting, x, y)
	global = 7
	fmt.Println(global)
}
