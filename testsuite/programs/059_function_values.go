package main

import (
	"fmt"
	"strings"
)

type op func(int, int) int

func compose(f, g func(string) string) func(string) string {
	return func(s string) string { return g(f(s)) }
}

func main() {
	ops := map[string]op{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4))
	var f op
	fmt.Println(f == nil)
	f = ops["add"]
	fmt.Println(f != nil, f(1, 1))
	shout := compose(strings.ToUpper, func(s string) string { return s + "!" })
	fmt.Println(shout("hey"))
	table := []struct {
		name string
		fn   func(float64) float64
	}{
		{"half", func(x float64) float64 { return x / 2 }},
		{"square", func(x float64) float64 { return x * x }},
	}
	for _, t := range table {
		fmt.Println(t.name, t.fn(3))
	}
	fmt.Printf("%T\n", compose)
}
