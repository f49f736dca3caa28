package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("body done")
}

func args() {
	x := 1
	defer fmt.Println("x at defer time:", x)
	x = 2
	defer func() { fmt.Println("x in closure:", x) }()
	x = 3
}

func nested() {
	defer trace("nested")()
	fmt.Println("in nested")
}

func main() {
	order()
	args()
	nested()
}
