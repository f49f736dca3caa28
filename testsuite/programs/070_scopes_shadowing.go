package main

import "fmt"

var x = "package"

func show() { fmt.Println("show sees", x) }

func main() {
	fmt.Println(x)
	x := "function"
	fmt.Println(x)
	{
		x := "block"
		fmt.Println(x)
	}
	if x := 1; x > 0 {
		fmt.Println("if scope", x)
	}
	for x := 0; x < 1; x++ {
		fmt.Println("for scope", x)
	}
	fmt.Println(x)
	show()
	err := fmt.Errorf("outer")
	if true {
		err := fmt.Errorf("inner")
		_ = err
	}
	fmt.Println(err)
	fmt := "shadowed package name"
	_ = fmt
}
