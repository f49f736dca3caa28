package main

import "fmt"

func main() {
	x := 5
	var s string
	s = x
	fmt.Println(s)
}
