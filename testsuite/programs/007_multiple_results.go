package main

import "fmt"

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func swap(a, b string) (string, string) { return b, a }

func three() (int, string, bool) { return 1, "two", true }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	x, y := swap("hello", "world")
	fmt.Println(x, y)
	_, s, _ := three()
	fmt.Println(s)
	fmt.Println(divmod(100, 7))
}
