// A package spread over several files: declarations in one file are
// visible in the others, and init functions run in file-name order.
package main

import "fmt"

func main() {
	s := newShape("square", 3)
	fmt.Println(s.describe())
	fmt.Println("area:", s.area())
	fmt.Println("registry:", registry)
}

func init() {
	registry = append(registry, "main.go")
}
