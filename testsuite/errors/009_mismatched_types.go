package main

import "fmt"

func main() {
	a := 1
	s := "one"
	fmt.Println(a + s)
}
