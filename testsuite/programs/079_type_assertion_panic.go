package main

import "fmt"

func main() {
	var i interface{} = "a string"
	n, ok := i.(int)
	fmt.Println(n, ok)
	s := i.(string)
	fmt.Println(s)
	fmt.Println(i.(int))
}
